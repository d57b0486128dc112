/// Indexes for the access rule in SQL (`CareAccess+Query`): the number of new referrals on the care
/// home (receiving organisation and status), and the check of one client for one organisation
/// (`CareAccess.basis` and the per-row `EXISTS` of `visibleFilter`, with `care_break_glass_user_client`;
/// since `CreateCareCoveringIndexes`, `care_involvements_access` serves it).
/// The worklists use `care_referrals_receiving_order` / `_referring_order` (`CreateWorklistOrderIndexes`).
struct CreateCareAccessIndexes: IndexMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("care_referrals_receiving_status", Referral.schema, ["receiving_organisation_id", "status"]),
        ("care_involvements_client_organisation", ClientInvolvement.schema, ["client_id", "organisation_id"]),
    ]
}
