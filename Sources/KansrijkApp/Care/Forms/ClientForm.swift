import Foundation
import Vapor

/// A new client: name or initials, dates, municipality and language; nothing more (data minimisation).
struct ClientForm: Content, Sendable {
    var name: String?
    var birthDate: String?
    var municipality: String?
    var expectedBirthDate: String?
    var actualBirthDate: String?
    var language: String?

    enum CodingKeys: String, CodingKey {
        case name, municipality, language
        case birthDate = "birth_date"
        case expectedBirthDate = "expected_birth_date"
        case actualBirthDate = "actual_birth_date"
    }

    struct Valid: Sendable {
        var name: String; var birthDate: Date; var municipalityCode: String
        var expectedBirthDate: Date?; var actualBirthDate: Date?; var language: String
    }

    func validate(municipalities: Set<String>, today: Date, english: Bool) -> Result<Valid, FieldErrors> {
        let m = CareMessages(english: english)
        let w = m.workspace
        var errors = FieldErrors()
        let name = FormInput.limited(self.name, "name", max: 120, required: true, &errors, w)
        let birth = FormInput.day(birthDate, "birth_date", required: true, &errors, w)
        if let birth {
            if birth > today { errors["birth_date"] = m.birthFuture }
            else if birth < today.addingTimeInterval(-60 * 365.25 * 86_400) { errors["birth_date"] = m.birthTooOld }
        }
        let expected = FormInput.day(expectedBirthDate, "expected_birth_date", required: false, &errors, w)
        if let expected, expected > today.addingTimeInterval(300 * 86_400) { errors["expected_birth_date"] = m.expectedTooFar }
        else if let expected, expected < today.addingTimeInterval(-730 * 86_400) { errors["expected_birth_date"] = m.expectedTooLongAgo }
        let actual = FormInput.day(actualBirthDate, "actual_birth_date", required: false, &errors, w)
        if let actual {
            if actual > today { errors["actual_birth_date"] = m.actualFuture }
            else if let birth, actual <= birth { errors["actual_birth_date"] = m.actualBeforeMother }
        }
        let code = FormInput.text(municipality)
        if code.map(municipalities.contains) != true { errors["municipality"] = m.municipality }
        let language = FormInput.text(self.language)
        if language.map({ l in ClientLanguages.codes.contains { $0.code == l } }) != true { errors["language"] = m.language }
        guard errors.isEmpty, let name, let birth, let code, let language else { return .failure(CareMessages(english: english).naming(errors)) }
        return .success(Valid(name: name, birthDate: birth, municipalityCode: code, expectedBirthDate: expected,
                              actualBirthDate: actual, language: language))
    }
}
