import Fluent
import Vapor

/// The service edit form's "how does this service receive referrals?" (issue #15): automatic
/// (empty), or one `ReferralChannel` with, for another system, where referrals go.
extension ServiceForm {
    struct ReferralRoute { var channel: ReferralChannel?; var whereText: String?; var errors: FieldErrors }

    static let referralWhereLimit = 300

    func validateReferralRoute(english: Bool) -> ReferralRoute {
        let m = FieldMessages(english: english)
        var errors = FieldErrors()
        let raw = FormInput.text(referralRoute)
        let channel = raw.flatMap(ReferralChannel.init(rawValue:))
        if raw != nil, channel == nil { errors["referral_route"] = m.say("Kies hoe de dienst verwijzingen ontvangt uit de lijst.", "Choose how the service receives referrals from the list.") }
        let whereText = FormInput.text(referralWhere)
        if let whereText, whereText.count > Self.referralWhereLimit { errors["referral_where"] = m.tooLong(Self.referralWhereLimit) }
        if channel == .elsewhere, whereText == nil {
            errors["referral_where"] = m.say("Vul in via welk systeem verwijzingen gaan.", "Fill in which system referrals go through.")
        }
        return ReferralRoute(channel: channel, whereText: channel == .elsewhere ? whereText : nil, errors: errors)
    }

    mutating func loadReferralRoute(of serviceID: UUID, on db: any Database) async throws {
        let row = try await ServiceReferralRoute.query(on: db).filter(\.$serviceID == serviceID).first()
        referralRoute = row?.channel
        referralWhere = row?.whereText
    }

    static func referralRouteOptions(selected: String?, _ req: Request) -> [SelectOption] {
        [SelectOption(value: "", label: req.t("service.route.auto"), selected: (selected ?? "").isEmpty)]
            + ReferralChannel.allCases.map { SelectOption(value: $0.rawValue, label: req.t($0.key), selected: $0.rawValue == selected) }
    }
}
