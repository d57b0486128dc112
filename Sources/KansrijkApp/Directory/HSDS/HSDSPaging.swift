import Vapor

/// `page` (1-based) and `per_page` of a list request, validated.
struct HSDSPaging: Sendable, Equatable {
    static let defaultPerPage = 50
    static let maxPerPage = 200
    /// Far beyond any real listing; keeps `page * per_page` well inside `Int`.
    static let maxPage = 1_000_000

    var page: Int
    var perPage: Int

    init(page: Int = 1, perPage: Int = HSDSPaging.defaultPerPage) {
        self.page = page
        self.perPage = perPage
    }

    /// Reads the raw query values; anything but a whole number in range is a 400 with a Dutch reason.
    init(page rawPage: String?, perPage rawPerPage: String?) throws {
        self.init()
        if let raw = rawPage {
            guard let value = Int(raw.trimmingCharacters(in: .whitespaces)), (1...Self.maxPage).contains(value) else {
                throw Abort(.badRequest, reason: "De parameter page moet een geheel getal vanaf 1 zijn; '\(raw)' is dat niet.")
            }
            page = value
        }
        if let raw = rawPerPage {
            guard let value = Int(raw.trimmingCharacters(in: .whitespaces)), (1...Self.maxPerPage).contains(value) else {
                throw Abort(.badRequest, reason: "De parameter per_page moet een geheel getal van 1 tot en met \(Self.maxPerPage) zijn; '\(raw)' is dat niet.")
            }
            perPage = value
        }
    }

    init(_ parameters: HSDSParameters) throws {
        try self.init(page: parameters.page, perPage: parameters.perPage)
    }

    /// Index of the first item on this page.
    var offset: Int { (page - 1) * perPage }

    /// This page of an already ordered list.
    func slice<T>(_ items: [T]) -> ArraySlice<T> {
        guard offset < items.count else { return [] }
        return items[offset..<min(offset + perPage, items.count)]
    }
}
