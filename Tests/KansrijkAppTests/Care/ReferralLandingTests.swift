import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Issue #15, "referrals that land": how a service receives referrals, the channel of a referral,
/// the reminder to record its outcome, the consent step with the typed fields kept, the receiving
/// side's action groups, and requests an attacker controls.
@Suite("Referrals that land", .serialized)
struct ReferralLandingTests {
    static let voedselbank = DemoData.serviceID("Voedselbank")
    static let voedselbankOrg = DemoData.orgID("voedselbank-zeist")
    static let homeStartApeldoorn = DemoData.serviceID("Home-Start")

    /// A client of the midwife with consent to refer to JGZ and the Voedselbank.
    static func client(_ app: Application, name: String) async throws -> CareClient {
        let client = try await ClientFixtures.client(app, name: name, now: Date())
        let midwife = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app)
        try await ConsentRecords.record(ClientConsentForm.Valid(
            givenBy: .client, purposes: [.refer], organisations: [ClientFixtures.jgzOrg, voedselbankOrg],
            validFrom: CalendarDay.day(at: Date().addingTimeInterval(-86_400 * 30)), validUntil: nil, recordedHow: .verbal),
            client: client, basis: .ownInvolvement, by: midwife, on: app.db, now: Date())
        return client
    }

    /// The midwife's phone referral to the Voedselbank, sent at `sent`.
    static func phoneReferral(_ app: Application, _ client: CareClient, sent: Date) async throws -> Referral {
        let midwife = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app)
        var request = ReferralDesk.Request(serviceID: voedselbank, serviceName: "Voedselbank", organisationID: voedselbankOrg,
                                           organisationName: "Voedselbank Zeist", reason: "Geen eten", agreed: "Zij belt zelf")
        request.channel = .phoneEmail
        return try await ReferralDesk(db: app.db, notifier: Notifier(app: app)).send(request, client: client, basis: .ownInvolvement, by: midwife, now: sent)
    }

    @Test("the receiving mode follows the data: receivers, the organisation's choice, the explicit setting; search shows it at once")
    func receivingMode() async throws {
        try await withApp { app in
            // setup
            let snapshot = app.directory.snapshot
            let food = try #require(snapshot.service(Self.voedselbank))
            let stevig = try #require(snapshot.service(ClientFixtures.stevigOuderschap))
            let store = app.referralReceiving
            var state = try await store.state(on: app.db)

            // check: nobody of the Voedselbank is in Kansrijk, JGZ has a professional
            let foodMode = state.mode(of: food)
            #expect(foodMode.channel == .phoneEmail && foodMode.noReceivers)
            #expect(foodMode.phone == "030 000 11 22" && foodMode.email == "aanmelden@voedselbank-zeist.example")
            #expect(state.mode(of: stevig).channel == .kansrijk)
            // the pathway steps show it and offer "Verwijzen" (the Zeist debts pathway names Schuldhulpverlening)
            var reader = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let pathway = try await reader.get("/zorgpaden/\(StableID.make("demo:pathway:zeist-financien").slug)").body.string
            #expect(pathway.contains("route-kansrijk\">Verwijzen via Kansrijk</span>"))
            #expect(pathway.contains("href=\"/zorg/verwijzen?dienst=\(DemoData.serviceID("Schuldhulpverlening").slug)\""))

            // act: a professional of the Voedselbank gets an account
            let volunteer = User(email: "uitgifte@voedselbank.test", name: "Uitgifte", passwordHash: "x", role: .professional,
                                 organisationID: Self.voedselbankOrg)
            try await volunteer.create(on: app.db)
            // check: without waiting for the database (the search page's way), and on the search page
            #expect(store.current?.mode(of: food).channel == .kansrijk)
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let found = try await midwife.get("/aanbod?q=voedselbank&gemeente=\(DemoCatalog.zeist)").body.string
            let article = try #require(found.components(separatedBy: "<article").first { $0.contains("/aanbod/\(Self.voedselbank.slug)") })
            #expect(article.contains("<span class=\"route-badge route-kansrijk\">Verwijzen via Kansrijk</span>"))
            #expect(article.contains("<a href=\"/zorg/verwijzen?dienst=\(Self.voedselbank.slug)\">Verwijzen<span class=\"visually-hidden\"> – Voedselbank</span></a>"))

            // act: the account is made inactive
            volunteer.isActive = false
            try await volunteer.save(on: app.db)
            // check: back to phone or e-mail, on the search page too (the cached article does not keep the old badge)
            #expect(store.current?.mode(of: food).channel == .phoneEmail)
            let again = try await midwife.get("/aanbod?q=voedselbank&gemeente=\(DemoCatalog.zeist)").body.string
            let article2 = try #require(again.components(separatedBy: "<article").first { $0.contains("/aanbod/\(Self.voedselbank.slug)") })
            #expect(article2.contains("route-telefoon-email\">Verwijzen per telefoon of e-mail</span>"))

            // act: JGZ says it takes no referrals through Kansrijk
            let jgz = try #require(try await Organisation.find(ClientFixtures.jgzOrg, on: app.db))
            jgz.receivesReferrals = false
            try await jgz.save(on: app.db)
            state = try await store.state(on: app.db)
            #expect(state.mode(of: stevig).channel == .phoneEmail)

            // act: an explicit "elsewhere" on the Voedselbank through the service edit form
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let edit = try await coordinator.get("/aanbod/\(Self.voedselbank.slug)/bewerken").body.string
            #expect(edit.contains("name=\"referral_route\""))
            var form = Self.formFields(of: edit)
            form["referral_route"] = "elders"
            form["referral_where"] = ""
            let missing = try await coordinator.post("/aanbod/\(Self.voedselbank.slug)/bewerken", form: form)
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("Vul in via welk systeem verwijzingen gaan."))
            form["referral_where"] = "https://zorgdomein.example"
            let saved = try await coordinator.post("/aanbod/\(Self.voedselbank.slug)/bewerken", form: form)
            #expect(saved.status == .seeOther)
            // check: the service page says it, with the link, and offers no "Verwijzen"
            let page = try await midwife.get("/aanbod/\(Self.voedselbank.slug)").body.string
            #expect(page.contains("route-elders\">Verwijzen via een ander systeem</span>"))
            #expect(page.contains("<a href=\"https://zorgdomein.example\">"))
            #expect(!page.contains("/zorg/verwijzen?dienst=\(Self.voedselbank.slug)"))
            #expect(try await app.referralReceiving.state(on: app.db).mode(of: food).channel == .elsewhere)
        }
    }

    /// The edit form's text inputs, selects and ticked boxes as a form to post back (first value per name).
    static func formFields(of html: String) -> [String: String] {
        var fields: [String: String] = [:]
        let decode = { (s: String) in s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"") }
        func value(_ tag: Substring, _ attribute: String) -> String? {
            guard let r = tag.range(of: " \(attribute)=\"") else { return nil }
            return String(tag[r.upperBound...].prefix { $0 != "\"" })
        }
        for part in html.components(separatedBy: "<input").dropFirst() {
            let tag = part.prefix { $0 != ">" }
            guard let name = value(tag, "name"), name != "csrf" else { continue }
            if tag.contains("type=\"checkbox\"") && !tag.contains(" checked") { continue }
            if fields[name] == nil { fields[name] = decode(value(tag, "value") ?? "") }
        }
        for part in html.components(separatedBy: "<select").dropFirst() {
            let tag = part.prefix { $0 != ">" }
            guard let name = value(tag, "name") else { continue }
            let body = part.components(separatedBy: "</select>").first ?? ""
            if let chosen = body.components(separatedBy: "<option").first(where: { $0.contains(" selected") }) {
                fields[name] = decode(value(chosen.prefix { $0 != ">" }, "value") ?? "")
            }
        }
        for part in html.components(separatedBy: "<textarea").dropFirst() {
            let tag = part.prefix { $0 != ">" }
            guard let name = value(tag, "name") else { continue }
            let text = part.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
            fields[name] = decode(String(text))
        }
        // the checkboxes of the phases and themes (arrays): the form posts one; keep the ticked ones
        return fields
    }

    @Test("a referral to a service without receivers: warned, recorded as by phone, the outcome recorded later, counted in time to first contact")
    func phoneChannel() async throws {
        try await withApp { app in
            // setup
            let client = try await Self.client(app, name: "T.E. Lefoon")
            let base = "/zorg/clienten/\(client.id!.slug)"
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let form = ["service": Self.voedselbank.slug, "reason": "Geen eten in huis", "agreed": "Ik bel de voedselbank"]

            // act: the form with the Voedselbank chosen from its page
            let opened = try await midwife.get("\(base)/verwijzen?dienst=\(Self.voedselbank.slug)").body.string
            // check: its phone as a tap-to-call link, and what sending records
            #expect(opened.contains("<a href=\"tel:+31300001122\">030 000 11 22</a>"))
            #expect(opened.contains("mailto:aanmelden@voedselbank-zeist.example"))
            #expect(opened.contains("een verwijzing via Kansrijk zou hier niet aankomen"))
            #expect(opened.contains("Voedselbank Zeist") && opened.contains("Toestemming om te verwijzen geldt nu voor"))

            // act: sent without reading the warning (no confirmation)
            let warned = try await midwife.post("\(base)/verwijzen", form: form)
            // check: nothing sent, the warning first, the typed text kept
            #expect(warned.status == .unprocessableEntity)
            #expect(warned.body.string.contains("Deze verwijzing gaat niet via Kansrijk"))
            #expect(warned.body.string.contains("Geen eten in huis"))
            #expect(try await Referral.query(on: app.db).filter(\.$client.$id == client.id!).count() == 0)

            // act: sent again with the confirmation the form carries
            var confirmed = form
            confirmed["channel"] = ReferralLanding.confirmation(.phoneEmail, Self.voedselbank)
            let sent = try await midwife.post("\(base)/verwijzen", form: confirmed)
            // check: recorded as by phone or e-mail; nobody is told in Kansrijk
            #expect(sent.status == .seeOther)
            let referral = try #require(try await Referral.query(on: app.db).filter(\.$client.$id == client.id!).first())
            #expect(referral.channel == .phoneEmail && referral.status == .requested)
            #expect(try await CareNotification.query(on: app.db).filter(\.$referralID == referral.id!).count() == 0)
            let path = "/zorg/verwijzingen/\(referral.id!.slug)"
            let page = try await midwife.get(path).body.string
            #expect(page.contains("route-telefoon-email\">Per telefoon of e-mail</span>"))
            #expect(page.contains("action=\"\(path)/contact\""))
            let english = try await midwife.get(path + "?lang=en").body.string
            #expect(english.contains("By phone or e-mail") && english.contains("Record the outcome"))
            _ = try await midwife.get(path + "?lang=nl")

            // act: the outcome without a choice, then with contact on a day before the referral
            let empty = try await midwife.post("\(path)/contact", form: [:])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Kies of er contact was."))
            let early = try await midwife.post("\(path)/contact", form: ["outcome": "gelukt", "contact_day": "2020-01-01"])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("Kies een dag vanaf de verwijzing tot en met vandaag."))
            // another organisation may not record it
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            #expect(try await jgz.post("\(path)/contact", form: ["outcome": "gelukt", "contact_day": CalendarDay.iso(CalendarDay.day(at: Date()))]).status == .notFound)

            // act: contact today
            let today = CalendarDay.iso(CalendarDay.day(at: Date()))
            let recorded = try await midwife.post("\(path)/contact", form: ["outcome": "gelukt", "contact_day": today])
            // check
            #expect(recorded.status == .seeOther)
            let done = try #require(try await Referral.find(referral.id, on: app.db))
            #expect(done.contactOutcome == .made && done.status == .accepted && done.firstContactAt != nil)
            #expect(try await midwife.get(path).body.string.contains("Er was contact, vanaf"))
            // once only
            #expect(try await midwife.post("\(path)/contact", form: ["outcome": "niet-gelukt", "contact_reason": "x"]).status == .unprocessableEntity)
            // the process figures' time to first contact reads firstContactAt: this referral counts
            let days = try await Referral.query(on: app.db).filter(\.$client.$id == client.id!).all().compactMap(\.firstContactAt)
            #expect(days.count == 1)
        }
    }

    @Test("a Kansrijk referral to an organisation where nobody answers is recorded as by phone, never left unreceived")
    func deskTurnsKansrijkIntoPhone() async throws {
        try await withApp { app in
            let client = try await Self.client(app, name: "D.E. Sk")
            let midwife = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app)
            let referral = try await ReferralDesk(db: app.db, notifier: Notifier(app: app)).send(ReferralDesk.Request(
                serviceID: Self.voedselbank, serviceName: "Voedselbank", organisationID: Self.voedselbankOrg,
                organisationName: "Voedselbank Zeist", reason: "r", agreed: "a"), client: client, basis: .ownInvolvement, by: midwife, now: Date())
            #expect(referral.channel == .phoneEmail)
            let toJGZ = try await ClientFixtures.referral(app, client: client, now: Date())
            #expect(toJGZ.channel == .kansrijk)
        }
    }

    @Test("a referral by phone is followed up by its reminder, never by the termijnbewaking nor as 'te laat'")
    func phoneReferralIsNeverOverdue() async throws {
        try await withApp { app in
            // setup: a phone referral unanswered for 12 days, past every step of the default ladder
            let now = Date()
            let client = try await Self.client(app, name: "T.E. Laat")
            let phone = try await Self.phoneReferral(app, client, sent: now.addingTimeInterval(-12 * 86_400))

            // act
            let overdue = try await EscalationList.overdue(municipalities: [client.municipalityCode], ladder: [], on: app.db, now: now)
            var browser = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let outgoing = try await browser.get("/zorg/verwijzingen?lijst=uitgaand").body.string

            // check: not on the ladder, and the sender's list names no lateness for it
            #expect(!overdue.contains { $0.referral.id == phone.id })
            let row = try #require(outgoing.components(separatedBy: "<tr").first { $0.contains(client.code) })
            #expect(!row.contains("te laat"))
            #expect(row.contains("<span class=\"route-badge route-telefoon-email\">Per telefoon of e-mail</span>"))
            // and the same referral through Kansrijk would have been late: the ladder itself still works
            phone.storedChannel = .kansrijk
            try await phone.save(on: app.db)
            let nowOverdue = try await EscalationList.overdue(municipalities: [client.municipalityCode], ladder: [], on: app.db, now: now)
            #expect(nowOverdue.contains { $0.referral.id == phone.id })
            let later = try await browser.get("/zorg/verwijzingen?lijst=uitgaand").body.string
            let lateRow = try #require(later.components(separatedBy: "<tr").first { $0.contains(client.code) })
            #expect(lateRow.contains("te laat: geen reactie binnen 5 dagen (nu 12 dagen)") && !lateRow.contains("route-badge"))
        }
    }

    @Test("the sender is reminded once, after the set number of days, by a mail without client data")
    func reminder() async throws {
        try await withApp { app in
            // setup
            let now = Date()
            let client = try await Self.client(app, name: "H.E. Rinnering")
            let old = try await Self.phoneReferral(app, client, sent: now.addingTimeInterval(-6 * 86_400))
            let midwife = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app)
            let notifier = Notifier(baseURL: "https://kansrijk.test")

            // act: 4 days is too early for a 5-day setting
            #expect(try await ContactReminderNotices.run(on: app.db, notifier: notifier, now: now.addingTimeInterval(-2 * 86_400), days: 5) == 0)
            // act: after 6 days
            let first = try await ContactReminderNotices.run(on: app.db, notifier: notifier, now: now, days: 5)
            let second = try await ContactReminderNotices.run(on: app.db, notifier: notifier, now: now, days: 5)

            // check: once, a mail naming the service and the page, not the client
            #expect(first == 1 && second == 0)
            let mails = try await MailMessage.query(on: app.db).filter(\.$userID == midwife.id!).filter(\.$kind == .contactReminder).all()
            #expect(mails.count == 1)
            let mail = try #require(mails.first)
            #expect(mail.textBody.contains("Voedselbank") && mail.textBody.contains("/zorg/verwijzingen/\(old.id!.slug)"))
            #expect(!mail.textBody.contains(client.code) && !mail.textBody.contains("H.E. Rinnering") && !mail.subject.contains(client.code))
            // and "Nieuw voor u" names the client's code, the service and what to do
            var browser = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            #expect(try await browser.get("/zorg").body.string.contains("\(client.code): leg vast of er contact was met Voedselbank"))

            // act: a recorded outcome needs no reminder
            let client2 = try await Self.client(app, name: "H.E. Rinnering Twee")
            let done = try await Self.phoneReferral(app, client2, sent: now.addingTimeInterval(-7 * 86_400))
            try await ReferralDesk(db: app.db, notifier: notifier).recordContact(done, outcome: .notMade, on: nil, reason: "Niet bereikbaar",
                                                                                by: midwife, basis: .ownInvolvement, now: now)
            #expect(try await ContactReminderNotices.run(on: app.db, notifier: notifier, now: now, days: 5) == 0)
            #expect(try await Referral.find(done.id, on: app.db)?.status == .failed)
        }
    }

    @Test("a missing consent is recorded from the referral form and the form comes back with what was typed")
    func consentRoundTrip() async throws {
        try await withApp { app in
            // setup: a client without any consent
            let client = try await ClientFixtures.client(app, name: "C.O. Nsent", now: Date())
            let base = "/zorg/clienten/\(client.id!.slug)"
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let typed = ["service": ClientFixtures.stevigOuderschap.slug, "reason": "Zorgen <over> slaap & voeding", "agreed": "Zij wordt deze week gebeld"]

            // act: the referral is refused for want of consent
            let refused = try await midwife.post("\(base)/verwijzen", form: typed)
            // check: no consent named, and a form that carries the typed fields to the consent step
            #expect(refused.status == .unprocessableEntity)
            let body = refused.body.string
            #expect(body.contains("Er is nog geen toestemming om te verwijzen."))
            #expect(body.contains("action=\"\(base)/toestemming/voor-verwijzing\""))
            #expect(body.contains("name=\"referral_reason\" value=\"Zorgen &lt;over&gt; slaap &amp; voeding\""))

            // act: open the consent step with the carried fields
            let carry = ["referral_service": typed["service"]!, "referral_reason": typed["reason"]!, "referral_agreed": typed["agreed"]!]
            let step = try await midwife.post("\(base)/toestemming/voor-verwijzing", form: carry)
            // check: purpose and organisation ticked, the referral carried along
            #expect(step.status == .ok)
            let stepBody = step.body.string
            #expect(stepBody.contains("value=\"refer\" checked"))
            #expect(stepBody.contains("value=\"\(ClientFixtures.jgzOrg.slug)\" checked"))
            #expect(stepBody.contains("name=\"referral_agreed\" value=\"Zij wordt deze week gebeld\""))

            // act: a consent form with a mistake keeps the carried fields; then a good one
            var consent = carry
            consent["given_by"] = "client"; consent["recorded_how"] = "verbal"; consent["purposes[]"] = "refer"
            consent["organisations[]"] = ClientFixtures.jgzOrg.slug; consent["valid_from"] = "2026-02-30"
            let wrong = try await midwife.post("\(base)/toestemming", form: consent)
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("name=\"referral_reason\" value=\"Zorgen &lt;over&gt; slaap &amp; voeding\""))
            consent["valid_from"] = CalendarDay.iso(CalendarDay.day(at: Date()))
            let back = try await midwife.post("\(base)/toestemming", form: consent)

            // check: the referral form again, everything kept, the consent now covering JGZ
            #expect(back.status == .ok)
            let form = back.body.string
            #expect(form.contains("action=\"\(base)/verwijzen\""))
            #expect(form.contains(">Zorgen &lt;over&gt; slaap &amp; voeding</textarea>"))
            #expect(form.contains(">Zij wordt deze week gebeld</textarea>"))
            #expect(form.contains("value=\"\(ClientFixtures.stevigOuderschap.slug)\" selected"))
            #expect(form.contains("<li>Jeugdgezondheidszorg Zeist</li>"))
            #expect(form.contains("De toestemming is vastgelegd."))
            #expect(try await Consent.query(on: app.db).filter(\.$client.$id == client.id!).count() == 1)
            // and sending it works
            #expect(try await midwife.post("\(base)/verwijzen", form: typed).status == .seeOther)
        }
    }

    @Test("the receiving screen: one group per action with its own fields before its own button; statuses coloured with words")
    func receivingScreen() async throws {
        try await withApp { app in
            let client = try await Self.client(app, name: "O.N. Tvangst")
            let referral = try await ClientFixtures.referral(app, client: client, now: Date().addingTimeInterval(-8 * 86_400))
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            let page = try await jgz.get("/zorg/verwijzingen/\(referral.id!.slug)").body.string
            #expect(page.contains("<span class=\"status-badge status-requested\">Aangevraagd</span>"))
            #expect(page.contains("te laat: geen reactie binnen 5 dagen (nu 8 dagen)"))
            // each group: its legend, then its own fields, then its own button, then the group ends
            let groups = page.components(separatedBy: "<fieldset>").dropFirst().map { $0.components(separatedBy: "</fieldset>")[0] }
            let reject = try #require(groups.first { $0.contains("value=\"rejected\"") })
            let hold = try #require(groups.first { $0.contains("value=\"on-hold\"") })
            let accept = try #require(groups.first { $0.contains("value=\"accepted\"") })
            #expect(!accept.contains("<textarea"))
            #expect(reject.contains("Reden van afwijzen") && reject.contains("name=\"alternative\""))
            #expect(hold.contains("Reden om in de wacht te zetten") && !hold.contains("name=\"alternative\""))
            for group in [reject, hold] {
                let field = try #require(group.range(of: "<textarea"))
                let button = try #require(group.range(of: "<button"))
                #expect(field.lowerBound < button.lowerBound, "the reason sits above its own button")
                #expect(group.components(separatedBy: "<button").count == 2, "one button per group")
            }
            // the same colours on the worklist and the client page
            #expect(try await jgz.get("/zorg/verwijzingen?lijst=inkomend").body.string.contains("status-badge status-requested"))
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            #expect(try await midwife.get("/zorg/clienten/\(client.id!.slug)").body.string.contains("status-badge status-requested"))
            // putting it on hold with its reason works from its own group
            let held = try await jgz.post("/zorg/verwijzingen/\(referral.id!.slug)/status", form: ["to": "on-hold", "reason": "Eerst intake"])
            #expect(held.status == .seeOther)
            #expect(try await Referral.find(referral.id, on: app.db)?.statusReason == "Eerst intake")
        }
    }

    @Test("an attacker's service ids and referral ids give 404 or 422, never 500, and write nothing")
    func attacker() async throws {
        try await withApp { app in
            let client = try await Self.client(app, name: "A.T. Tack")
            let base = "/zorg/clienten/\(client.id!.slug)"
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            for service in [Self.homeStartApeldoorn.slug, UUID().uuidString, "x' OR 1=1 --", ""] {
                let r = try await midwife.post("\(base)/verwijzen", form: ["service": service, "reason": "r", "agreed": "a", "channel": "telefoon-email:\(service)"])
                #expect(r.status == .unprocessableEntity, "service \(service)")
            }
            #expect(try await Referral.query(on: app.db).filter(\.$client.$id == client.id!).count() == 0)
            for query in ["?dienst=\(UUID().uuidString)", "?dienst=nope", ""] {
                #expect(try await midwife.get("/zorg/verwijzen\(query)").status == .notFound, "pick \(query)")
            }
            #expect(try await midwife.get("/zorg/verwijzen?dienst=\(Self.voedselbank.slug)").body.string.contains("A.T. Tack"))
            #expect(try await midwife.post("/zorg/verwijzingen/\(UUID().uuidString)/contact", form: ["outcome": "gelukt"]).status == .notFound)
            #expect(try await midwife.post("/zorg/verwijzingen/nope/contact", form: ["outcome": "gelukt"]).status == .notFound)
            let referral = try await Self.phoneReferral(app, client, sent: Date())
            let odd = try await midwife.post("/zorg/verwijzingen/\(referral.id!.slug)/contact", form: ["outcome": "misschien", "contact_day": "morgen"])
            #expect(odd.status == .unprocessableEntity)
            let future = try await midwife.post("/zorg/verwijzingen/\(referral.id!.slug)/contact",
                                                form: ["outcome": "gelukt", "contact_day": CalendarDay.iso(CalendarDay.day(at: Date().addingTimeInterval(3 * 86_400)))])
            #expect(future.status == .unprocessableEntity)
            #expect(try await Referral.find(referral.id, on: app.db)?.contactOutcome == nil)
            // a consent step for a service of another municipality ticks nothing it may not name
            let step = try await midwife.post("\(base)/toestemming/voor-verwijzing", form: ["referral_service": Self.homeStartApeldoorn.slug])
            #expect(step.status == .ok && !step.body.string.contains("value=\"\(DemoData.orgID("cjg-apeldoorn").slug)\""))
        }
    }
}

@Suite("Referrals that land: the process figures", .serialized)
struct ReferralLandingFigureTests {
    @Test("referrals by phone count in the time to first contact once their outcome is recorded")
    func timeToFirstContact() async throws {
        try await withApp { app in
            // setup: ten Borsele clients referred by phone three days ago
            let now = Date()
            let year = Calendar(identifier: .gregorian).component(.year, from: now.addingTimeInterval(-3 * 86_400))
            let midwife = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app)
            let desk = ReferralDesk(db: app.db, notifier: Notifier(app: app))
            var referrals: [Referral] = []
            for i in 0..<10 {
                let client = try await ClientRecords.create(ClientForm.Valid(
                    name: "B.O. \(i)", birthDate: CalendarDay.day(year: 1995, month: 1, day: 1 + i)!, municipalityCode: DemoCatalog.borsele,
                    expectedBirthDate: CalendarDay.day(at: now).addingTimeInterval(90 * 86_400), actualBirthDate: nil, language: "nl"),
                    by: midwife, on: app.db, now: now.addingTimeInterval(-4 * 86_400))
                try await ConsentRecords.record(ClientConsentForm.Valid(
                    givenBy: .client, purposes: [.refer], organisations: [ReferralLandingTests.voedselbankOrg],
                    validFrom: CalendarDay.day(at: now.addingTimeInterval(-4 * 86_400)), validUntil: nil, recordedHow: .verbal),
                    client: client, basis: .ownInvolvement, by: midwife, on: app.db, now: now.addingTimeInterval(-4 * 86_400))
                referrals.append(try await ReferralLandingTests.phoneReferral(app, client, sent: now.addingTimeInterval(-3 * 86_400)))
            }
            let source = CareProcessFigures()
            let before = try await source.figures(municipalities: [DemoCatalog.borsele], year: year, on: app.db)
            #expect(CareProcessFigureTests.value(before, "Verwijzingen buiten Kansrijk (telefoon, e-mail of elders)") == "10")
            #expect(CareProcessFigureTests.value(before, "Dagen tot eerste contact (mediaan)") == "< 10 verwijzingen")

            // act: the sender records contact on each, today
            for r in referrals {
                try await desk.recordContact(r, outcome: .made, on: CalendarDay.day(at: now), reason: nil, by: midwife, basis: .ownInvolvement, now: now)
            }

            // check: the median is there now, between two and three days
            let after = try await source.figures(municipalities: [DemoCatalog.borsele], year: year, on: app.db)
            let median = try #require(CareProcessFigureTests.value(after, "Dagen tot eerste contact (mediaan)"))
            let days = try #require(Double(median.replacingOccurrences(of: ",", with: ".")))
            #expect(days > 1.9 && days < 3.1)
        }
    }
}
