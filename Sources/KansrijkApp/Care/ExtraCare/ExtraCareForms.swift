import Foundation
import Vapor

/// The professional's request for extra care, as typed (fields stay strings so the form comes back as it was).
struct ExtraCareRequestForm: Content, Sendable {
    var care: String?
    var provider: String?
    var unit: String?
    var amount: String?
    var reason: String?

    struct Valid: Sendable { var care: String; var provider: String; var unit: ExtraCareUnit; var amount: Int; var reason: String }

    static let order = ["care", "provider", "unit", "amount", "reason"]

    func validate(english: Bool) -> Result<Valid, FieldErrors> {
        var errors = FieldErrors()
        let care = (care ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let provider = (provider ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let reason = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if care.isEmpty { errors["care"] = english ? "Fill in what care is needed." : "Vul in welke zorg nodig is." }
        else if care.count > 200 { errors["care"] = english ? "Use at most 200 characters." : "Gebruik hoogstens 200 tekens." }
        if provider.isEmpty { errors["provider"] = english ? "Fill in which organisation gives the care." : "Vul in welke organisatie de zorg geeft." }
        else if provider.count > 200 { errors["provider"] = english ? "Use at most 200 characters." : "Gebruik hoogstens 200 tekens." }
        let unit = ExtraCareUnit(rawValue: unit ?? "")
        if unit == nil { errors["unit"] = english ? "Choose hours or days." : "Kies uren of dagen." }
        let amount = ExtraCareAmount.parse(amount, unit: unit ?? .hours)
        if amount == nil { errors["amount"] = ExtraCareAmount.message(unit ?? .hours, english: english) }
        if reason.isEmpty { errors["reason"] = english ? "Explain why the standard care is not enough." : "Leg uit waarom de gewone zorg niet genoeg is." }
        else if reason.count > 2000 { errors["reason"] = english ? "Use at most 2000 characters." : "Gebruik hoogstens 2000 tekens." }
        guard errors.isEmpty, let unit, let amount else { return .failure(errors) }
        return .success(Valid(care: care, provider: provider, unit: unit, amount: amount, reason: reason))
    }
}

/// A whole number of hours (1-500) or days (1-60).
enum ExtraCareAmount {
    static func range(_ unit: ExtraCareUnit) -> ClosedRange<Int> { unit == .hours ? 1...500 : 1...60 }

    static func parse(_ raw: String?, unit: ExtraCareUnit) -> Int? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty, raw.count <= 4,
              raw.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(raw), range(unit).contains(n) else { return nil }
        return n
    }

    static func message(_ unit: ExtraCareUnit, english: Bool) -> String {
        let r = range(unit)
        return english ? "Enter a whole number of \(unit == .hours ? "hours" : "days") from \(r.lowerBound) to \(r.upperBound)."
            : "Vul een heel aantal \(unit == .hours ? "uren" : "dagen") in van \(r.lowerBound) tot en met \(r.upperBound)."
    }
}

/// The decision-maker's answer: approve with hours or days and a financer, or reject with a reason.
struct ExtraCareDecisionForm: Content, Sendable {
    var decision: String?
    var granted: String?
    var financer: String?
    var financer_other: String?
    var note: String?

    enum Valid: Sendable, Equatable {
        case approve(amount: Int, financer: ExtraCareFinancer, other: String?, note: String?)
        case reject(reason: String)
    }

    static let order = ["decision", "granted", "financer", "financer_other", "note"]

    func validate(unit: ExtraCareUnit, english: Bool) -> Result<Valid, FieldErrors> {
        var errors = FieldErrors()
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 1000 { errors["note"] = english ? "Use at most 1000 characters." : "Gebruik hoogstens 1000 tekens." }
        switch decision {
        case "approve":
            let amount = ExtraCareAmount.parse(granted, unit: unit)
            if amount == nil { errors["granted"] = ExtraCareAmount.message(unit, english: english) }
            let financer = ExtraCareFinancer(rawValue: financer ?? "")
            if financer == nil { errors["financer"] = english ? "Choose who pays for the care." : "Kies wie de zorg betaalt." }
            let other = (financer_other ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if financer == .anders, other.isEmpty { errors["financer_other"] = english ? "Fill in who pays." : "Vul in wie betaalt." }
            else if other.count > 200 { errors["financer_other"] = english ? "Use at most 200 characters." : "Gebruik hoogstens 200 tekens." }
            guard errors.isEmpty, let amount, let financer else { return .failure(errors) }
            return .success(.approve(amount: amount, financer: financer, other: financer == .anders ? other : nil, note: note.isEmpty ? nil : note))
        case "reject":
            if note.isEmpty { errors["note"] = english ? "Say why the request is rejected." : "Vul in waarom u de aanvraag afwijst." }
            guard errors.isEmpty else { return .failure(errors) }
            return .success(.reject(reason: note))
        default:
            errors["decision"] = english ? "Choose approve or reject." : "Kies goedkeuren of afwijzen."
            return .failure(errors)
        }
    }
}

/// "Afgerekend": the settled amount in euros (a decimal comma or point, at most two decimals) and the day.
struct ExtraCareSettleForm: Content, Sendable {
    var amount: String?
    var settled_on: String?

    static let order = ["amount", "settled_on"]

    func validate(today: Date, english: Bool) -> Result<(cents: Int, day: Date), FieldErrors> {
        var errors = FieldErrors()
        let cents = Self.cents(amount)
        if cents == nil { errors["amount"] = english ? "Enter an amount in euros, for example 1250,00." : "Vul een bedrag in euro in, bijvoorbeeld 1250,00." }
        let day = CalendarDay.parse(settled_on)
        if day == nil { errors["settled_on"] = english ? "Enter the date it was settled." : "Vul de datum van de afrekening in." }
        else if let day, day > today { errors["settled_on"] = english ? "The date cannot be in the future." : "De datum kan niet in de toekomst liggen." }
        guard errors.isEmpty, let cents, let day else { return .failure(errors) }
        return .success((cents, day))
    }

    /// "1.250,50", "1250,5", "1250.50" or "1250" into cents; 0 to 1,000,000 euros.
    static func cents(_ raw: String?) -> Int? {
        var s = (raw ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "€", with: "").trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty, s.count <= 14 else { return nil }
        if s.contains(",") { s = s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".") }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let euros = Int(parts[0]), euros <= 1_000_000 else { return nil }
        var cents = euros * 100
        if parts.count == 2 {
            let frac = parts[1]
            guard (1...2).contains(frac.count), let f = Int(frac) else { return nil }
            cents += frac.count == 1 ? f * 10 : f
        }
        return cents
    }

    /// "€ 1.250,50" on Dutch pages, "€1,250.50" on English ones, for cents.
    static func euros(_ cents: Int, _ language: UILanguage = .nl) -> String {
        let whole = cents / 100, rest = String(format: "%02d", cents % 100)
        return language == .en ? "€" + ImpulseFunding.grouped(whole, separator: ",") + "." + rest
            : "€ " + ImpulseFunding.grouped(whole) + "," + rest
    }
}
