import Fluent
import Foundation

/// The workspaces of the Zeist and Borsele coalitions as the seeds describe them: partners by
/// circle, ambitions with goals and actions, the meeting rhythm, the signed agreement, stories.
/// Past facts have fixed dates; meetings are placed around `now` so there is always a next one.
/// Every person is fictitious.
enum DemoCoalitions {
    static func partnerID(_ slug: String, _ org: String) -> UUID { StableID.make("demo:coalition-partner:\(slug):\(org)") }
    static func ambitionID(_ slug: String, _ n: Int) -> UUID { StableID.make("demo:ambition:\(slug):\(n)") }
    static func meetingID(_ slug: String, _ key: String) -> UUID { StableID.make("demo:meeting:\(slug):\(key)") }
    static func agreementID(_ slug: String) -> UUID { StableID.make("demo:agreement:\(slug)") }
    static func storyID(_ slug: String, _ n: Int) -> UUID { StableID.make("demo:story:\(slug):\(n)") }
    static func stageID(_ slug: String, _ stage: CoalitionStage) -> UUID { StableID.make("demo:stage:\(slug):\(stage.rawValue)") }
    static func goalID(_ slug: String, _ ambition: Int) -> UUID { StableID.make("demo:goal:\(slug):\(ambition)") }
    static func activityID(_ slug: String, _ ambition: Int, _ n: Int) -> UUID { StableID.make("demo:activity:\(slug):\(ambition):\(n)") }
    static func pointID(_ slug: String, _ n: Int) -> UUID { StableID.make("demo:point:\(slug):\(n)") }

    static func create(on db: any Database, now: Date) async throws {
        try await zeist(on: db, now: now)
        try await borsele(on: db, now: now)
    }

    // MARK: Zeist

    static func zeist(on db: any Database, now: Date) async throws {
        let slug = "zeist", id = DemoData.coalitionID(slug)
        let coalition = try await Coalition.find(id, on: db)!
        coalition.startedOn = day(2019, 3, 12)
        coalition.contentLead = "Sanne Voorbeeld (netwerkcoördinator)"
        coalition.policyLead = "Mila Proef (adviseur sociaal domein, gemeente Zeist)"
        coalition.parentsVoice = "Ervaringsverhalen opgehaald onder deelnemers van de zwangeren- en moedergroepen."
        coalition.fathersVoice = "De eerste vadergroep is gestart, ook met vaders uit het azc."
        try await coalition.save(on: db)

        try await stages(slug, on: db, [
            (.explore, day(2018, 11, 1), "Het MDO van verloskundigen, GGDrU, JGZ en CJG was het startpunt; verkennende gesprekken met partners."),
            (.startMeeting, day(2019, 3, 12), "Brede bijeenkomst om kansen en knelpunten rond de eerste 1000 dagen in Zeist op te halen."),
            (.ambitions, day(2019, 9, 17), "De kerncoalitie stelt vijf ambities vast: voor, tijdens en na de zwangerschap en rond samenwerken."),
            (.goals, day(2020, 3, 3), "Per ambitie doelen en acties uitgewerkt in een actieagenda."),
            (.interventions, day(2020, 9, 1), "Pilot Start Kansrijk gestart: online zwangerengroep, moedergroep en een vrijwilliger voor 1000 dagen."),
            (.monitoring, day(2023, 10, 17), "Dashboard Kansrijke Start Zeist in gebruik; de samenwerking is in het najaar van 2023 geëvalueerd."),
        ])

        let started = day(2019, 3, 12)
        let partners: [CoalitionPartner] = [
            partner(slug, "vp-zeist", .medical, .core, joined: started, contacts: "Demi Verloskundige, verloskundige",
                    wants: "Kwetsbare zwangeren eerder in beeld en sneller bij de juiste hulp.",
                    brings: "Centering Pregnancy, signaleren bij de intake, inbreng in het MDO."),
            partner(slug, "ggdru", .publicHealth, .core, joined: started, contacts: "Fenna Fictief, epidemioloog",
                    wants: "Gezondheidsverschillen vanaf het begin kleiner maken.",
                    brings: "Cijfers voor het dashboard, VoorZorg en Nu Niet Zwanger."),
            partner(slug, "cjg-zeist", .social, .core, joined: started, contacts: "Youssef Verzonnen, gedragswetenschapper",
                    wants: "Ouders vinden snel en zonder drempel hulp bij opvoeden en opgroeien.",
                    brings: "Voorzitter van het MDO, toegang tot jeugdhulp, de vadergroep."),
            partner(slug, "gemeente-zeist", .municipality, .core, joined: started, role: "trekker beleid",
                    contacts: "Mila Proef, adviseur sociaal domein\nSanne Voorbeeld, netwerkcoördinator",
                    wants: "Een sluitende aanpak voor de eerste 1000 dagen die blijft bestaan.",
                    brings: "De netwerkcoördinator, middelen, de verbinding met beleid en de wethouder."),
            partner(slug, "meanderomnium", .social, .core, joined: started, contacts: "Joris Denkbeeld, opbouwwerker",
                    wants: "Geen aanstaande moeder alleen: ontmoeting dichtbij huis.",
                    brings: "Moedergroepen live en online, de weggeefwinkel."),
            partner(slug, "samen-oplopen", .informal, .core, joined: started, contacts: "Iris Bedacht, coördinator",
                    wants: "Elk gezin dat het wil, een vrijwilliger die 1000 dagen meeloopt.",
                    brings: "Getrainde vrijwilligers, de pilot Start Kansrijk samen met MeanderOmnium."),
            partner(slug, "raedelijn", .social, .core, joined: started, role: "procesbegeleider", contacts: "Ruben Gefingeerd, adviseur",
                    wants: "Een coalitie die zelf verder kan.", brings: "Procesbegeleiding van de kerncoalitie en de evaluatie."),
            partner(slug, "jgz-zeist", .publicHealth, .inner, joined: day(2019, 6, 1), contacts: "Sam Jeugdverpleegkundige, jeugdverpleegkundige",
                    wants: "Een warme overdracht van verloskundige naar consultatiebureau.",
                    brings: "Prenataal huisbezoek, Stevig Ouderschap."),
            partner(slug, "schuldhulp-zeist", .social, .outer, joined: day(2021, 1, 15), contacts: "Team schuldhulpverlening",
                    wants: "Zwangeren met geldzorgen snel aan tafel.", brings: "Voorrang voor zwangeren, budgetadvies."),
            partner(slug, "voedselbank-zeist", .informal, .outer, joined: day(2021, 1, 15), contacts: "Coördinator uitgifte",
                    wants: "Weten waar gezinnen verder geholpen worden.", brings: "Voedselpakketten en babyspullen."),
        ]
        try await partners.create(on: db)

        let ambitions: [(AmbitionPhase, String, String, [String], [String])] = [
            (.before, "Een zwangerschap is een bewuste keuze",
             "Professionals bespreken de kinderwens met mensen in een kwetsbare situatie, vrijwillig en zonder drang.",
             ["nnz_beschikbaar"], ["Nu Niet Zwanger"]),
            (.during, "Kwetsbare zwangeren zijn vroeg in beeld en in zorg",
             "Signalen van stress, geldzorgen of eenzaamheid worden vroeg gezien en samen met de zwangere opgepakt.",
             ["zorg_na_week_10", "big2"], ["Centering Pregnancy", "MDO Kansrijke Start Zeist", "VoorZorg"]),
            (.during, "Aanstaande moeders bereiden zich samen voor",
             "Een online zwangerengroep en een moedergroep, ook voor wie niet aan Centering Pregnancy meedoet.",
             ["big2", "vroeggeboorte", "laag_gewicht"], ["Start Kansrijk", "Online moedergroep"]),
            (.after, "Ouders staan er in de eerste 1000 dagen niet alleen voor",
             "Steun dichtbij: moedergroepen, vadergroepen, een vrijwilliger die meeloopt en Stevig Ouderschap.",
             ["uithuisplaatsing"], ["Moedergroep Zeist", "Vadergroep", "Vrijwilliger voor 1000 dagen", "Stevig Ouderschap"]),
            (.together, "Korte lijnen tussen het medische en het sociale domein",
             "Iedereen weet elkaar te vinden; kraamzorg, ziekenhuis en huisarts doen structureel mee.", [], []),
        ]
        for (n, a) in ambitions.enumerated() {
            let ambition = Ambition(id: ambitionID(slug, n + 1), coalitionID: id, phase: a.0, title: a.1, description: a.2,
                                    indicators: a.3, position: n + 1)
            try await ambition.create(on: db)
            for name in a.4 { try await AmbitionService(ambitionID: ambition.id!, serviceID: DemoData.serviceID(name)).create(on: db) }
        }
        try await goalsAndActivities(slug, on: db, [
            (1, "Wijkteams bespreken de kinderwens met kwetsbare cliënten", "Aantal gesprekken Nu Niet Zwanger per jaar", [
                ("Training Nu Niet Zwanger voor het sociaal wijkteam", "ggdru", .done, day(2021, 2, 1), day(2021, 6, 30)),
                ("Werkafspraak: kinderwens vast onderwerp bij de intake van het wijkteam", "cjg-zeist", .running, day(2024, 1, 15), nil),
            ]),
            (2, "Meer zwangeren voor week 10 bij de verloskundige", "Aandeel zwangeren dat na week 10 in zorg komt daalt", [
                ("Vraag naar geldzorgen, wonen en werk bij elke intake", "vp-zeist", .done, day(2020, 4, 1), day(2020, 12, 31)),
                ("MDO elke maand, ook met de jeugdverpleegkundige", "cjg-zeist", .running, day(2019, 10, 1), nil),
                ("Folder over vroeg naar de verloskundige in vijf talen", "ggdru", .planned, days(now, 30), days(now, 180)),
            ]),
            (3, "Deelnemers zijn goed voorbereid op de bevalling", "Verloskundigen zien betere voorbereiding; deelnemers blijven contact houden", [
                ("Pilot Start Kansrijk: online zwangerengroep", "samen-oplopen", .done, day(2020, 9, 1), day(2023, 12, 31)),
                ("Live vertaling in de groep structureel regelen", "meanderomnium", .running, day(2024, 3, 1), days(now, 90)),
            ]),
            (4, "Vaders doen mee", "Aantal vaders in de vadergroep", [
                ("Vadergroep opzetten, ook voor vaders uit het azc", "cjg-zeist", .running, day(2024, 9, 1), nil),
                ("Vrijwilligers werven voor 1000 dagen meelopen", "samen-oplopen", .running, day(2022, 1, 10), nil),
            ]),
            (5, "Kraamzorg, ziekenhuis en huisarts zitten aan tafel", "Zij zijn partner in de binnenkring", [
                ("Kraamzorg, ziekenhuis en huisartsen uitnodigen voor de kerncoalitie", "gemeente-zeist", .running, days(now, -120), days(now, 60)),
                ("Jaarlijks netwerkcafé voor het brede netwerk", "gemeente-zeist", .done, day(2023, 9, 1), day(2023, 11, 30)),
                ("Evaluatie van de samenwerking", "raedelijn", .done, day(2023, 9, 1), day(2023, 12, 15)),
            ]),
        ])

        // the meeting rhythm: kerncoalitie 4-5x a year (sometimes around a theme), managers twice, a yearly netwerkcafé
        let kern1 = meeting(slug, "kern-1", .core, "Kerncoalitie: stand van de actieagenda", now: now, days: -112,
                            agenda: "Opening en mededelingen\nStand van de actieagenda per ambitie\nDashboard: nieuwe cijfers\nRondvraag",
                            decisions: "Kraamzorg, ziekenhuis en huisartsen worden uitgenodigd voor de kerncoalitie.")
        let theme = meeting(slug, "thema-psyche", .theme, "Thema: psychische hulp rond de zwangerschap", now: now, days: -56,
                            agenda: "Wat zien we in de praktijk?\nDe route naar de POP-poli\nAfspraken voor het zorgpad",
                            guests: "Een psychotherapeut\nProfessionals van de POP-poli",
                            decisions: "De route naar de POP-poli komt in het zorgpad psychische klachten.")
        let managers = meeting(slug, "managers-najaar", .managers, "Managersoverleg", now: now, days: -42,
                               agenda: "Strategie en personele inzet\nMonitoring en evaluatie",
                               decisions: "De inzet van de netwerkcoördinator wordt met twee jaar verlengd.")
        let kern2 = meeting(slug, "kern-2", .core, "Kerncoalitie: jaarplan", now: now, days: 21,
                            agenda: "Terugblik op het jaar\nJaarplan: welke acties gaan door?\nVoorbereiding netwerkcafé")
        let cafe = meeting(slug, "netwerkcafe", .networkCafe, "Netwerkcafé Kansrijke Start Zeist", now: now, days: 70,
                           agenda: "Welkom door de wethouder\nVerhalen van ouders\nMarkt van het aanbod", location: "Theater Zeist")
        try await [kern1, theme, managers, kern2, cafe].create(on: db)
        let core: [String] = ["vp-zeist", "ggdru", "cjg-zeist", "gemeente-zeist", "meanderomnium", "samen-oplopen", "raedelijn"]
        for m in [kern1, theme] {
            for org in core { try await CoalitionMeetingAttendance(meetingID: m.id!, partnerID: partnerID(slug, org)).create(on: db) }
        }
        for org in ["vp-zeist", "ggdru", "cjg-zeist", "gemeente-zeist"] {
            try await CoalitionMeetingAttendance(meetingID: managers.id!, partnerID: partnerID(slug, org)).create(on: db)
        }
        try await [
            CoalitionActionPoint(id: pointID(slug, 1), coalitionID: id, meetingID: kern1.id!,
                                 text: "Uitnodiging aan kraamzorg, ziekenhuis en huisartsen versturen", ownerID: partnerID(slug, "gemeente-zeist"),
                                 dueOn: days(now, -30)),
            CoalitionActionPoint(id: pointID(slug, 2), coalitionID: id, meetingID: kern1.id!,
                                 text: "Dashboard aanvullen met de cijfers van vorig jaar", ownerID: partnerID(slug, "ggdru"),
                                 doneOn: days(now, -70)),
            CoalitionActionPoint(id: pointID(slug, 3), coalitionID: id, meetingID: theme.id!,
                                 text: "Route naar de POP-poli toevoegen aan het zorgpad psychische klachten", ownerID: partnerID(slug, "cjg-zeist"),
                                 dueOn: days(now, 28)),
            CoalitionActionPoint(id: pointID(slug, 4), coalitionID: id, meetingID: managers.id!,
                                 text: "Begroting netwerkcoördinator voorleggen aan de wethouder", ownerID: partnerID(slug, "gemeente-zeist")),
        ].create(on: db)

        try await agreement(slug, coalitionID: id, kind: .manifest, title: "Manifest Kansrijke Start Zeist", signed: day(2023, 2, 14),
                            signatories: ["Wethouder Jeugd, gemeente Zeist", "Bestuurder, Verloskundige Praktijk Zeist",
                                          "Directeur Publieke Gezondheid, GGD regio Utrecht", "Manager, Centrum voor Jeugd en Gezin Zeist",
                                          "Directeur, MeanderOmnium", "Coördinator, Samen Oplopen"],
                            ambitions: (1...5).map { ambitionID(slug, $0) }, on: db)

        try await stories(slug, coalitionID: id, on: db, [
            ("Samen zwanger, eerst online", "In de online groep leerde ik andere aanstaande moeders kennen. Ze legden uit hoe de zorg hier werkt, want dat wist ik niet.\nNa de bevalling zagen we elkaar in de moedergroep. We hebben nog steeds contact.",
             .parent, "zwangerschap-t2", "eenzaamheid", "meanderomnium", day(2023, 5, 9)),
            ("Ik kijk nu breder", "Als iemand een afspraak vergeet, vraag ik nu door: lukt het om dingen te regelen, is er meer aan de hand? En ik weet wie ik kan bellen. Die korte lijntjes helpen de moeder echt.",
             .professional, "zwangerschap-t1", "financien", "vp-zeist", day(2023, 10, 3)),
            ("1000 dagen meelopen", "We gingen samen naar de weggeefwinkel voor babyspullen. Ik hielp met de post en de toeslagen. De 1000 dagen zijn voorbij, maar we spreken elkaar nog steeds.",
             .volunteer, "0-1", "financien", "samen-oplopen", day(2024, 2, 20)),
            ("Ook een vader", "Ik dacht dat zwanger zijn vooral iets van mijn vrouw was. In de vadergroep hoorde ik dat andere vaders ook twijfelen. Nu ga ik mee naar de controles.",
             .parent, "zwangerschap-t3", "relatie", "cjg-zeist", day(2024, 11, 12)),
        ])
    }

    // MARK: Borsele

    static func borsele(on db: any Database, now: Date) async throws {
        let slug = "borsele", id = DemoData.coalitionID(slug)
        let coalition = try await Coalition.find(id, on: db)!
        coalition.startedOn = day(2021, 2, 9)
        coalition.contentLead = "Lotte Voorbeeld (CJG Borsele)"
        coalition.policyLead = "Noa Proef (gemeente Borsele)"
        try await coalition.save(on: db)

        try await stages(slug, on: db, [
            (.explore, day(2020, 10, 6), "Kennismaken en op zoek naar de motivatie van partners: wat levert samenwerken hen op?"),
            (.startMeeting, day(2021, 2, 9), "Eerste officiële startbijeenkomst met partners: kennismaken en kiezen waar we samen aan werken."),
            (.ambitions, day(2021, 5, 18), "In sessies met partners twee gezamenlijke speerpunten gekozen."),
            (.goals, day(2021, 9, 14), "Twee werkgroepen werken de speerpunten uit; partners kozen zelf hun werkgroep."),
            (.interventions, day(2022, 6, 7), "De digitale klantroute en het MDO zijn in gebruik."),
        ])

        let started = day(2021, 2, 9)
        try await [
            partner(slug, "cjg-borsele", .social, .core, joined: started, role: "trekker inhoud", contacts: "Lotte Voorbeeld, CJG Borsele",
                    wants: "Partners weten elkaar te vinden en helpen ouders samen verder.",
                    brings: "De trekker voor de inhoud, de digitale klantroute."),
            partner(slug, "gemeente-borsele", .municipality, .core, joined: started, role: "trekker beleid", contacts: "Noa Proef, beleidsadviseur",
                    wants: "Kansrijke Start verbonden met armoede en schulden.", brings: "Uren voor de trekkers, verbinding met beleid."),
            partner(slug, "pop-emergis", .medical, .inner, joined: started, contacts: "Secretariaat POP-poli",
                    wants: "Eerder contact met kraamzorg en sociaal domein.", brings: "Kennis van psychiatrie rond de zwangerschap; het MDO als denktank."),
            partner(slug, "ggd-zeeland", .publicHealth, .outer, joined: day(2021, 6, 1), contacts: "Jeugdgezondheidszorg Borsele",
                    wants: "Op de hoogte blijven en aansluiten waar het kan.", brings: "Centering Parenting, jeugdgezondheidszorg."),
        ].create(on: db)

        let ambitions: [(AmbitionPhase, String, String, [String])] = [
            (.during, "Vroegsignalering en tijdige inzet van passende ondersteuning",
             "Signalen eerder zien en samen de juiste hulp op het goede moment inzetten.", ["zorg_na_week_10", "psychische_problemen"]),
            (.together, "Passend en afgestemd aanbod",
             "Een overzicht van het aanbod dat professionals helpt ouders op weg te helpen.", ["schulden"]),
        ]
        for (n, a) in ambitions.enumerated() {
            try await Ambition(id: ambitionID(slug, n + 1), coalitionID: id, phase: a.0, title: a.1, description: a.2,
                               indicators: a.3, position: n + 1).create(on: db)
        }
        try await AmbitionService(ambitionID: ambitionID(slug, 1), serviceID: DemoData.serviceID("POP-poli")).create(on: db)
        try await AmbitionService(ambitionID: ambitionID(slug, 2), serviceID: DemoData.serviceID("Route Kansrijke Start Borsele")).create(on: db)
        try await goalsAndActivities(slug, on: db, [
            (1, "Professionals bespreken zorgen samen in het MDO", "Het MDO is goed geëvalueerd door de partners", [
                ("MDO als denktank opzetten", "pop-emergis", .done, day(2021, 10, 1), day(2022, 3, 31)),
            ]),
            (2, "Professionals vinden het aanbod in één overzicht", "Partners bellen elkaar naar aanleiding van de klantroute", [
                ("Digitale klantroute ontwikkelen", "cjg-borsele", .done, day(2021, 9, 14), day(2022, 6, 7)),
                ("Bijeenkomst bestaanszekerheid voor coalitiepartners", "gemeente-borsele", .done, day(2023, 3, 1), day(2023, 5, 31)),
                ("Infokaart armoede en schulden: bij wie moet je zijn?", "gemeente-borsele", .planned, days(now, 14), days(now, 200)),
            ]),
        ])

        // every six months all partners meet over lunch to look back and ahead
        let last = meeting(slug, "partners-voorjaar", .allPartners, "Bijeenkomst alle partners: terug- en vooruitblikken", now: now, days: -84,
                           agenda: "Lunch\nTerugblik: wat hebben we samen gedaan?\nVooruitblik: armoede en schulden", location: "Dorpshuis Heinkenszand",
                           decisions: "De infokaart armoede en schulden komt er.")
        let next = meeting(slug, "partners-najaar", .allPartners, "Bijeenkomst alle partners", now: now, days: 98,
                           agenda: "Lunch\nDe infokaart armoede en schulden\nNieuwe partners", location: "Dorpshuis Heinkenszand")
        try await [last, next].create(on: db)
        for org in ["cjg-borsele", "gemeente-borsele", "pop-emergis", "ggd-zeeland"] {
            try await CoalitionMeetingAttendance(meetingID: last.id!, partnerID: partnerID(slug, org)).create(on: db)
        }
        try await CoalitionActionPoint(id: pointID(slug, 1), coalitionID: id, meetingID: last.id!,
                                       text: "Kansrijke Start voorstellen aan de partners van armoede en schulden",
                                       ownerID: partnerID(slug, "gemeente-borsele")).create(on: db)

        try await agreement(slug, coalitionID: id, kind: .letterOfIntent, title: "Intentieverklaring Kansrijke Start Borsele", signed: day(2022, 2, 15),
                            signatories: ["Bestuurder, gemeente Borsele", "Manager, CJG Borsele", "Bestuurder, Emergis",
                                          "Bestuurder, Admiraal De Ruyter Ziekenhuis", "Directeur, GGD Zeeland"],
                            ambitions: [ambitionID(slug, 1), ambitionID(slug, 2)], on: db)

        try await stories(slug, coalitionID: id, on: db, [
            ("Geen namen bij een telefoonnummer meer", "Vroeger waren het vaak alleen namen bij een telefoonnummer. Nu kennen we elkaar. Ik bel de kraamzorg veel eerder.\nPatiënten zeggen: gelukkig weet je wie dat is. Dat geeft vertrouwen.",
             .professional, "zwangerschap-t2", "psychische-gezondheid", "pop-emergis", day(2023, 4, 4)),
        ])
    }

    // MARK: builders

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Date { CalendarDay.day(year: y, month: m, day: d)! }

    /// The calendar day `n` days from today.
    static func days(_ now: Date, _ n: Int) -> Date { CalendarDay.day(at: now).addingTimeInterval(Double(n) * 86_400) }

    static func partner(_ slug: String, _ org: String, _ domain: PartnerDomain, _ circle: PartnerCircle, joined: Date, role: String? = nil,
                        contacts: String, wants: String, brings: String) -> CoalitionPartner {
        CoalitionPartner(id: partnerID(slug, org), coalitionID: DemoData.coalitionID(slug), organisationID: DemoData.orgID(org),
                         domain: domain, circle: circle, role: role, contacts: contacts, wants: wants, brings: brings, joinedOn: joined)
    }

    static func stages(_ slug: String, on db: any Database, _ list: [(CoalitionStage, Date, String)]) async throws {
        for (stage, date, evidence) in list {
            try await StageMilestone(id: stageID(slug, stage), coalitionID: DemoData.coalitionID(slug), stage: stage, reachedOn: date,
                                     evidence: evidence).create(on: db)
        }
    }

    typealias Activity = (title: String, owner: String, status: ActivityStatus, starts: Date, ends: Date?)

    /// One goal per ambition number, with its activities.
    static func goalsAndActivities(_ slug: String, on db: any Database, _ list: [(Int, String, String, [Activity])]) async throws {
        for (n, title, measure, activities) in list {
            let goal = AmbitionGoal(id: goalID(slug, n), ambitionID: ambitionID(slug, n), title: title, measure: measure, position: 1)
            try await goal.create(on: db)
            for (i, a) in activities.enumerated() {
                try await AmbitionActivity(id: activityID(slug, n, i + 1), ambitionID: ambitionID(slug, n), goalID: goal.id,
                                           ownerID: partnerID(slug, a.owner),
                                           title: a.title, status: a.status, startsOn: a.starts, endsOn: a.ends).create(on: db)
            }
        }
    }

    /// A meeting on the first Tuesday from `days` from today, 15:00-17:00 Dutch time.
    static func meeting(_ slug: String, _ key: String, _ kind: CoalitionMeetingKind, _ title: String, now: Date, days: Int,
                        agenda: String, guests: String = "", location: String = "Gemeentehuis", decisions: String = "") -> CoalitionMeeting {
        let start = Self.days(now, days)
        let weekday = CalendarDay.utc.component(.weekday, from: start)
        // weekday 3 is Tuesday in the Gregorian calendar (1 = Sunday)
        let day = start.addingTimeInterval(Double((3 - weekday + 7) % 7) * 86_400)
        return CoalitionMeeting(id: meetingID(slug, key), coalitionID: DemoData.coalitionID(slug), kind: kind, title: title,
                                startsAt: MeetingTime.instant(day: day, minutes: 15 * 60)!, endsAt: MeetingTime.instant(day: day, minutes: 17 * 60)!,
                                location: location, agenda: agenda, guests: guests, decisions: decisions)
    }

    static func agreement(_ slug: String, coalitionID: UUID, kind: CoalitionAgreementKind, title: String, signed: Date,
                          signatories: [String], ambitions: [UUID], on db: any Database) async throws {
        let a = CoalitionAgreement(id: agreementID(slug), coalitionID: coalitionID, kind: kind, title: title, signedOn: signed,
                                   signatories: signatories.joined(separator: "\n"))
        try await a.create(on: db)
        for ambition in ambitions { try await CoalitionAgreementAmbition(agreementID: a.id!, ambitionID: ambition).create(on: db) }
        let pdf = DemoPDF.make(lines: [title, "Ondertekend op \(CalendarDay.iso(signed))", ""] + signatories
                               + ["", "Demonstratiedocument van het Kansrijk-platform."])
        try await CoalitionAgreementDocument(agreementID: a.id!, fileName: "\(CoalitionForm.slugify(title)).pdf",
                                             contentType: UploadCheck.Kind.pdf.contentType, data: pdf).create(on: db)
    }

    static func stories(_ slug: String, coalitionID: UUID, on db: any Database,
                        _ list: [(String, String, StoryTeller, String, String, String, Date)]) async throws {
        for (n, s) in list.enumerated() {
            try await CoalitionStory(id: storyID(slug, n + 1), coalitionID: coalitionID, title: s.0, body: s.1, teller: s.2, phase: s.3, theme: s.4,
                                     partnerID: partnerID(slug, s.5), toldOn: s.6, consentOn: s.6, consentForm: .written,
                                     recordedByID: nil).create(on: db)
        }
    }
}

/// A one-page PDF with lines of text, so the demo agreements have a real document to download.
enum DemoPDF {
    static func make(lines: [String]) -> Data {
        func escape(_ s: String) -> [UInt8] {
            let latin1 = s.data(using: .isoLatin1, allowLossyConversion: true) ?? Data()
            return latin1.flatMap { b -> [UInt8] in [0x28, 0x29, 0x5C].contains(b) ? [0x5C, b] : [b] }
        }
        var content = Array("BT /F1 13 Tf 72 770 Td 20 TL\n".utf8)
        for line in lines { content += [0x28] + escape(line) + Array(") Tj T*\n".utf8) }
        content += Array("ET\n".utf8)
        let objects: [[UInt8]] = [
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".utf8),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
            Array("<< /Length \(content.count) >>\nstream\n".utf8) + content + Array("endstream".utf8),
        ]
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for o in offsets { out += Array(String(format: "%010d 00000 n \n", o).utf8) }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return Data(out)
    }
}
