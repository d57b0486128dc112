import Fluent
import Vapor

/// Demo screenings at each level, an MDO series with cases and action points that carry over, and
/// volunteer matches for the Zeist care records (issue #4), written the way the pages write them:
/// the same validation, scoring, involvement and one audit event per step. Fictitious only.
enum DemoCareScreeningsMDO {
    static let volunteerAccount = DemoData.Account(email: "vrijwilligers@zeist.demo", name: "Vera Vrijwilligerscoördinator",
                                                   role: .professional, org: "samen-oplopen", coalitions: ["zeist"])

    /// Answers to the default instrument per demo client, chosen to give each level once
    /// (baseline: the neutral answer where there is one, else the protective one; balance -7).
    static let screenings: [(initials: String, changes: [String: String])] = [
        ("A.B.", [:]),                                                                         // niet kwetsbaar: -7
        ("E.F.", ["schulden": "veel", "rondkomen": "niet", "stress": "ja"]),                   // potentieel: 12 - 6 = 6
        ("K.L.", ["stemming": "vaak", "stress": "ja", "steun": "niemand", "eerder-hulp": "ja"]), // kwetsbaar: 13 - 3 = 10
        ("C.D.", ["veilig": "geweld", "relatie": "spanning"]),                                 // zeer kwetsbaar: urgent
    ]

    static func baseline(_ d: InstrumentDefinition) -> [String: String] {
        Dictionary(uniqueKeysWithValues: d.questions.map { q in
            (q.code, (q.options.first { $0.factor == .neutral } ?? q.options.first { $0.factor == .protective } ?? q.options[0]).code)
        })
    }

    static func load(on db: any Database, notifier: Notifier, password hash: String, midwife: User, jgz: User, now: Date) async throws {
        let day: TimeInterval = 86_400
        let a = volunteerAccount
        let coordinator = User(id: StableID.make("demo:user:\(a.email)"), email: a.email, name: a.name, passwordHash: hash,
                               role: a.role, organisationID: DemoData.orgID(a.org))
        try await coordinator.create(on: db)
        let member = CoalitionMember(coalitionID: DemoData.coalitionID("zeist"), userID: try coordinator.requireID())
        member.id = DemoData.membershipID(a.email, "zeist")
        try await member.create(on: db)

        let clients = try await CareClient.query(on: db).filter(\.$createdByOrganisation.$id == midwife.$organisation.id).all()
        func client(_ initials: String) -> CareClient? { clients.first { $0.name == initials } }

        // screenings: one per level, completed together, plus one awaiting the parent and one she filled in
        let instrument = try await ScreeningInstrument.current(on: db)
        let definition = try instrument.definition
        for (i, s) in screenings.enumerated() {
            guard let c = client(s.initials) else { continue }
            let answers = baseline(definition).merging(s.changes) { _, new in new }
            let fields = Dictionary(uniqueKeysWithValues: answers.map { ("q-\($0.key)", $0.value) })
            guard case .success(let valid) = ScreeningAnswersForm(fields: fields).validate(definition, complete: true, english: false) else { continue }
            try await ScreeningRecords.completeTogether(valid, client: c, instrument: instrument, definition: definition, by: midwife,
                                                        key: "demo-\(s.initials)", on: db, now: now.addingTimeInterval(-Double(4 - i) * 3600))
        }
        if let c = client("M.N.") {
            let at = now.addingTimeInterval(-2 * day)
            let (screening, token) = try await ScreeningRecords.sendLink(client: c, instrument: instrument, by: midwife, key: "demo-link-M.N.", on: db, now: at)
            let answers = baseline(definition).merging(["werk": "nee", "roken": "ja", "voorbereiding": "nee"]) { _, new in new }
            guard let link = try await ScreeningLink.find(token: token, on: db) else { return }
            _ = try await ScreeningRecords.submitByParent(answers, note: "Ik wil graag praten over stoppen met roken.", link: link, screening: screening,
                                                      definition: definition, notifier: notifier, on: db, now: at.addingTimeInterval(3600))
        }
        if let c = client("P.Q.") {
            let at = now.addingTimeInterval(-1 * day)
            _ = try await ScreeningRecords.sendLink(client: c, instrument: instrument, by: midwife, key: "demo-link-P.Q.", on: db, now: at)
        }

        // the MDO of JGZ Zeist: a past meeting with two cases and points, and the next one where the open point returns
        let participants = ["jgz-zeist", "vp-zeist", "schuldhulp-zeist", "cjg-zeist"].map(DemoData.orgID)
        let pastStart = MeetingTime.instant(day: CalendarDay.day(at: now).addingTimeInterval(-21 * day), minutes: 13 * 60)!
        let nextStart = MeetingTime.instant(day: CalendarDay.day(at: now).addingTimeInterval(7 * day), minutes: 13 * 60)!
        let past = try await MDORecords.plan(title: "MDO Kansrijke Start Zeist", startsAt: pastStart, location: "Jeugdgezondheidszorg Zeist",
                                             participants: participants, by: jgz, on: db)
        let next = try await MDORecords.plan(title: "MDO Kansrijke Start Zeist", startsAt: nextStart, location: "Jeugdgezondheidszorg Zeist",
                                             participants: participants, by: jgz, on: db)
        let caseAt = pastStart.addingTimeInterval(-day)
        var firstCase: MDOCase?
        for (initials, question) in [("C.D.", "Spanning thuis en zorgen over de woning. Wie neemt het voortouw?"),
                                     ("R.S.", "Veel huilen en weinig slaap; de hulp is gestopt. Wat nu?")] {
            guard let c = client(initials) else { continue }
            let added = try await MDORecords.addCase(client: c, question: question, meeting: past, participants: Set(participants), by: midwife, on: db, now: caseAt)
            firstCase = firstCase ?? added
        }
        if let c = firstCase {
            c.advice = "Veilig Thuis consulteren volgens de meldcode; woonvraag via het sociaal team."
            c.decision = "Verloskundige consulteert Veilig Thuis; JGZ plant een prenataal huisbezoek."
            try await c.save(on: db)
        }
        let pastDay = CalendarDay.day(at: pastStart)
        let open = MDOActionPoint(meetingID: try past.requireID(), caseID: firstCase?.id, text: "Prenataal huisbezoek plannen",
                                  ownerOrganisationID: DemoData.orgID("jgz-zeist"), ownerPerson: "Jip (jeugdverpleegkundige)", dueOn: pastDay.addingTimeInterval(14 * day))
        let closed = MDOActionPoint(meetingID: try past.requireID(), caseID: firstCase?.id, text: "Veilig Thuis consulteren",
                                    ownerOrganisationID: DemoData.orgID("vp-zeist"), ownerPerson: "Demi (verloskundige)", dueOn: pastDay.addingTimeInterval(7 * day))
        closed.doneOn = pastDay.addingTimeInterval(3 * day)
        for p in [open, closed] {
            try await p.create(on: db)
            try await AuditLog.record(AuditDraft(action: .create, clientID: firstCase?.$client.id, user: jgz, basis: nil,
                                                 what: "mdo \(past.id!.slug): action point \(p.id!.slug)"), on: db, now: pastStart)
        }
        if let c = client("K.L.") {
            _ = try await MDORecords.addCase(client: c, question: "Moeder is somber na de bevalling. Welke hulp past nu?", meeting: next,
                                             participants: Set(participants), by: midwife, on: db, now: now.addingTimeInterval(-day))
        }

        // volunteers of Samen Oplopen, and a running match with check-ins
        let volunteers = [
            Volunteer(organisationID: DemoData.orgID("samen-oplopen"), name: "Fatima (vrijwilliger)", skills: "formulieren invullen\nkoken",
                      languages: ["nl", "ar"], municipalityCode: DemoCatalog.zeist, availability: "dinsdag- en donderdagochtend"),
            Volunteer(organisationID: DemoData.orgID("samen-oplopen"), name: "Henk (vrijwilliger)", skills: "wandelen\nklusjes in huis",
                      languages: ["nl"], municipalityCode: DemoCatalog.zeist, availability: "doordeweeks overdag"),
            Volunteer(organisationID: DemoData.orgID("samen-oplopen"), name: "Ayşe (vrijwilliger)", skills: "luisteren\nmee naar afspraken",
                      languages: ["nl", "tr"], municipalityCode: DemoCatalog.zeist, availability: "woensdag en zaterdag"),
        ]
        for v in volunteers { try await v.create(on: db) }
        for (initials, need, language, matched) in [("A.B.", "Iemand om mee te wandelen en te praten; weinig mensen in de buurt.", "nl", true),
                                                    ("E.F.", "Hulp bij post en formulieren.", "ar", false)] {
            guard let c = client(initials) else { continue }
            let at = now.addingTimeInterval(-30 * day)
            try await ConsentRecords.record(ClientConsentForm.Valid(givenBy: .client, purposes: [.volunteer], organisations: [DemoData.orgID("samen-oplopen")],
                                                                    validFrom: CalendarDay.day(at: at), validUntil: nil, recordedHow: .written),
                                            client: c, basis: .ownInvolvement, by: midwife, on: db, now: at)
            let request = try await VolunteerRecords.request(client: c, organisation: DemoData.orgID("samen-oplopen"), need: need, language: language,
                                                             by: midwife, on: db, now: at.addingTimeInterval(3600))
            guard matched, let request else { continue }
            let start = CalendarDay.day(at: now.addingTimeInterval(-25 * day))
            try await VolunteerRecords.match(request, volunteer: volunteers[1], startOn: start, by: coordinator, on: db, now: now.addingTimeInterval(-25 * day))
            for (daysAgo, note) in [(18, "Eerste wandeling was fijn; volgende week weer."), (4, "Gaat goed. Moeder vraagt naar een moedergroep.")] {
                try await VolunteerRecords.checkIn(request, on: CalendarDay.day(at: now.addingTimeInterval(-Double(daysAgo) * day)), note: note,
                                                   by: coordinator, on: db, now: now.addingTimeInterval(-Double(daysAgo) * day))
            }
        }
    }
}
