import Foundation
import Vapor

/// The client's details as an involved professional corrects them (issue #15). A new municipality
/// is a move: on `movedOn` (today when left empty).
struct ClientDetailsForm: Content, Sendable {
    var name: String?
    var birthDate: String?
    var municipality: String?
    var expectedBirthDate: String?
    var language: String?
    var movedOn: String?

    enum CodingKeys: String, CodingKey {
        case name, municipality, language
        case birthDate = "birth_date"
        case expectedBirthDate = "expected_birth_date"
        case movedOn = "moved_on"
    }

    struct Valid: Sendable {
        var details: ClientForm.Valid
        /// The day of the move when the municipality changed.
        var movedOn: Date?
    }

    init(name: String?, birthDate: String?, municipality: String?, expectedBirthDate: String?, language: String?, movedOn: String?) {
        self.name = name
        self.birthDate = birthDate
        self.municipality = municipality
        self.expectedBirthDate = expectedBirthDate
        self.language = language
        self.movedOn = movedOn
    }

    /// The form filled with the record as it is.
    init(_ client: CareClient) {
        self.init(name: client.name, birthDate: CalendarDay.iso(client.birthDate), municipality: client.municipalityCode,
                  expectedBirthDate: client.expectedBirthDate.map(CalendarDay.iso), language: client.language, movedOn: nil)
    }

    /// The same checks as a new record (`ClientForm`), the baby's recorded birth date included, and the move's day.
    func validate(_ client: CareClient, municipalities: Set<String>, today: Date, english: Bool) -> Result<Valid, FieldErrors> {
        let base = ClientForm(name: name, birthDate: birthDate, municipality: municipality, expectedBirthDate: expectedBirthDate,
                              actualBirthDate: client.actualBirthDate.map(CalendarDay.iso), language: language)
        var errors = FieldErrors()
        var details: ClientForm.Valid?
        switch base.validate(municipalities: municipalities, today: today, english: english) {
        case .success(let v): details = v
        case .failure(let e):
            errors = e
            // the baby's date is not on this form: a mother's date after it is the mother's date's error
            if let baby = errors["actual_birth_date"] { errors["actual_birth_date"] = nil; errors["birth_date"] = errors["birth_date"] ?? baby }
        }
        let m = ClientRecordMessages(english: english)
        let moved = FormInput.day(movedOn, "moved_on", required: false, &errors, CareMessages(english: english).workspace)
        let moves = FormInput.text(municipality).map { $0 != client.municipalityCode } ?? false
        if let moved {
            if !moves { errors["moved_on"] = m.movedWithoutMove }
            else if moved > today { errors["moved_on"] = m.movedFuture }
            else if moved < today.addingTimeInterval(-730 * 86_400) { errors["moved_on"] = m.movedLongAgo }
        }
        guard errors.isEmpty, let details else { return .failure(errors) }
        return .success(Valid(details: details, movedOn: moves ? (moved ?? today) : nil))
    }
}
