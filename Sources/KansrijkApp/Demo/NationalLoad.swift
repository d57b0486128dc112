import Fluent
import Foundation
import SQLKit

/// The whole country as one database, for the national load bench (`bench/national-load/`, issue 17):
/// coalitions, organisations with their professionals and coordinators, services, clients with
/// consents and involvements, referrals, a valid audit hash chain and ten years of births, at a
/// scale of the national volumes. `kansrijk demo --national-load [--scale 0.05] [--plan FILE]`.
///
/// Written in bulk: multi-row INSERTs in transactions of `clientsPerTransaction` clients; the audit
/// events go through the chain's own insert (`AuditLog.insert`: one statement per 1,000 events,
/// hashed with `AuditLog.hash`), continuing whatever chain the database has, so `audit verify`
/// passes afterwards. Deterministic for the same database and scale; every name is made up.
struct NationalLoad {
    /// How many of each the generator makes (municipalities are the 342 the reference data has).
    struct Counts: Equatable, Sendable, CustomStringConvertible {
        var coalitions: Int
        var organisations: Int
        var professionals: Int
        var services: Int
        var clients: Int
        var referrals: Int
        var auditEvents: Int
        var birthsPerYear: Int

        /// The national volumes of issue 17.
        static let national = Counts(coalitions: 275, organisations: 2_000, professionals: 8_000, services: 40_000,
                                     clients: 200_000, referrals: 500_000, auditEvents: 2_000_000, birthsPerYear: 165_000)

        /// `national` times `scale`, each at least 1 (referrals and audit events at least one per client).
        static func scaled(_ scale: Double) -> Counts {
            func s(_ n: Int) -> Int { max(1, Int((Double(n) * scale).rounded())) }
            let clients = s(national.clients)
            return Counts(coalitions: s(national.coalitions), organisations: max(3, s(national.organisations)),
                          professionals: max(3, s(national.professionals)), services: s(national.services), clients: clients,
                          referrals: max(clients, s(national.referrals)), auditEvents: max(clients, s(national.auditEvents)),
                          birthsPerYear: s(national.birthsPerYear))
        }

        var description: String {
            "\(coalitions) coalitions, \(organisations) organisations, \(professionals) professionals, \(services) services, "
                + "\(clients) clients, \(referrals) referrals, \(auditEvents) audit events, \(birthsPerYear) births a year"
        }
    }

    /// What the load bench needs to sign in and find its way: per professional their clients and the
    /// referrals their organisation receives that can go back and forth (accepted <-> on hold), per
    /// coordinator their coalition, and some services. Written as TSV by `write(to:)`.
    struct Plan: Sendable {
        struct Professional: Sendable {
            var email: String
            var clients: [String] = []
            var referrals: [(slug: String, status: String)] = []
        }
        var professionals: [Professional] = []
        var coordinators: [(email: String, coalition: String)] = []
        var services: [String] = []
        var municipalities: [String] = []

        /// Lines `kind<TAB>fields...`: `professional email`, `client email slug`, `referral email slug status`,
        /// `coordinator email coalition-slug`, `service slug`, `municipality code`.
        func tsv() -> String {
            var lines: [String] = []
            for p in professionals {
                lines.append("professional\t\(p.email)")
                lines += p.clients.map { "client\t\(p.email)\t\($0)" }
                lines += p.referrals.map { "referral\t\(p.email)\t\($0.slug)\t\($0.status)" }
            }
            lines += coordinators.map { "coordinator\t\($0.email)\t\($0.coalition)" }
            lines += services.map { "service\t\($0)" }
            lines += municipalities.map { "municipality\t\($0)" }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    var counts: Counts
    /// The password hash every generated account gets (the demo password).
    var passwordHash: String
    var now: Date
    var seed: UInt64 = 17
    /// Professionals (from the first organisation on) whose clients and referrals go into the plan.
    var plannedProfessionals = 256
    var clientsPerTransaction = 500

    static let emailDomain = "landelijk.bench"
    static func professionalEmail(_ p: Int) -> String { "prof\(p)@\(emailDomain)" }
    static func coordinatorEmail(_ c: Int) -> String { "coord\(c)@\(emailDomain)" }

    /// Makes everything; `progress` hears a line per stage.
    func generate(on db: any Database, progress: @Sendable (String) -> Void = { _ in }) async throws -> Plan {
        var plan = Plan()
        var stage = Date()
        func done(_ what: String) {
            progress("\(what) in \(String(format: "%.1f", Date().timeIntervalSince(stage))) s")
            stage = Date()
        }
        let municipalities = try await Municipality.listed(on: db).sort(\.$id).all()
        guard !municipalities.isEmpty else { throw NationalLoadError.noMunicipalities }
        let (orgs, users) = try await writeOrganisations(municipalities, on: db)
        // where the generated services are: the first organisations' municipalities
        var seen = Set<String>()
        plan.municipalities = Array(orgs.map(\.municipalityCode).filter { seen.insert($0).inserted }.prefix(64))
        done("\(orgs.count) organisations and \(users.count) professionals")
        plan.coordinators = try await writeCoalitions(municipalities, orgs: orgs, on: db)
        done("\(plan.coordinators.count) coalitions")
        plan.services = try await writeServices(municipalities, orgs: orgs, on: db)
        done("\(counts.services) services")
        plan.professionals = try await writeCare(orgs: orgs, users: users, on: db)
        done("\(counts.clients) clients, \(counts.referrals) referrals and \(counts.auditEvents) audit events")
        try await writeBirths(on: db)
        done("births 2014-2023, \(counts.birthsPerYear) a year")
        return plan
    }

    // MARK: organisations and people

    func writeOrganisations(_ municipalities: [Municipality], on db: any Database) async throws -> ([Organisation], [User]) {
        let templates = NationalDirectory.templates
        let orgs = (0..<counts.organisations).map { o in
            let m = municipalities[o % municipalities.count]
            let kind = templates[o % templates.count].kind
            return Organisation(id: StableID.make("load:\(seed):org:\(o)"),
                                name: "\(NationalDirectory.prefixes[o % NationalDirectory.prefixes.count]) \(kind.label) \(m.name) \(o / municipalities.count + 1)",
                                kind: kind, description: "Gegenereerde organisatie in \(m.name).", municipalityCode: m.id!)
        }
        // professional p works at organisation p % organisations, so professional o is the first of organisation o
        let users = (0..<counts.professionals).map { p in
            User(id: StableID.make("load:\(seed):user:\(p)"), email: Self.professionalEmail(p), name: "Professional \(p)",
                 passwordHash: passwordHash, role: .professional, organisationID: orgs[p % orgs.count].id!)
        }
        let places = Dictionary(uniqueKeysWithValues: municipalities.map { ($0.id!, $0) })
        let locations = orgs.map { org in
            let m = places[org.municipalityCode]
            return Location(id: StableID.make("load:\(seed):loc:\(org.id!.slug)"), organisationID: org.id!, name: org.name,
                            street: "Dorpsstraat 1", postalCode: "1000 AB", city: m?.name ?? org.municipalityCode,
                            municipalityCode: org.municipalityCode, latitude: m?.latitude, longitude: m?.longitude)
        }
        try await db.writeTransaction { db in
            try await Self.create(orgs, size: 500, on: db)
            try await Self.create(locations, size: 500, on: db)
            try await Self.create(users, size: 500, on: db)
        }
        return (orgs, users)
    }

    /// Coalitions over the municipalities no coalition has yet: coalition c works for municipality c,
    /// and a share of them (67 of 275, as in the country) for a second one too. One coordinator each.
    func writeCoalitions(_ municipalities: [Municipality], orgs: [Organisation], on db: any Database) async throws -> [(email: String, coalition: String)] {
        let taken = Set(try await CoalitionMunicipality.query(on: db).all().map(\.municipalityCode))
        let free = municipalities.filter { !taken.contains($0.id!) }
        let count = min(counts.coalitions, free.count)
        guard count > 0 else { return [] }
        let pairs = min(free.count - count, count * 67 / 275)
        var coalitions: [Coalition] = [], areas: [CoalitionMunicipality] = [], coordinators: [User] = [], members: [CoalitionMember] = []
        var planned: [(email: String, coalition: String)] = []
        for c in 0..<count {
            let m = free[c]
            let coalition = Coalition(id: StableID.make("load:\(seed):coalition:\(c)"), name: "Kansrijke Start \(m.name)", slug: "landelijk-\(c)")
            coalitions.append(coalition)
            areas.append(CoalitionMunicipality(coalitionID: coalition.id!, municipalityCode: m.id!))
            if c < pairs { areas.append(CoalitionMunicipality(coalitionID: coalition.id!, municipalityCode: free[count + c].id!)) }
            let org = orgs.first { $0.municipalityCode == m.id } ?? orgs[c % orgs.count]
            let user = User(id: StableID.make("load:\(seed):coordinator:\(c)"), email: Self.coordinatorEmail(c), name: "Coördinator \(c)",
                            passwordHash: passwordHash, role: .coordinator, organisationID: org.id!)
            coordinators.append(user)
            members.append(CoalitionMember(coalitionID: coalition.id!, userID: user.id!))
            planned.append((user.email, coalition.slug))
        }
        let rows = (coalitions, areas, coordinators, members)
        try await db.writeTransaction { db in
            try await Self.create(rows.0, size: 500, on: db)
            try await Self.create(rows.1, size: 500, on: db)
            try await Self.create(rows.2, size: 500, on: db)
            try await Self.create(rows.3, size: 500, on: db)
        }
        return planned
    }

    // MARK: services

    /// Services spread over the organisations, in their municipality, as `NationalDirectory` makes them.
    func writeServices(_ municipalities: [Municipality], orgs: [Organisation], on db: any Database) async throws -> [String] {
        var rng = SplitMix64(seed: seed)
        let templates = NationalDirectory.templates
        let languageCodes = LanguageCatalog.names.map(\.code)
        let names = Dictionary(uniqueKeysWithValues: municipalities.map { ($0.id!, $0.name) })
        var planned: [String] = []
        let perTransaction = 2_000
        for start in stride(from: 0, to: counts.services, by: perTransaction) {
            var rows = NationalDirectory.Rows()
            for i in start..<min(start + perTransaction, counts.services) {
                let org = orgs[i % orgs.count]
                let code = org.municipalityCode, place = names[code] ?? code
                let t = templates[Int(rng.next() % UInt64(templates.count))]
                let sid = StableID.make("load:\(seed):svc:\(i)")
                rows.addService(id: sid, organisationID: org.id!, place: place, template: t, rng: &rng)
                rows.areas.append(ServiceArea(id: UUID(), serviceID: sid, municipalityCode: code))
                rows.languages.append(ServiceLanguage(id: UUID(), serviceID: sid, code: "nl"))
                if rng.next() % 3 == 0 {
                    rows.languages.append(ServiceLanguage(id: UUID(), serviceID: sid, code: languageCodes[1 + Int(rng.next() % UInt64(languageCodes.count - 1))]))
                }
                rows.sal.append(ServiceAtLocation(id: UUID(), serviceID: sid, locationID: StableID.make("load:\(seed):loc:\(org.id!.slug)")))
                if planned.count < 256 { planned.append(sid.slug) }
            }
            let batch = rows
            try await db.writeTransaction { db in try await batch.write(on: db) }
        }
        return planned
    }

    // MARK: clients, referrals, audit events

    func writeCare(orgs: [Organisation], users: [User], on db: any Database) async throws -> [Plan.Professional] {
        let n = counts.clients, orgCount = orgs.count
        // two receivers other than the sender
        guard orgCount >= 3 else { throw NationalLoadError.tooFewOrganisations }
        let statuses = ReferralStatus.allCases
        let plannedOrgs = min(plannedProfessionals, orgCount)
        var planned = (0..<plannedOrgs).map { Plan.Professional(email: users[$0].email) }
        for start in stride(from: 0, to: n, by: clientsPerTransaction) {
            let end = min(start + clientsPerTransaction, n)
            var clients: [CareClient] = [], involvements: [ClientInvolvement] = [], consents: [Consent] = []
            var covers: [ConsentOrganisation] = [], referrals: [Referral] = [], events: [ReferralEvent] = []
            var audits: [(id: UUID, draft: AuditDraft, at: Date)] = []
            for i in start..<end {
                let org = i % orgCount, user = users[org]
                let receivers = [(org + 1) % orgCount, (org + 2) % orgCount]
                let created = now.addingTimeInterval(-Double(i % 600) * 86_400)
                let client = CareClient(id: StableID.make("load:\(seed):client:\(i)"), code: String(format: "KL-%07d", i), name: "L.\(i)",
                                        birthDate: CalendarDay.day(year: 1985 + i % 20, month: 1 + i % 12, day: 1 + i % 28)!,
                                        municipalityCode: orgs[org].municipalityCode, expectedBirthDate: created.addingTimeInterval(200 * 86_400),
                                        language: "nl", createdByOrganisationID: orgs[org].id!)
                clients.append(client)
                if org < plannedOrgs, planned[org].clients.count < 32 { planned[org].clients.append(client.id!.slug) }
                let consent = Consent(id: StableID.make("load:\(seed):consent:\(i)"), clientID: client.id!, givenBy: .client, purposes: [.refer, .mdo],
                                      validFrom: created, validUntil: nil, recordedHow: .verbal, recordedByID: user.id!)
                consents.append(consent)
                involvements.append(ClientInvolvement(clientID: client.id!, organisationID: orgs[org].id!, reason: .created, since: created, consentID: nil))
                for r in receivers {
                    covers.append(ConsentOrganisation(consentID: consent.id!, organisationID: orgs[r].id!))
                    involvements.append(ClientInvolvement(clientID: client.id!, organisationID: orgs[r].id!, reason: .referral, since: created, consentID: consent.id))
                }
                for k in 0..<Self.share(counts.referrals, of: n, for: i) {
                    let receiver = receivers[k % 2]
                    let referral = Referral.generated(
                        id: StableID.make("load:\(seed):referral:\(i):\(k)"), client: client.id!, from: orgs[org].id!,
                        to: orgs[receiver].id!, by: user.id!,
                        service: StableID.make("load:\(seed):svc:\((i + k) % max(1, counts.services))"), named: "Landelijke dienst \(k)",
                        consent: consent.id!, status: statuses[(i + k) % statuses.count], at: created.addingTimeInterval(Double(k) * 3600))
                    referrals.append(referral)
                    events.append(ReferralEvent(referralID: referral.id!, from: nil, to: .requested, at: referral.requestedAt, reason: nil, user: user))
                    if receiver < plannedOrgs, [.accepted, .onHold].contains(referral.status), planned[receiver].referrals.count < 32 {
                        planned[receiver].referrals.append((referral.id!.slug, referral.status.rawValue))
                    }
                }
                for e in 0..<Self.share(counts.auditEvents, of: n, for: i) {
                    let draft = AuditDraft(action: e == 0 ? .create : .read, clientID: client.id, userID: user.id!, userEmail: user.email,
                                           organisationID: orgs[org].id!, onBehalfOf: nil, basis: AccessBasis.ownInvolvement.logValue,
                                           what: e == 0 ? "client record" : "client page")
                    audits.append((StableID.make("load:\(seed):audit:\(i):\(e)"), draft, created.addingTimeInterval(Double(e) * 60)))
                }
            }
            let rows = (clients, consents, covers, involvements, referrals, events)
            let chain = audits
            try await db.writeTransaction { db in
                try await Self.create(rows.0, size: 500, on: db)
                try await Self.create(rows.1, size: 500, on: db)
                try await Self.create(rows.2, size: 500, on: db)
                try await Self.create(rows.3, size: 500, on: db)
                try await Self.create(rows.4, size: 500, on: db)
                try await Self.create(rows.5, size: 500, on: db)
            }
            try await Self.appendAudit(chain, on: db)
        }
        return planned
    }

    /// Element `i` of `count` elements' share of `total`: spread as evenly as whole numbers allow.
    static func share(_ total: Int, of count: Int, for i: Int) -> Int {
        total / count + (i < total % count ? 1 : 0)
    }

    /// Appends events to the chain in one transaction that holds the chain: on SQLite the audit
    /// file's write lock (`AuditLog.chainTransaction`), on PostgreSQL the chain's advisory lock.
    static func appendAudit(_ entries: [(id: UUID, draft: AuditDraft, at: Date)], on db: any Database) async throws {
        guard !entries.isEmpty else { return }
        let chunks = entries.chunked(1_000)
        if let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" {
            try await AuditLog.chainGate.run {
                try await db.withConnection { conn in
                    guard let sql = conn as? any SQLDatabase else { throw NationalLoadError.notSQL }
                    try await AuditLog.chainTransaction(on: sql) {
                        for chunk in chunks { try await AuditLog.insert(Array(chunk), on: sql) }
                    }
                }
            }
            return
        }
        try await db.transaction { db in
            guard let sql = db as? any SQLDatabase else { throw NationalLoadError.notSQL }
            try await sql.raw("SELECT pg_advisory_xact_lock(7513)").run()
            for chunk in chunks { try await AuditLog.insert(Array(chunk), on: sql) }
        }
    }

    // MARK: births

    /// Ten years of the synthetic national births extract, aggregated into the monitor's counts.
    func writeBirths(on db: any Database) async throws {
        let areas = try await AreaDimension.load(on: db)
        let births = SyntheticBirths(years: YearRange(first: 2014, last: 2023), seed: 2021, childrenPerYear: counts.birthsPerYear)
        _ = try await CountStore.store(births.aggregate(areas: areas), on: db)
    }

    /// Models in multi-row INSERTs of `size` rows (within SQLite's and PostgreSQL's bind limits).
    static func create<M: Model>(_ models: [M], size: Int, on db: any Database) async throws {
        for chunk in models.chunked(size) { try await Array(chunk).create(on: db) }
    }
}

enum NationalLoadError: Error, CustomStringConvertible {
    case noMunicipalities, notSQL, tooFewOrganisations
    var description: String {
        switch self {
        case .noMunicipalities: "no municipalities in the database: run `kansrijk migrate` first"
        case .notSQL: "the national load generator needs an SQL database"
        case .tooFewOrganisations: "the national load needs at least 3 organisations"
        }
    }
}
