import Fluent
import Vapor

/// Fictitious care records for the Zeist coalition (issue #4): clients, consents and referrals in
/// every state, made through the same code paths as the pages, so the audit log and the worklists
/// are not empty. Initials only; no real people.
enum DemoCare {
    static let accounts: [DemoData.Account] = [
        DemoData.Account(email: "jgz@zeist.demo", name: "Jip Jeugdverpleegkundige", role: .professional, org: "jgz-zeist", coalitions: ["zeist"]),
        DemoData.Account(email: "schuldhulp@zeist.demo", name: "Sanne Schuldhulp", role: .professional, org: "schuldhulp-zeist", coalitions: ["zeist"]),
    ]

    /// What happens to each demo referral after it is sent, with the days ago of each step.
    struct Story {
        var initials: String
        var birth: (Int, Int, Int)
        /// Days until (positive) or since (negative) the due date.
        var dueInDays: Int
        var service: String
        var reason: String
        var sentDaysAgo: Int
        var steps: [(ReferralStatus, Int, String?)]
        var withdrawConsentAfter = false
    }

    static let stories: [Story] = [
        Story(initials: "A.B.", birth: (1996, 4, 12), dueInDays: 120, service: "Stevig Ouderschap", reason: "Eerste kind, weinig steun in de buurt.", sentDaysAgo: 1, steps: []),
        Story(initials: "C.D.", birth: (1999, 9, 3), dueInDays: 60, service: "Prenataal huisbezoek", reason: "Zorgen over de woning en spanning thuis.", sentDaysAgo: 40,
              steps: [(.accepted, 38, nil), (.inProgress, 30, nil), (.completed, 5, nil)]),
        Story(initials: "E.F.", birth: (2001, 1, 20), dueInDays: 90, service: "Schuldhulpverlening", reason: "Betalingsachterstanden, huur niet betaald.", sentDaysAgo: 8, steps: []),
        Story(initials: "G.H.", birth: (1994, 6, 30), dueInDays: 30, service: "Schuldhulpverlening", reason: "Geen inkomen sinds kort.", sentDaysAgo: 12,
              steps: [(.rejected, 10, "Valt buiten onze doelgroep: geen schulden.")]),
        Story(initials: "K.L.", birth: (1998, 11, 2), dueInDays: -40, service: "Stevig Ouderschap", reason: "Moeite met de baby na de bevalling.", sentDaysAgo: 20,
              steps: [(.accepted, 19, nil), (.onHold, 10, "Gezin is een maand naar familie.")]),
        Story(initials: "M.N.", birth: (2000, 2, 14), dueInDays: 150, service: "Prenataal huisbezoek", reason: "Jonge moeder, wil graag hulp.", sentDaysAgo: 6,
              steps: [(.accepted, 5, nil), (.inProgress, 3, nil)]),
        Story(initials: "P.Q.", birth: (1997, 7, 7), dueInDays: 200, service: "Schuldhulpverlening", reason: "Vragen over toeslagen.", sentDaysAgo: 15,
              steps: [(.cancelled, 14, "Cliënt regelt het zelf met familie.")]),
        Story(initials: "R.S.", birth: (1995, 3, 9), dueInDays: -100, service: "Stevig Ouderschap", reason: "Veel huilen, weinig slaap.", sentDaysAgo: 30,
              steps: [(.accepted, 28, nil), (.inProgress, 25, nil), (.failed, 4, "Na drie pogingen geen contact.")]),
        Story(initials: "T.U.", birth: (2002, 12, 1), dueInDays: 100, service: "Schuldhulpverlening", reason: "Geldzorgen.", sentDaysAgo: 9,
              steps: [(.accepted, 8, nil)], withdrawConsentAfter: true),
    ]

    static func load(on app: Application, password hash: String, now: Date) async throws {
        let db = app.db
        for a in accounts {
            let user = User(id: StableID.make("demo:user:\(a.email)"), email: a.email, name: a.name, passwordHash: hash,
                            role: a.role, organisationID: DemoData.orgID(a.org))
            try await user.create(on: db)
            for slug in a.coalitions {
                let member = CoalitionMember(coalitionID: DemoData.coalitionID(slug), userID: try user.requireID())
                member.id = DemoData.membershipID(a.email, slug)
                try await member.create(on: db)
            }
        }
        guard let midwife = try await User.find(email: "professional@zeist.demo", on: db),
              let jgz = try await User.find(email: "jgz@zeist.demo", on: db),
              let debt = try await User.find(email: "schuldhulp@zeist.demo", on: db) else { return }
        let day: TimeInterval = 86_400
        let today = CalendarDay.day(at: now)
        for story in stories {
            let sent = now.addingTimeInterval(-Double(story.sentDaysAgo) * day - 3600)
            let (y, m, d) = story.birth
            let due = today.addingTimeInterval(Double(story.dueInDays) * day)
            let client = try await ClientRecords.create(ClientForm.Valid(
                name: story.initials, birthDate: CalendarDay.day(year: y, month: m, day: d)!, municipalityCode: DemoCatalog.zeist,
                expectedBirthDate: due, actualBirthDate: story.dueInDays < 0 ? due : nil, language: "nl"), by: midwife, on: db, now: sent)
            let consent = try await ConsentRecords.record(ClientConsentForm.Valid(
                givenBy: .client, purposes: [.refer, .mdo], organisations: [DemoData.orgID("jgz-zeist"), DemoData.orgID("schuldhulp-zeist")],
                validFrom: CalendarDay.day(at: sent), validUntil: nil, recordedHow: .verbal), client: client, basis: .ownInvolvement, by: midwife, on: db, now: sent)
            guard let service = try await Service.find(DemoData.serviceID(story.service), on: db) else { continue }
            let receivingOrganisation = try await Organisation.find(service.$organisation.id, on: db)
            let desk = ReferralDesk(db: db, notifier: Notifier(app: app))
            let referral = try await desk.send(ReferralDesk.Request(
                serviceID: try service.requireID(), serviceName: service.name, organisationID: service.$organisation.id,
                organisationName: receivingOrganisation?.name ?? "", reason: story.reason, agreed: "Zij wordt binnen een week gebeld."),
                client: client, basis: .ownInvolvement, by: midwife, now: sent.addingTimeInterval(60))
            let receiver = service.$organisation.id == DemoData.orgID("jgz-zeist") ? jgz : debt
            for (status, daysAgo, reason) in story.steps {
                let at = now.addingTimeInterval(-Double(daysAgo) * day)
                // cancelling is the referrer's step; every other step is the receiver's
                let (actor, basis): (User, AccessBasis) = status == .cancelled ? (midwife, .ownInvolvement) : (receiver, .consent(try consent.requireID()))
                // the actor opens the referral page on the day it acts, as a real user would
                try await AuditLog.record(AuditDraft(action: .read, clientID: client.id, user: actor, basis: basis,
                                                     what: "referral \(referral.id!.slug)"), on: db, now: at)
                try await desk.move(referral, to: status, reason: reason, alternative: nil, by: actor, basis: basis, now: at)
            }
            if story.withdrawConsentAfter {
                try await db.auditedTransaction { db in
                    try await consent.withdraw(by: midwife, on: db, now: now.addingTimeInterval(-day))
                    try await AuditLog.record(AuditDraft(action: .update, clientID: client.id, user: midwife, basis: .ownInvolvement,
                                                         what: "consent \(consent.id!.slug) withdrawn"), on: db, now: now.addingTimeInterval(-day))
                }
            }
        }
        // CARE-B: screenings, the MDO and volunteer matches load here, after the clients exist.
        // -- care-b demo --
        try await DemoCareScreeningsMDO.load(on: db, notifier: Notifier(app: app), password: hash, midwife: midwife, jgz: jgz, now: now)
    }
}
