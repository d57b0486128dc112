import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// A real record of Zeist or of the matrix's client behind every path parameter
/// (`AccessMatrix.parameters`), so that a denied visitor is denied on an id that exists (IDOR).
/// The client is the Zeist midwife's, with a consent (referral, MDO, volunteers) covering JGZ and
/// Samen Oplopen and one for debt counselling, a referral to JGZ, a screening done together, a
/// parent's link, an MDO case with an action point and a volunteer request; the demo data gives
/// Zeist's coalition records. Zeist's coordinator adds a local indicator and an import job.
struct MatrixFixture {
    static let name = "Q.M. Matrixcliënt"

    var values: [String: String]
    var clientID: UUID
    var clientName: String
    var clientCode: String

    static func make(_ app: Application) async throws -> MatrixFixture {
        let db = app.db, now = Date()
        let midwife = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app)
        let jgz = DemoData.orgID("jgz-zeist"), volunteers = DemoData.orgID("samen-oplopen")
        let client = try await CareBFixture.client(app, name: name, consent: [.refer, .mdo, .volunteer], for: ["jgz-zeist", "samen-oplopen"])
        let clientID = try client.requireID()
        // a second consent, for debt counselling, that no involvement rests on: withdrawing it leaves every access as it was
        let consent = try await ConsentRecords.record(ClientConsentForm.Valid(
            givenBy: .client, purposes: [.refer], organisations: [DemoData.orgID("schuldhulp-zeist")], validFrom: CalendarDay.day(at: now),
            validUntil: nil, recordedHow: .verbal), client: client, basis: .ownInvolvement, by: midwife, on: db, now: now)
        let referral = try await ClientFixtures.referral(app, client: client, now: now)

        let instrument = try await ScreeningInstrument.current(on: db)
        let definition = try instrument.definition
        guard case .success(let answers) = ScreeningAnswersForm(fields: try await CareBFixture.answers(app)).validate(definition, complete: true, english: false) else {
            throw MatrixRow.MissingRecord(description: "the baseline answers do not complete the screening")
        }
        let screening = try await ScreeningRecords.completeTogether(answers, client: client, instrument: instrument, definition: definition,
                                                                    by: midwife, key: "matrix-together", on: db, now: now)
        let (_, token) = try await ScreeningRecords.sendLink(client: client, instrument: instrument, by: midwife, key: "matrix-link", on: db, now: now)

        let meeting = try await MDORecords.plan(title: "MDO matrix", startsAt: now.addingTimeInterval(2 * 86_400), location: "Zeist",
                                                participants: [jgz], by: midwife, on: db)
        let mdoCase = try #require(try await MDORecords.addCase(client: client, question: "Wat is nodig?", meeting: meeting,
                                                                participants: [midwife.$organisation.id, jgz], by: midwife, on: db, now: now))
        let point = MDOActionPoint(meetingID: try meeting.requireID(), caseID: try mdoCase.requireID(), text: "Huisbezoek plannen",
                                   ownerOrganisationID: jgz, ownerPerson: "Jip", dueOn: CalendarDay.day(at: now).addingTimeInterval(7 * 86_400))
        try await point.create(on: db)
        let request = try #require(try await VolunteerRecords.request(client: client, organisation: volunteers, need: "Samen wandelen",
                                                                      language: nil, by: midwife, on: db, now: now))

        // Zeist's own ladder step, and an emergency access of two days ago (expired: it opens nothing, its review is due)
        let zeist = try #require(try await Coalition.query(on: db).filter(\.$slug == "zeist").first())
        let step = EscalationStep(coalitionID: try zeist.requireID(), afterDays: 30, role: .coordinator)
        try await step.create(on: db)
        let debt = try await ClientFixtures.user(ClientFixtures.debtEmail, app)
        let grant = BreakGlassAccess(clientID: clientID, userID: try debt.requireID(), organisationID: debt.$organisation.id,
                                     reasonKind: .acuteDanger, reason: "Matrix: spoed van eergisteren", now: now.addingTimeInterval(-2 * 86_400))
        try await grant.create(on: db)

        let pathway = StableID.make("demo:pathway:zeist-financien")
        let pathwayStep = try #require(try await PathwayStep.query(on: db).filter(\.$pathway.$id == pathway).first())
        let example = try #require(try await PracticeExample.query(on: db).sort(\.$slug).first())
        // an indicator with yearly figures in the demo, and its latest year
        try await app.monitoringSnapshot.refresh(on: db)
        let figures = try #require(try await Indicator.definitions(on: db).lazy
            .compactMap { d in app.monitoringSnapshot.years(of: d).last.map { (d.code, String($0)) } }.first)

        var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
        var values = try await foreignRecords(app, zeist: try zeist.requireID(), pathway: pathway, client: clientID, meeting: try meeting.requireID())
        values.merge([
            "service": DemoData.serviceID("Centering Pregnancy").slug,
            "organisation": DemoData.orgID("vp-zeist").slug,
            "person": try #require(try await User.find(email: "jgz@zeist.demo", on: db)?.id).slug,
            "location": StableID.make("demo:location:vp-zeist").slug,
            "mail": try await MailOutbox.enqueue(MailDraft(to: "jgz@zeist.demo", kind: .test, language: .nl, subject: "Matrix",
                                                           text: "Matrix"), on: db).requireID().slug,
            "serviceAtLocation": try await firstID(app, "/api/hsds/service_at_locations"),
            "taxonomy": try await firstID(app, "/api/hsds/taxonomies"),
            "taxonomyTerm": try await firstID(app, "/api/hsds/taxonomy_terms"),
            "pathway": pathway.slug, "pathwayStep": try pathwayStep.requireID().slug,
            "coalition": "zeist", "stage": Zeist.stage, "partner": Zeist.partner, "ambition": Zeist.ambition, "goal": Zeist.goal,
            "activity": Zeist.activity, "coalitionMeeting": Zeist.nextCore, "coalitionPoint": Zeist.openPoint,
            "agreement": Zeist.agreement, "story": Zeist.story, "membership": Zeist.policyMembership,
            "municipality": DemoCatalog.zeist, "ggdRegion": "GG2514", "example": example.slug,
            "client": clientID.slug, "consent": try consent.requireID().slug, "referral": try referral.requireID().slug,
            "screening": try screening.requireID().slug, "parentToken": token, "instrumentVersion": String(instrument.version),
            "mdoMeeting": try meeting.requireID().slug, "mdoCase": try mdoCase.requireID().slug, "mdoPoint": try point.requireID().slug,
            "volunteerRequest": try request.requireID().slug,
            "escalationStep": try step.requireID().slug, "grant": try grant.requireID().slug,
            "localIndicator": try await localIndicator(&coordinator, coalition: try zeist.requireID()),
            "importJob": try await importJob(&coordinator),
            "reportYear": "2022", "reportSection": ReportSection.summary.rawValue, "indicator": figures.0, "indicatorYear": figures.1,
        ]) { _, own in own }
        values.merge(try await OnboardingFixture.matrixTokens(app, coalition: try zeist.requireID(), user: try midwife.requireID())) { _, own in own }
        values["extraCareRequest"] = try await ExtraCareFixture.request(app, client: client, by: midwife).requireID().slug
        values["reviewFlag"] = try await DirectoryReviewFixture.flag(app)
        return MatrixFixture(values: values, clientID: clientID, clientName: name, clientCode: client.code)
    }

    /// Records of the same kinds under other parents (`AccessMatrix.foreignChildren`): other coalitions'
    /// workspace records, another ambition's goal, another zorgpad's step, the demo clients' consents
    /// and screenings, the demo MDO's case and action point (organised by JGZ), Borsele's ladder step.
    static func foreignRecords(_ app: Application, zeist: UUID, pathway: UUID, client: UUID, meeting: UUID) async throws -> [String: String] {
        let db = app.db
        let borsele = try #require(try await Coalition.query(on: db).filter(\.$slug == "borsele").first()).requireID()
        let ladder = EscalationStep(coalitionID: borsele, afterDays: 30, role: .coordinator)
        try await ladder.create(on: db)
        let elsewhere = try await Ambition.query(on: db).filter(\.$coalition.$id != zeist).all().compactMap(\.id)
        let organiser = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app).$organisation.id
        let points = try await MDOActionPoint.query(on: db).with(\.$meeting).all()
        func id<M: Model>(_ model: M?, _ what: String) throws -> String where M.IDValue == UUID {
            try #require(model?.id, "no \(what) for the foreign-record test").slug
        }
        return [
            "otherPathwayStep": try id(try await PathwayStep.query(on: db).filter(\.$pathway.$id != pathway).first(), "step of another zorgpad"),
            "otherStage": try id(try await StageMilestone.query(on: db).filter(\.$coalition.$id != zeist).first(), "stage"),
            "otherPartner": try id(try await CoalitionPartner.query(on: db).filter(\.$coalition.$id != zeist).first(), "partner"),
            "otherAmbition": try id(try await Ambition.query(on: db).filter(\.$coalition.$id != zeist).first(), "ambition"),
            "otherGoal": try id(try await AmbitionGoal.query(on: db).filter(\.$ambition.$id != UUID(uuidString: Zeist.ambition)!).first(), "goal"),
            "otherActivity": try id(try await AmbitionActivity.query(on: db).filter(\.$ambition.$id ~~ elsewhere).first(), "activity"),
            "otherMeeting": try id(try await CoalitionMeeting.query(on: db).filter(\.$coalition.$id != zeist).first(), "meeting"),
            "otherPoint": try id(try await CoalitionActionPoint.query(on: db).filter(\.$coalition.$id != zeist).first(), "action point"),
            "otherAgreement": try id(try await CoalitionAgreement.query(on: db).filter(\.$coalition.$id != zeist).first(), "agreement"),
            "otherStory": try id(try await CoalitionStory.query(on: db).filter(\.$coalition.$id != zeist).first(), "story"),
            "otherMembership": try id(try await CoalitionMember.query(on: db).filter(\.$coalition.$id != zeist).first(), "membership"),
            "otherConsent": try id(try await Consent.query(on: db).filter(\.$client.$id != client).first(), "consent"),
            "otherScreening": try id(try await Screening.query(on: db).filter(\.$client.$id != client).first(), "screening"),
            "otherEscalationStep": try ladder.requireID().slug,
            "otherLocation": StableID.make("demo:location:jgz-zeist").slug,
            "otherCase": try id(try await MDOCase.query(on: db).filter(\.$meeting.$id != meeting).first(), "MDO case"),
            "otherMDOPoint": try id(points.first { $0.meeting.$organiser.id != organiser }, "MDO action point"),
        ]
    }

    /// The debt counsellor's own emergency access to the client, granted now (the `emergency` visitor).
    func grantEmergencyAccess(_ app: Application) async throws {
        let debt = try await ClientFixtures.user(ClientFixtures.debtEmail, app)
        try await BreakGlassAccess(clientID: clientID, userID: try debt.requireID(), organisationID: debt.$organisation.id,
                                   reasonKind: .acuteDanger, reason: "Matrix: spoed, alleen lezen", now: Date()).create(on: app.db)
    }

    /// The first id of an HSDS list, read as any client of the API reads it.
    static func firstID(_ app: Application, _ path: String) async throws -> String {
        var anonymous = Browser(app)
        let res = try await anonymous.get(path)
        let page = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]
        return try #require((page?["contents"] as? [[String: Any]])?.first?["id"] as? String, "\(path) lists nothing")
    }

    /// Zeist's coordinator adds a local indicator through the page; its code.
    static func localIndicator(_ coordinator: inout Browser, coalition: UUID) async throws -> String {
        let res = try await coordinator.post("/monitor/definities/nieuw", form: [
            "code": "zeist_matrix", "name": "Matrixgesprekken", "description": "Gevoerde gesprekken", "numerator": "nnz_gesprekken",
            "denominator": "1", "factor": "1", "direction": "hoger-is-beter", "phase": "voor-zwangerschap", "source": "GGD",
            "period_kind": "jaar", "coalition": coalition.slug])
        #expect(res.status == .seeOther, "the local indicator was not added: \(res.status)")
        return "zeist_matrix"
    }

    /// Zeist's coordinator uploads a file on the import page; the job's id.
    static func importJob(_ coordinator: inout Browser) async throws -> String {
        try await coordinator.refreshToken(path: "/monitor/import")
        let res = try await coordinator.postUpload("/monitor/import", indicator: "screenings_kwetsbaar", fileName: "matrix.csv", text: ImportPageFixtures.good)
        let job = res.headers.first(name: .location)?.split(separator: "/").last.map(String.init)
        return try #require(job, "the upload made no job: \(res.status)")
    }
}
