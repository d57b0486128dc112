import Fluent

/// The migrations of screening, the MDO and volunteers, in order; they run after the care foundation's.
enum CareScreeningMDOMigrations {
    static let all: [any Migration] = [
        CreateScreeningInstruments(), SeedDefaultScreeningInstrument(), CreateScreenings(), CreateMDO(), CreateVolunteers(),
    ]
}
