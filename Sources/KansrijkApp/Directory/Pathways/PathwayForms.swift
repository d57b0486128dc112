import Foundation
import Vapor

struct PathwayForm: Content, Sendable {
    var title: String?
    var theme: String?
    var coalition: String?
    var summary: String?

    struct Valid { var title: String; var theme: String; var coalitionID: UUID; var summary: String }

    func validate(allowedCoalitions: Set<UUID>, english: Bool) -> Result<Valid, FieldErrors> {
        let m = FieldMessages(english: english)
        var errors = FieldErrors()
        let title = title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if title.isEmpty { errors["title"] = m.say("Vul de titel van het zorgpad in.", "Fill in the pathway's title.") } else if title.count > 150 { errors["title"] = m.tooLong(150) }
        let theme = theme ?? ""
        if Term.find(.thema, theme) == nil { errors["theme"] = m.say("Kies een thema.", "Choose a theme.") }
        let coalitionID = coalition.flatMap(UUID.init(uuidString:))
        if coalitionID == nil || !allowedCoalitions.contains(coalitionID!) { errors["coalition"] = m.say("Kies een coalitie waarvoor u zorgpaden mag maken.", "Choose a coalition you may make pathways for.") }
        let summary = summary?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if summary.count > 1000 { errors["summary"] = m.tooLong(1000) }
        guard errors.isEmpty, let coalitionID else { return .failure(errors) }
        return .success(Valid(title: title, theme: theme, coalitionID: coalitionID, summary: summary))
    }
}

struct StepForm: Content, Sendable {
    var phase: String?
    var kind: String?
    var title: String?
    var description: String?
    var organisation: String?
    var service: String?
    var contactPerson: String?
    var agreement: String?

    enum CodingKeys: String, CodingKey {
        case phase, kind, title, description, organisation, service, agreement
        case contactPerson = "contact_person"
    }

    struct Valid {
        var phase: String; var kind: StepKind; var title: String; var description: String
        var organisationID: UUID?; var serviceID: UUID?; var contactPerson: String?; var agreement: String?
    }

    func validate(organisations: Set<UUID>, snapshot: DirectorySnapshot, english: Bool) -> Result<Valid, FieldErrors> {
        let m = FieldMessages(english: english)
        var errors = FieldErrors()
        func text(_ v: String?) -> String? {
            guard let t = v?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        let phase = text(phase) ?? ""
        if Term.find(.fase, phase) == nil { errors["phase"] = m.say("Kies de fase van de stap.", "Choose the step's phase.") }
        let kind = StepKind(rawValue: text(kind) ?? "")
        if kind == nil { errors["kind"] = m.say("Kies de soort stap.", "Choose the kind of step.") }
        let title = text(title)
        if title == nil { errors["title"] = m.say("Vul in wat er gebeurt.", "Fill in what happens.") } else if title!.count > 200 { errors["title"] = m.tooLong(200) }
        let description = text(description) ?? ""
        if description.count > 2000 { errors["description"] = m.tooLong(2000) }
        var organisationID: UUID?
        if let o = text(organisation) {
            organisationID = UUID(uuidString: o)
            if organisationID == nil || !organisations.contains(organisationID!) { errors["organisation"] = m.say("Kies een organisatie uit de lijst.", "Choose an organisation from the list.") }
        }
        var serviceID: UUID?
        if let s = text(service) {
            serviceID = UUID(uuidString: s)
            if serviceID == nil || snapshot.service(serviceID!) == nil { errors["service"] = m.say("Kies aanbod uit de lijst.", "Choose a service from the list.") }
        }
        guard errors.isEmpty, let kind, let title else { return .failure(errors) }
        return .success(Valid(phase: phase, kind: kind, title: title, description: description, organisationID: organisationID,
                              serviceID: serviceID, contactPerson: text(contactPerson), agreement: text(agreement)))
    }
}
