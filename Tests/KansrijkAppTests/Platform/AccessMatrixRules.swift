import Vapor
import VaporTesting
@testable import KansrijkApp

/// The access matrix's data (issue #13, "a suite that keeps finding"): who visits, what each kind
/// of rule lets them do, and one rule for every route the app registers. `AccessMatrixTests` walks
/// every route with every visitor and fails on a route without a rule or a rule without a route.
enum AccessMatrix {
    /// One visitor per kind of relation to Zeist and to the matrix's client (`MatrixFixture`).
    enum Visitor: String, CaseIterable, Sendable {
        case anonymous
        /// Verloskundige Praktijk Zeist: made the client's record, organised the MDO, asked for a volunteer.
        case midwife
        /// JGZ Zeist: involved through a referral under the client's consent, takes part in the MDO.
        case jgz
        /// Samen Oplopen: involved through the volunteer request under the same consent.
        case volunteers
        /// Schuldhulpverlening Zeist: a Zeist professional, not involved with the client.
        case debt
        /// The same debt counsellor holding an unexpired break-the-glass grant for the client: reads only.
        case emergency
        /// A professional of another municipality and coalition (Apeldoorn).
        case elsewhere
        case coordinator
        /// The coordinator of another coalition (Borsele).
        case otherCoordinator
        case policy
        case admin

        var email: String? {
            switch self {
            case .anonymous: nil
            case .midwife: "professional@zeist.demo"
            case .jgz: "jgz@zeist.demo"
            case .volunteers: "vrijwilligers@zeist.demo"
            case .debt, .emergency: "schuldhulp@zeist.demo"
            case .elsewhere: "professional@apeldoorn.demo"
            case .coordinator: "coordinator@zeist.demo"
            case .otherCoordinator: "coordinator@borsele.demo"
            case .policy: "policy@zeist.demo"
            case .admin: "admin@kansrijk.demo"
            }
        }

        var role: Role? {
            switch self {
            case .anonymous: nil
            case .midwife, .jgz, .volunteers, .debt, .emergency, .elsewhere: .professional
            case .coordinator, .otherCoordinator: .coordinator
            case .policy: .policy
            case .admin: .admin
            }
        }

        /// Members of the Zeist coalition (every Zeist account is one), its policy advisor and admins read its workspace.
        var readsZeist: Bool { ![.anonymous, .elsewhere, .otherCoordinator].contains(self) }
        /// Zeist's coordinator and admins change what belongs to Zeist (workspace, services, zorgpaden, ladder, reviews).
        var editsZeist: Bool { self == .coordinator || self == .admin }
        /// The organisations involved with the matrix's client.
        var involved: Bool { [.midwife, .jgz, .volunteers].contains(self) }

        /// Who posts without a token in the CSRF test: the first visitor a route allows.
        static let byPrivilege: [Visitor] = [.admin, .coordinator, .midwife, .volunteers, .jgz, .policy, .otherCoordinator, .debt, .elsewhere, .anonymous]
    }

    /// What a visitor should get, as a class rather than one status.
    enum Expected: String, Sendable {
        /// The access check let her through: anything but 401, 403, 404, 405, 5xx or a redirect to the
        /// log-in page (an empty form's 400, 409 or 422 counts: the check came first).
        case allowed
        /// 403, or 404 where the thing must not even be known to exist (a client one may not see).
        case denied
        /// Anonymous: a page sends her to `/inloggen?terug=...`, the API answers 401, a post 401 or 403
        /// (an anonymous post carries no session token, so CSRF refuses it first).
        case signIn
        /// Back to `/inloggen`: the second log-in step without a pending log-in.
        case toLogIn

        func matches(_ status: UInt, location: String?, method: HTTPMethod, path: String) -> Bool {
            let toLogInPage = (300..<400).contains(status) && (location ?? "").hasPrefix("/inloggen")
            switch self {
            case .allowed: return ![401, 403, 404, 405].contains(status) && status < 500 && !toLogInPage
            case .denied: return status == 403 || status == 404
            case .signIn:
                if method != .GET { return status == 401 || status == 403 }
                if path.hasPrefix("/api/") { return status == 401 }
                return status == 303 && (location ?? "").hasPrefix("/inloggen?terug=")
            case .toLogIn: return status == 303 && location == "/inloggen"
            }
        }
    }

    /// Who may use a route.
    enum Access: Sendable {
        case everyone
        case signedIn
        case roles(Set<Role>)
        case zeistReader
        /// Zeist's coordinator and admins (for a service, a zorgpad, national facts, a local indicator or
        /// an emergency access of Zeist this is the same pair: coordinators of the coalition covering it).
        case zeistEditor
        /// The progress report's texts: its editors and the policy advisors who read it.
        case zeistReportWriter
        /// The import job's owner (Zeist's coordinator uploaded it) and admins; other importers get 404.
        case importJobOwner
        /// Users of organisations involved with the client; an emergency grant reads (GET) and changes nothing.
        case clientCare
        /// Only the organisation that made the record closes or reopens it (issue #13).
        case clientCreator
        /// The other involved organisations end their own involvement; the one that made the record cannot.
        case clientInvolvedNotCreator
        /// The referring and the receiving organisation.
        case referralSide
        /// Organisations taking part in the MDO meeting.
        case mdoParticipant
        /// The requesting and the volunteer organisation.
        case volunteerSide
        /// Only the volunteer organisation: its volunteers, matches and check-ins.
        case volunteerOrganisation
        /// Extra care (issue 15): Zeist's named decision-maker, who is also its coordinator in the demo;
        /// nobody else decides or reads the register, admins and other coordinators neither.
        case zeistExtraCare
        /// An extra-care request: the requesting organisation (the midwife's) and Zeist's decision-maker.
        case extraCareReader
        /// The log-in form's post: its token is a cookie that only an anonymous visit to the form gets.
        case anonymousOnly
        /// The second log-in step: only with a log-in pending, everyone else goes back to `/inloggen`.
        case logInStep
        /// `/metrics`: only for the Bearer token of `KANSRIJK_METRICS_TOKEN`, never a session; without
        /// the setting (as in the matrix) it is 404 for every visitor (ADR 0044).
        case metricsToken

        func allows(_ v: Visitor, _ method: HTTPMethod) -> Bool {
            switch self {
            case .everyone: true
            case .signedIn: v != .anonymous
            case .roles(let roles): v.role.map(roles.contains) ?? false
            case .zeistReader: v.readsZeist
            case .zeistEditor: v.editsZeist
            case .zeistReportWriter: v.editsZeist || v == .policy
            case .importJobOwner: v == .coordinator || v == .admin
            case .clientCare: v.involved || (v == .emergency && method == .GET)
            case .clientCreator: v == .midwife
            case .clientInvolvedNotCreator: v == .jgz || v == .volunteers
            case .referralSide, .mdoParticipant: v == .midwife || v == .jgz
            case .volunteerSide: v == .midwife || v == .volunteers
            case .volunteerOrganisation: v == .volunteers
            case .zeistExtraCare: v == .coordinator
            case .extraCareReader: v == .coordinator || v == .midwife
            case .anonymousOnly: v == .anonymous
            case .logInStep, .metricsToken: false
            }
        }

        func expected(for v: Visitor, _ method: HTTPMethod) -> Expected {
            if case .logInStep = self { return v == .anonymous && method != .GET ? .signIn : .toLogIn }
            if case .metricsToken = self { return .denied }
            if allows(v, method) { return .allowed }
            return v == .anonymous ? .signIn : .denied
        }
    }

    /// When a post runs in a visitor's walk: after everything it could spoil.
    enum Order: Int, Sendable {
        case any
        /// Deletes, closes or marks something a later row would still use.
        case destructive
        /// Ends the visitor's own involvement with the client, and with it her access.
        case endsInvolvement
        /// Logs out.
        case endsSession
    }

    struct Rule: Sendable {
        var access: Access
        /// Appended to the path: a filter the page needs to show something; `{name}` is a `MatrixFixture` value.
        var query = ""
        var order = Order.any

        init(_ access: Access, query: String = "", order: Order = .any) {
            self.access = access
            self.query = query
            self.order = order
        }
    }
}

extension AccessMatrix {
    /// "GET /zorg/clienten/:client", as the route table names a route.
    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    static let coordinators: Set<Role> = [.coordinator, .admin]

    /// Every route and its rule. Posts are sent with an empty form.
    static let table: [(route: String, rule: Rule)] = [
        // platform
        ("GET /", Rule(.everyone)),
        ("GET /health/live", Rule(.everyone)),
        ("GET /health/ready", Rule(.everyone)),
        ("GET /metrics", Rule(.metricsToken)),
        ("GET /inloggen", Rule(.everyone)),  // a signed-in visitor is sent on to /
        ("POST /inloggen", Rule(.anonymousOnly)),
        ("GET /inloggen/code", Rule(.logInStep)),
        ("POST /inloggen/code", Rule(.logInStep)),
        ("GET /account/tweede-stap", Rule(.signedIn)),
        ("POST /account/tweede-stap", Rule(.signedIn)),
        ("POST /account/tweede-stap/uit", Rule(.signedIn)),
        ("POST /uitloggen", Rule(.signedIn, order: .endsSession)),
        // onboarding (issue #14): one's own account page; invitations by admins and coordinators (who
        // may invite whom is tested in OnboardingInvitationTests); the mailed links, whose token is the key
        ("GET /account", Rule(.signedIn)),
        ("POST /account/gegevens", Rule(.signedIn)),
        ("POST /account/wachtwoord", Rule(.signedIn)),
        ("POST /account/sessies/beeindigen", Rule(.signedIn)),
        ("POST /account/sessies/andere-beeindigen", Rule(.signedIn)),
        ("GET /beheer/uitnodigingen", Rule(.roles(coordinators))),
        ("GET /beheer/uitnodigingen/nieuw", Rule(.roles(coordinators))),
        ("POST /beheer/uitnodigingen/nieuw", Rule(.roles(coordinators))),
        ("POST /beheer/uitnodigingen/opnieuw", Rule(.roles(coordinators))),
        ("POST /beheer/uitnodigingen/intrekken", Rule(.roles(coordinators), order: .destructive)),
        ("GET /uitnodiging/:token", Rule(.everyone)),
        ("POST /uitnodiging/:token", Rule(.everyone)),
        ("GET /wachtwoord-vergeten", Rule(.everyone)),
        ("POST /wachtwoord-vergeten", Rule(.everyone)),
        ("GET /wachtwoord-herstellen/:token", Rule(.everyone)),
        ("POST /wachtwoord-herstellen/:token", Rule(.everyone)),
        ("GET /account/meldingen", Rule(.signedIn)),  // one's own mail choices (issue #14)
        ("POST /account/meldingen", Rule(.signedIn)),

        // administration (issue #14): people and organisations. An account outside a coordinator's
        // coalitions is a 404 (an id reveals nothing); an organisation outside her municipalities a 403
        // (organisations are public through the HSDS API). The person is JGZ Zeist's nurse.
        ("GET /beheer", Rule(.roles(coordinators))),
        ("GET /beheer/mensen", Rule(.roles(coordinators))),
        ("GET /beheer/mensen/:user", Rule(.zeistEditor)),
        ("POST /beheer/mensen/:user/rol", Rule(.zeistEditor)),
        ("POST /beheer/mensen/:user/deactiveren", Rule(.zeistEditor, order: .destructive)),
        ("POST /beheer/mensen/:user/activeren", Rule(.zeistEditor)),
        ("POST /beheer/mensen/:user/organisatie", Rule(.roles([.admin]))),
        ("GET /beheer/organisaties", Rule(.roles(coordinators))),
        ("GET /beheer/organisaties/nieuw", Rule(.roles(coordinators))),
        ("POST /beheer/organisaties/nieuw", Rule(.roles(coordinators))),
        ("GET /beheer/organisaties/:id", Rule(.zeistEditor)),
        ("GET /beheer/organisaties/:id/bewerken", Rule(.zeistEditor)),
        ("POST /beheer/organisaties/:id/bewerken", Rule(.zeistEditor)),
        ("GET /beheer/organisaties/:id/locaties/nieuw", Rule(.zeistEditor)),
        ("POST /beheer/organisaties/:id/locaties/nieuw", Rule(.zeistEditor)),
        ("GET /beheer/organisaties/:id/locaties/:location/bewerken", Rule(.zeistEditor)),
        ("POST /beheer/organisaties/:id/locaties/:location/bewerken", Rule(.zeistEditor)),
        // the demo's location has services: the removal is refused (409) and nothing changes
        ("POST /beheer/organisaties/:id/locaties/:location/verwijderen", Rule(.zeistEditor, order: .destructive)),
        // the outbox ("Verzonden e-mail", issue #14): admins only; resending a mail that did not fail changes nothing
        ("GET /beheer/email", Rule(.roles([.admin]))),
        ("POST /beheer/email/test", Rule(.roles([.admin]))),
        ("GET /beheer/email/:id", Rule(.roles([.admin]))),
        ("POST /beheer/email/:id/opnieuw", Rule(.roles([.admin]))),
        ("GET /beheer/achtergrond", Rule(.roles([.admin]))),

        // directory
        ("GET /aanbod", Rule(.everyone)),
        ("GET /aanbod/:id", Rule(.everyone)),
        ("GET /aanbod/nieuw", Rule(.roles(coordinators))),
        ("POST /aanbod/nieuw", Rule(.roles(coordinators))),
        ("GET /aanbod/:id/bewerken", Rule(.zeistEditor)),
        // issue 16: what imports kept without a municipality; an unplaced record is every coordinator's (ADR 0034)
        ("GET /aanbod/te-controleren", Rule(.roles(coordinators))),
        ("POST /aanbod/te-controleren/:flag", Rule(.roles(coordinators))),
        ("POST /aanbod/:id/bewerken", Rule(.zeistEditor)),
        ("GET /ouders", Rule(.everyone)),
        ("GET /ouders/aanbod/:id", Rule(.everyone)),
        ("GET /dekking", Rule(.signedIn, query: "?coalitie=zeist")),
        ("GET /zorgpaden", Rule(.signedIn)),
        ("GET /zorgpaden/:id", Rule(.signedIn)),
        ("GET /zorgpaden/:id/afdrukken", Rule(.signedIn)),
        ("GET /zorgpaden/nieuw", Rule(.roles(coordinators))),
        ("POST /zorgpaden/nieuw", Rule(.roles(coordinators))),
        ("GET /zorgpaden/:id/bewerken", Rule(.zeistEditor)),
        ("POST /zorgpaden/:id/bewerken", Rule(.zeistEditor)),
        // draft and published (issue 15): the coalition's coordinator and admins; a draft is a 404 to readers
        ("POST /zorgpaden/:id/publiceren", Rule(.zeistEditor)),
        ("POST /zorgpaden/:id/concept", Rule(.zeistEditor, order: .destructive)),
        ("POST /zorgpaden/:id/stappen", Rule(.zeistEditor)),
        ("GET /zorgpaden/:id/stappen/:step/bewerken", Rule(.zeistEditor)),
        ("POST /zorgpaden/:id/stappen/:step/bewerken", Rule(.zeistEditor)),
        ("POST /zorgpaden/:id/stappen/:step/omhoog", Rule(.zeistEditor)),
        ("POST /zorgpaden/:id/stappen/:step/omlaag", Rule(.zeistEditor)),
        ("POST /zorgpaden/:id/stappen/:step/verwijderen", Rule(.zeistEditor, order: .destructive)),
        ("GET /api/openapi.json", Rule(.everyone)),
        ("GET /api/hsds", Rule(.everyone)),
        ("GET /api/hsds/services", Rule(.everyone)),
        ("GET /api/hsds/services/:id", Rule(.everyone)),
        ("GET /api/hsds/organizations", Rule(.everyone)),
        ("GET /api/hsds/organizations/:id", Rule(.everyone)),
        ("GET /api/hsds/service_at_locations", Rule(.everyone)),
        ("GET /api/hsds/service_at_locations/:id", Rule(.everyone)),
        ("GET /api/hsds/taxonomies", Rule(.everyone)),
        ("GET /api/hsds/taxonomies/:id", Rule(.everyone)),
        ("GET /api/hsds/taxonomy_terms", Rule(.everyone)),
        ("GET /api/hsds/taxonomy_terms/:id", Rule(.everyone)),

        // coalition workspace (ADR 0006)
        ("GET /coalities", Rule(.signedIn)),
        ("GET /coalities/nieuw", Rule(.roles([.admin]))),
        ("POST /coalities/nieuw", Rule(.roles([.admin]))),
        ("GET /coalities/:slug", Rule(.zeistReader)),
        ("GET /coalities/:slug/bewerken", Rule(.zeistEditor)),
        ("POST /coalities/:slug/bewerken", Rule(.zeistEditor)),
        ("GET /coalities/:slug/ouders-aanspreken", Rule(.zeistReader)),
        ("POST /coalities/:slug/ouders-aanspreken", Rule(.zeistEditor)),
        ("GET /coalities/:slug/fasen", Rule(.zeistReader)),
        ("POST /coalities/:slug/fasen", Rule(.zeistEditor)),
        ("POST /coalities/:slug/fasen/:id/verwijderen", Rule(.zeistEditor, order: .destructive)),
        ("GET /coalities/:slug/partners", Rule(.zeistReader)),
        ("GET /coalities/:slug/partners/nieuw", Rule(.zeistEditor)),
        ("POST /coalities/:slug/partners/nieuw", Rule(.zeistEditor)),
        ("GET /coalities/:slug/partners/:id/bewerken", Rule(.zeistEditor)),
        ("POST /coalities/:slug/partners/:id/bewerken", Rule(.zeistEditor)),
        ("GET /coalities/:slug/ambities", Rule(.zeistReader)),
        ("GET /coalities/:slug/ambities/nieuw", Rule(.zeistEditor)),
        ("POST /coalities/:slug/ambities/nieuw", Rule(.zeistEditor)),
        ("GET /coalities/:slug/ambities/:id", Rule(.zeistReader)),
        ("GET /coalities/:slug/ambities/:id/bewerken", Rule(.zeistEditor)),
        ("POST /coalities/:slug/ambities/:id/bewerken", Rule(.zeistEditor)),
        ("POST /coalities/:slug/ambities/:id/doelen", Rule(.zeistEditor)),
        ("POST /coalities/:slug/ambities/:id/doelen/:goal/verwijderen", Rule(.zeistEditor, order: .destructive)),
        ("POST /coalities/:slug/ambities/:id/activiteiten", Rule(.zeistEditor)),
        ("GET /coalities/:slug/activiteiten/:activity/bewerken", Rule(.zeistEditor)),
        ("POST /coalities/:slug/activiteiten/:activity/bewerken", Rule(.zeistEditor)),
        ("GET /coalities/:slug/overleggen", Rule(.zeistReader)),
        ("GET /coalities/:slug/overleggen/nieuw", Rule(.zeistEditor)),
        ("POST /coalities/:slug/overleggen/nieuw", Rule(.zeistEditor)),
        ("GET /coalities/:slug/overleggen/:id", Rule(.zeistReader)),
        ("GET /coalities/:slug/overleggen/:id/bewerken", Rule(.zeistEditor)),
        ("POST /coalities/:slug/overleggen/:id/bewerken", Rule(.zeistEditor)),
        ("POST /coalities/:slug/overleggen/:id/actiepunten", Rule(.zeistEditor)),
        ("POST /coalities/:slug/overleggen/:id/actiepunten/:point/afgerond", Rule(.zeistEditor)),
        ("GET /coalities/:slug/agenda.ics", Rule(.zeistReader)),
        ("GET /coalities/:slug/afspraken", Rule(.zeistReader)),
        ("GET /coalities/:slug/afspraken/nieuw", Rule(.zeistEditor)),
        ("POST /coalities/:slug/afspraken/nieuw", Rule(.zeistEditor)),
        ("GET /coalities/:slug/afspraken/:id", Rule(.zeistReader)),
        ("GET /coalities/:slug/afspraken/:id/bewerken", Rule(.zeistEditor)),
        ("POST /coalities/:slug/afspraken/:id/bewerken", Rule(.zeistEditor)),
        ("GET /coalities/:slug/afspraken/:id/document", Rule(.zeistReader)),
        // issue 16: the social map from a spreadsheet, for the coalition's coordinators and admins
        ("GET /coalities/:slug/sociale-kaart", Rule(.zeistEditor)),
        ("POST /coalities/:slug/sociale-kaart", Rule(.zeistEditor)),
        ("GET /coalities/:slug/sociale-kaart/sjabloon.xlsx", Rule(.zeistEditor)),
        ("GET /coalities/:slug/sociale-kaart/sjabloon.csv", Rule(.zeistEditor)),
        ("GET /coalities/:slug/sociale-kaart/kolommen", Rule(.zeistEditor)),
        ("POST /coalities/:slug/sociale-kaart/kolommen", Rule(.zeistEditor)),
        ("POST /coalities/:slug/sociale-kaart/importeren", Rule(.zeistEditor)),
        ("GET /coalities/:slug/verhalen", Rule(.zeistReader)),
        ("GET /coalities/:slug/verhalen/nieuw", Rule(.zeistEditor)),
        ("POST /coalities/:slug/verhalen/nieuw", Rule(.zeistEditor)),
        ("GET /coalities/:slug/verhalen/:id/bewerken", Rule(.zeistEditor)),
        ("POST /coalities/:slug/verhalen/:id/bewerken", Rule(.zeistEditor)),
        ("POST /coalities/:slug/verhalen/:id/verwijderen", Rule(.zeistEditor, order: .destructive)),
        ("GET /coalities/:slug/leden", Rule(.zeistReader)),
        ("POST /coalities/:slug/leden", Rule(.zeistEditor)),
        ("POST /coalities/:slug/leden/:id/verwijderen", Rule(.zeistEditor, order: .destructive)),

        // national overview and library
        ("GET /landelijk", Rule(.everyone)),
        ("GET /landelijk/cijfers", Rule(.everyone)),
        ("GET /landelijk/financiering", Rule(.everyone)),
        ("GET /landelijk/gemeenten.csv", Rule(.everyone)),
        ("GET /landelijk/gemeenten/:code", Rule(.everyone)),
        ("GET /landelijk/gemeenten/:code/bewerken", Rule(.zeistEditor)),
        ("POST /landelijk/gemeenten/:code/bewerken", Rule(.zeistEditor)),
        ("GET /landelijk/importeren", Rule(.roles([.admin]))),
        ("POST /landelijk/importeren", Rule(.roles([.admin]))),
        ("GET /praktijkvoorbeelden", Rule(.everyone)),
        ("GET /praktijkvoorbeelden/:slug", Rule(.everyone)),

        // care: clients, consent, referrals
        ("GET /zorg", Rule(.signedIn)),
        ("POST /zorg/meldingen/gelezen", Rule(.signedIn)),  // only one's own notice: the id is a form field, checked per user (NotificationRouteTests)
        ("POST /zorg/meldingen/alles-gelezen", Rule(.signedIn, order: .destructive)),
        ("GET /zorg/clienten/nieuw", Rule(.roles([.professional]))),
        ("POST /zorg/clienten", Rule(.roles([.professional]))),
        ("GET /zorg/clienten/:client", Rule(.clientCare)),
        ("GET /zorg/clienten/:client/inzage", Rule(.clientCare)),
        ("GET /zorg/clienten/:client/toestemming", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/toestemming", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/toestemming/voor-verwijzing", Rule(.clientCare)),  // issue 15: the consent step of a referral
        ("GET /zorg/clienten/:client/verwijzen", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/verwijzen", Rule(.clientCare)),
        // the close form is the confirmation: the creating organisation while it is involved (issue #15)
        ("GET /zorg/clienten/:client/afsluiten", Rule(.clientCreator)),
        ("POST /zorg/clienten/:client/afsluiten", Rule(.clientCreator, order: .destructive)),
        ("POST /zorg/clienten/:client/heropenen", Rule(.clientCare)),
        ("GET /zorg/clienten/:client/gegevens", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/gegevens", Rule(.clientCare)),
        ("GET /zorg/clienten/:client/geboorte", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/geboorte", Rule(.clientCare)),
        ("GET /zorg/clienten/:client/overdracht", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/overdracht", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/toestemming/:consent/intrekken", Rule(.clientCare, order: .destructive)),  // a consent no access rests on
        ("POST /zorg/clienten/:client/betrokkenheid-beeindigen", Rule(.clientInvolvedNotCreator, order: .endsInvolvement)),
        ("GET /zorg/verwijzingen", Rule(.signedIn, query: "?lijst=inkomend")),
        ("GET /zorg/verwijzingen/:referral", Rule(.referralSide)),
        ("POST /zorg/verwijzingen/:referral/status", Rule(.referralSide)),
        ("POST /zorg/verwijzingen/:referral/contact", Rule(.referralSide)),  // issue 15: only the sender records (others get 422)
        ("GET /zorg/verwijzen", Rule(.signedIn, query: "?dienst={service}")),  // issue 15: lists only the visitor's own clients
        ("GET /api/zorg/verwijzingen", Rule(.signedIn)),
        ("GET /api/zorg/clienten/:client", Rule(.clientCare)),
        // termijnbewaking (the overdue-referral ladder; /zorg/escalatie before issue 15, which now redirects to it)
        ("GET /zorg/escalatie", Rule(.everyone)),  // a 301 to /zorg/termijnbewaking for everyone
        ("GET /zorg/termijnbewaking", Rule(.roles([.coordinator, .policy, .admin]))),  // policy advisors read it: they are told of its policy steps (ADR 0027)
        ("POST /zorg/termijnbewaking/:slug/stappen", Rule(.zeistEditor)),
        ("POST /zorg/termijnbewaking/:slug/stappen/:step/verwijderen", Rule(.zeistEditor, order: .destructive)),
        // prenatal home visit and extra care (issue 15, ADR 0029): involved care professionals record and
        // request; only the named decision-maker of the client's coalition decides and reads the register
        ("GET /zorg/clienten/:client/huisbezoek", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/huisbezoek", Rule(.clientCare)),
        ("GET /zorg/clienten/:client/extra-zorg", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/extra-zorg", Rule(.clientCare)),
        ("GET /zorg/extra-zorg", Rule(.zeistExtraCare)),
        ("GET /zorg/extra-zorg/:request", Rule(.extraCareReader)),
        ("POST /zorg/extra-zorg/:request/besluit", Rule(.zeistExtraCare)),  // an empty form: 422, nothing decided
        ("POST /zorg/extra-zorg/:request/afgerekend", Rule(.zeistExtraCare)),  // still open: 422, nothing settled
        ("GET /coalities/:slug/extra-zorg", Rule(.zeistExtraCare)),
        ("POST /coalities/:slug/extra-zorg/beslissers", Rule(.zeistExtraCare)),  // an empty choice: 422, the decision-makers stay
        ("GET /zorg/noodtoegang", Rule(.roles([.professional]))),
        ("POST /zorg/noodtoegang", Rule(.roles([.professional]))),
        ("GET /zorg/noodtoegang/overzicht", Rule(.roles([.professional, .coordinator, .admin]))),
        ("POST /zorg/noodtoegang/:grant/beoordelen", Rule(.zeistEditor, order: .destructive)),
        ("GET /zorg/beheer", Rule(.roles([.admin]))),
        ("POST /zorg/beheer/export", Rule(.roles([.admin]))),
        ("POST /zorg/beheer/wissen", Rule(.roles([.admin]))),

        // care: screening
        ("GET /zorg/clienten/:client/signaleren", Rule(.clientCare)),
        ("GET /zorg/clienten/:client/signaleren/nieuw", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/signaleren/nieuw", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/signaleren/link", Rule(.clientCare)),
        ("GET /zorg/clienten/:client/signaleren/:screening", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/signaleren/:screening", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/signaleren/:screening/nieuwe-link", Rule(.clientCare)),
        ("GET /zorg/clienten/:client/signaleren/:screening/route", Rule(.clientCare)),
        ("GET /vragenlijst/:token", Rule(.everyone)),  // the parent's link: its token is the key
        ("POST /vragenlijst/:token", Rule(.everyone)),
        ("GET /vragenlijst/klaar", Rule(.everyone)),
        ("GET /zorg/signaleren/instrument", Rule(.signedIn)),
        ("GET /zorg/signaleren/instrument/:version", Rule(.signedIn)),
        ("GET /zorg/signaleren/instrument/:version/json", Rule(.signedIn)),
        ("GET /zorg/signaleren/instrument/nieuw", Rule(.roles([.admin]))),
        ("POST /zorg/signaleren/instrument/nieuw", Rule(.roles([.admin]))),
        ("GET /zorg/signaleren/instrument/import", Rule(.roles([.admin]))),
        ("POST /zorg/signaleren/instrument/import", Rule(.roles([.admin]))),

        // care: MDO
        ("GET /zorg/mdo", Rule(.signedIn)),
        ("GET /zorg/mdo/nieuw", Rule(.roles([.professional, .coordinator, .admin]))),
        ("POST /zorg/mdo/nieuw", Rule(.roles([.professional, .coordinator, .admin]))),
        ("GET /zorg/mdo/:meeting", Rule(.mdoParticipant)),
        ("GET /zorg/mdo/:meeting/verslag", Rule(.mdoParticipant)),
        ("GET /zorg/mdo/:meeting/verslag.md", Rule(.mdoParticipant)),
        ("POST /zorg/mdo/:meeting/casussen", Rule(.mdoParticipant)),
        ("POST /zorg/mdo/:meeting/casussen/:case", Rule(.mdoParticipant)),
        ("POST /zorg/mdo/:meeting/actiepunten", Rule(.mdoParticipant)),
        ("POST /zorg/mdo/:meeting/actiepunten/:point/afgerond", Rule(.mdoParticipant)),

        // care: volunteers
        ("GET /zorg/vrijwilligers", Rule(.signedIn)),
        ("POST /zorg/vrijwilligers", Rule(.volunteerOrganisation)),
        ("GET /zorg/clienten/:client/vrijwilliger/nieuw", Rule(.clientCare)),
        ("POST /zorg/clienten/:client/vrijwilliger/nieuw", Rule(.clientCare)),
        ("GET /zorg/vrijwilligers/verzoeken/:request", Rule(.volunteerSide)),
        ("POST /zorg/vrijwilligers/verzoeken/:request/koppelen", Rule(.volunteerOrganisation)),
        ("POST /zorg/vrijwilligers/verzoeken/:request/checkin", Rule(.volunteerOrganisation)),
        ("POST /zorg/vrijwilligers/verzoeken/:request/beeindigen", Rule(.volunteerSide)),

        // monitoring
        ("GET /monitor", Rule(.everyone)),
        ("GET /monitor/kies", Rule(.everyone, query: "?gebied=GM0355")),
        ("GET /monitor/gemeente/:code", Rule(.everyone)),
        ("GET /monitor/gemeente/:code/proces.csv", Rule(.everyone)),
        ("GET /monitor/ggd-regio/:code", Rule(.everyone)),
        ("GET /monitor/ggd-regio/:code/proces.csv", Rule(.everyone)),
        ("GET /monitor/coalitie/:slug", Rule(.everyone)),
        ("GET /monitor/coalitie/:slug/proces.csv", Rule(.everyone)),
        ("GET /monitor/kaart", Rule(.everyone)),
        ("GET /monitor/kaart.csv", Rule(.everyone)),  // the first indicator with figures
        ("GET /monitor/definities", Rule(.signedIn)),
        ("GET /monitor/definities/nieuw", Rule(.roles(coordinators))),  // a coordinator with a coalition: both have one
        ("POST /monitor/definities/nieuw", Rule(.roles(coordinators))),
        ("GET /monitor/definities/:code/bewerken", Rule(.zeistEditor)),
        ("POST /monitor/definities/:code/bewerken", Rule(.zeistEditor)),
        ("GET /monitor/import", Rule(.roles([.coordinator, .policy, .admin]))),
        ("POST /monitor/import", Rule(.roles([.coordinator, .policy, .admin]))),
        ("GET /monitor/import/:job", Rule(.importJobOwner)),
        ("POST /monitor/import/:job/kolommen", Rule(.importJobOwner)),
        ("GET /monitor/rapportage", Rule(.signedIn)),
        ("GET /monitor/rapportage/:scope/:year", Rule(.zeistReader)),
        ("GET /monitor/rapportage/:scope/:year/rapportage.md", Rule(.zeistReader)),
        ("GET /monitor/rapportage/:scope/:year/teksten", Rule(.zeistReportWriter)),
        ("POST /monitor/rapportage/:scope/:year/teksten/:section", Rule(.zeistReportWriter)),
        ("GET /api/indicators", Rule(.everyone)),
        ("GET /api/indicators/:code/values", Rule(.everyone, query: "?area=GM0355&period={indicatorYear}")),
    ]

    /// The real record behind each path parameter (IDOR: ids of Zeist and of the matrix's client),
    /// keyed by the route's path up to that parameter; the values are names in `MatrixFixture.values`.
    static let parameters: [String: String] = [
        "/aanbod/:id": "service",
        "/aanbod/te-controleren/:flag": "reviewFlag",
        "/ouders/aanbod/:id": "service",
        "/zorgpaden/:id": "pathway",
        "/zorgpaden/:id/stappen/:step": "pathwayStep",
        "/beheer/mensen/:user": "person",
        "/beheer/organisaties/:id": "organisation",
        "/beheer/organisaties/:id/locaties/:location": "location",
        "/beheer/email/:id": "mail",
        "/api/hsds/services/:id": "service",
        "/api/hsds/organizations/:id": "organisation",
        "/api/hsds/service_at_locations/:id": "serviceAtLocation",
        "/api/hsds/taxonomies/:id": "taxonomy",
        "/api/hsds/taxonomy_terms/:id": "taxonomyTerm",
        "/coalities/:slug": "coalition",
        "/coalities/:slug/fasen/:id": "stage",
        "/coalities/:slug/partners/:id": "partner",
        "/coalities/:slug/ambities/:id": "ambition",
        "/coalities/:slug/ambities/:id/doelen/:goal": "goal",
        "/coalities/:slug/activiteiten/:activity": "activity",
        "/coalities/:slug/overleggen/:id": "coalitionMeeting",
        "/coalities/:slug/overleggen/:id/actiepunten/:point": "coalitionPoint",
        "/coalities/:slug/afspraken/:id": "agreement",
        "/coalities/:slug/verhalen/:id": "story",
        "/coalities/:slug/leden/:id": "membership",
        "/landelijk/gemeenten/:code": "municipality",
        "/praktijkvoorbeelden/:slug": "example",
        "/zorg/clienten/:client": "client",
        "/zorg/clienten/:client/toestemming/:consent": "consent",
        "/zorg/clienten/:client/signaleren/:screening": "screening",
        "/api/zorg/clienten/:client": "client",
        "/zorg/verwijzingen/:referral": "referral",
        "/zorg/termijnbewaking/:slug": "coalition",
        "/zorg/termijnbewaking/:slug/stappen/:step": "escalationStep",
        "/zorg/extra-zorg/:request": "extraCareRequest",
        "/zorg/noodtoegang/:grant": "grant",
        "/vragenlijst/:token": "parentToken",
        "/uitnodiging/:token": "invitationToken",
        "/wachtwoord-herstellen/:token": "resetToken",
        "/zorg/signaleren/instrument/:version": "instrumentVersion",
        "/zorg/mdo/:meeting": "mdoMeeting",
        "/zorg/mdo/:meeting/casussen/:case": "mdoCase",
        "/zorg/mdo/:meeting/actiepunten/:point": "mdoPoint",
        "/zorg/vrijwilligers/verzoeken/:request": "volunteerRequest",
        "/monitor/gemeente/:code": "municipality",
        "/monitor/ggd-regio/:code": "ggdRegion",
        "/monitor/coalitie/:slug": "coalition",
        "/monitor/definities/:code": "localIndicator",
        "/monitor/import/:job": "importJob",
        "/monitor/rapportage/:scope": "coalition",
        "/monitor/rapportage/:scope/:year": "reportYear",
        "/monitor/rapportage/:scope/:year/teksten/:section": "reportSection",
        "/api/indicators/:code": "indicator",
    ]

    /// For each parameter nested under another, a record of the same kind under another parent
    /// (another coalition, ambition, zorgpad, client or meeting): with it, the route is a 404 even for
    /// a visitor who may use it with the right record.
    static let foreignChildren: [String: String] = [
        "/zorgpaden/:id/stappen/:step": "otherPathwayStep",
        "/beheer/organisaties/:id/locaties/:location": "otherLocation",
        "/coalities/:slug/fasen/:id": "otherStage",
        "/coalities/:slug/partners/:id": "otherPartner",
        "/coalities/:slug/ambities/:id": "otherAmbition",
        "/coalities/:slug/ambities/:id/doelen/:goal": "otherGoal",
        "/coalities/:slug/activiteiten/:activity": "otherActivity",
        "/coalities/:slug/overleggen/:id": "otherMeeting",
        "/coalities/:slug/overleggen/:id/actiepunten/:point": "otherPoint",
        "/coalities/:slug/afspraken/:id": "otherAgreement",
        "/coalities/:slug/verhalen/:id": "otherStory",
        "/coalities/:slug/leden/:id": "otherMembership",
        "/zorg/clienten/:client/toestemming/:consent": "otherConsent",
        "/zorg/clienten/:client/signaleren/:screening": "otherScreening",
        "/zorg/termijnbewaking/:slug/stappen/:step": "otherEscalationStep",
        "/zorg/mdo/:meeting/casussen/:case": "otherCase",
        "/zorg/mdo/:meeting/actiepunten/:point": "otherMDOPoint",
    ]

    /// Nested parameters that name no record: a report's year and section.
    static let notRecords: Set<String> = ["/monitor/rapportage/:scope/:year", "/monitor/rapportage/:scope/:year/teksten/:section"]

    /// The path prefixes of a route's parameters ("/zorg/clienten/:client" for ":client").
    static func parameterPrefixes(_ route: String) -> [String] {
        let parts = route.split(separator: " ", maxSplits: 1).last.map { $0.split(separator: "/").map(String.init) } ?? []
        return parts.indices.filter { parts[$0].hasPrefix(":") }.map { "/" + parts[...$0].joined(separator: "/") }
    }
}
