import Foundation

extension CareClient {
    /// The phase of the first 1000 days, in the directory's phase vocabulary (`Term.phases`).
    enum Phase: String, CaseIterable, Sendable, Codable {
        case wish = "kinderwens"
        case trimester1 = "zwangerschap-t1"
        case trimester2 = "zwangerschap-t2"
        case trimester3 = "zwangerschap-t3"
        case maternity = "kraamtijd"
        case firstYear = "0-1"
        case secondYear = "1-2"

        /// The directory term, so services of this phase can be found.
        var term: Term { Term.find(.fase, rawValue)! }
    }

    /// The phase on a day: from the birth date when the baby is born, otherwise from the expected
    /// date (a pregnancy lasts 280 days from the first day of the last period). Nil without dates
    /// or after the first 1000 days.
    func phase(on day: Date) -> Phase? {
        Self.phase(expected: expectedBirthDate, actual: actualBirthDate, on: day)
    }

    static func phase(expected: Date?, actual: Date?, on day: Date) -> Phase? {
        let dayLength: Double = 86_400
        if let born = actual ?? expected.flatMap({ $0 <= day ? $0 : nil }) {
            let age = Int(((day.timeIntervalSince(born)) / dayLength).rounded(.down))
            switch age {
            case ..<0: break
            case 0..<14: return .maternity
            case 14..<365: return .firstYear
            case 365..<730: return .secondYear
            default: return nil
            }
        }
        guard let expected else { return nil }
        let pregnancyDay = 280 - Int((expected.timeIntervalSince(day) / dayLength).rounded(.down))
        switch pregnancyDay {
        case ..<0: return .wish
        case 0..<98: return .trimester1
        case 98..<196: return .trimester2
        default: return .trimester3
        }
    }
}
