import Foundation
import Vapor

/// The birth as the professional records it (issue #15): the baby's date of birth.
struct ClientBirthForm: Content, Sendable {
    var actualBirthDate: String?

    enum CodingKeys: String, CodingKey { case actualBirthDate = "actual_birth_date" }

    func validate(_ client: CareClient, today: Date, english: Bool) -> Result<Date, FieldErrors> {
        let m = ClientRecordMessages(english: english), c = CareMessages(english: english)
        var errors = FieldErrors()
        guard let day = FormInput.day(actualBirthDate, "actual_birth_date", required: true, &errors, c.workspace) else {
            if errors["actual_birth_date"] == c.workspace.required { errors["actual_birth_date"] = m.babyRequired }
            return .failure(errors)
        }
        if day > today { errors["actual_birth_date"] = c.actualFuture }
        else if day <= client.birthDate { errors["actual_birth_date"] = c.actualBeforeMother }
        else if day < today.addingTimeInterval(-730 * 86_400) { errors["actual_birth_date"] = m.babyTooLongAgo }
        else if let expected = client.expectedBirthDate, day < expected.addingTimeInterval(-140 * 86_400) { errors["actual_birth_date"] = m.babyTooEarly }
        return errors.isEmpty ? .success(day) : .failure(errors)
    }
}
