import Fluent
import Vapor

/// Loads the demo: organisations, offering, coalitions, accounts and pathways of Zeist,
/// Borsele and Apeldoorn. Ids are stable so links in docs and tests keep working.
struct DemoData {
    var password: String

    struct Account { var email: String; var name: String; var role: Role; var org: String; var coalitions: [String] }

    static let accounts: [Account] = [
        Account(email: "professional@zeist.demo", name: "Demi Verloskundige", role: .professional, org: "vp-zeist", coalitions: ["zeist"]),
        Account(email: "coordinator@zeist.demo", name: "Kim Coördinator", role: .coordinator, org: "gemeente-zeist", coalitions: ["zeist"]),
        Account(email: "policy@zeist.demo", name: "Bo Beleid", role: .policy, org: "gemeente-zeist", coalitions: ["zeist"]),
        Account(email: "admin@kansrijk.demo", name: "Alex Beheer", role: .admin, org: "kansrijk", coalitions: []),
        Account(email: "coordinator@borsele.demo", name: "Robin Trekker", role: .coordinator, org: "gemeente-borsele", coalitions: ["borsele"]),
        Account(email: "professional@apeldoorn.demo", name: "Sam Jeugdverpleegkundige", role: .professional, org: "cjg-apeldoorn", coalitions: ["apeldoorn"]),
        Account(email: "coordinator@apeldoorn.demo", name: "Noor Netwerk", role: .coordinator, org: "cjg-apeldoorn", coalitions: ["apeldoorn"]),
    ]

    static let coalitions: [(slug: String, name: String, municipalities: [String])] = [
        ("zeist", "Kansrijke Start Zeist", [DemoCatalog.zeist]),
        ("borsele", "Kansrijke Start Borsele", [DemoCatalog.borsele]),
        ("apeldoorn", "Kansrijke Start Apeldoorn", [DemoCatalog.apeldoorn]),
    ]

    static func orgID(_ key: String) -> UUID { StableID.make("demo:org:\(key)") }
    static func serviceID(_ name: String) -> UUID { StableID.make("demo:service:\(name)") }
    static func coalitionID(_ slug: String) -> UUID { StableID.make("demo:coalition:\(slug)") }
    static func membershipID(_ email: String, _ slug: String) -> UUID { StableID.make("demo:membership:\(email):\(slug)") }

    func load(on app: Application) async throws {
        let hash = try await app.password.async.hash(password)
        try await app.db.auditedTransaction { db in
            for o in DemoCatalog.organisations {
                try await Organisation(id: Self.orgID(o.key), name: o.name, kind: o.kind, description: o.description,
                                       municipalityCode: o.municipality,
                                       email: "info@\(o.key).example", website: "https://\(o.key).example",
                                       phone: "030 000 00 \(String(format: "%02d", abs(o.key.hashValue) % 100))").create(on: db)
                let m = try await Municipality.find(o.municipality, on: db)
                try await Location(id: StableID.make("demo:location:\(o.key)"), organisationID: Self.orgID(o.key), name: o.name,
                                   street: o.street, postalCode: o.postalCode, city: o.city, municipalityCode: o.municipality,
                                   latitude: m?.latitude, longitude: m?.longitude).create(on: db)
            }
            for o in DemoCatalog.offers { try await Self.draft(o).save(on: db) }
            for c in Self.coalitions {
                try await Coalition(id: Self.coalitionID(c.slug), name: c.name, slug: c.slug).create(on: db)
                for m in c.municipalities {
                    try await CoalitionMunicipality(coalitionID: Self.coalitionID(c.slug), municipalityCode: m).create(on: db)
                }
            }
            for a in Self.accounts {
                let user = User(id: StableID.make("demo:user:\(a.email)"), email: a.email, name: a.name, passwordHash: hash,
                                role: a.role, organisationID: Self.orgID(a.org))
                try await user.create(on: db)
                for slug in a.coalitions {
                    let member = CoalitionMember(coalitionID: Self.coalitionID(slug), userID: try user.requireID())
                    member.id = Self.membershipID(a.email, slug)
                    try await member.create(on: db)
                }
            }
            try await DemoPathways.create(on: db)
            try await DemoCoalitions.create(on: db, now: Date())
        }
        try await DemoParticipation.load(on: app)
        try await DemoBirths.load(on: app)
        try await NationalFigureCounts.store(on: app)
        try await DemoCare.load(on: app, password: hash, now: Date())
        try await DemoExtraCare.load(on: app.db, now: Date())
        try await DemoPublicStories.load(on: app)
    }

    static func draft(_ o: DemoCatalog.Offer) -> ServiceDraft {
        var terms: [UUID] = []
        terms += o.phases.compactMap { Term.find(.fase, $0)?.id }
        terms += o.themes.compactMap { Term.find(.thema, $0)?.id }
        terms += o.groups.compactMap { Term.find(.doelgroep, $0)?.id }
        terms += [Term.find(.bewijs, o.evidence)?.id].compactMap { $0 }
        let orgID = orgID(o.org)
        return ServiceDraft(
            id: serviceID(o.name), organisationID: orgID, name: o.name, description: o.description, parentSummary: o.parents,
            email: "aanmelden@\(o.org).example", phone: "030 000 11 22", applicationProcess: o.howToApply,
            accessRoute: o.access, feesDescription: o.fees, eligibilityDescription: nil,
            minimumAge: o.minAge, maximumAge: o.maxAge, capacity: o.capacity, waitWeeks: o.waitWeeks,
            termIDs: terms, areaCodes: o.areas, languages: o.languages,
            schedules: o.schedule.map { [.init(description: $0)] } ?? [],
            contacts: o.contact.map { [.init(name: $0.name, title: $0.title, email: "contact@\(o.org).example", phone: "030 000 33 44")] } ?? [],
            locationIDs: o.online ? [] : [StableID.make("demo:location:\(o.org)")])
    }
}
