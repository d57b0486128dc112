import Fluent
import SQLKit

/// Indexes for the lookups every care request makes (access by client and organisation, worklists,
/// the access report). Fluent's schema builder has no plain indexes, so SQLKit's index builder is
/// used; it speaks SQLite and PostgreSQL alike.
struct CreateCareIndexes: IndexMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("care_involvements_client", ClientInvolvement.schema, ["client_id"]),
        ("care_involvements_organisation", ClientInvolvement.schema, ["organisation_id"]),
        ("care_consents_client", Consent.schema, ["client_id"]),
        ("care_consent_organisations_organisation", ConsentOrganisation.schema, ["organisation_id"]),
        ("care_referrals_client", Referral.schema, ["client_id"]),
        ("care_referrals_receiving", Referral.schema, ["receiving_organisation_id", "requested_at"]),
        ("care_referrals_referring", Referral.schema, ["referring_organisation_id", "requested_at"]),
        ("care_referral_events_referral", ReferralEvent.schema, ["referral_id"]),
        ("care_break_glass_user_client", BreakGlassAccess.schema, ["user_id", "client_id"]),
        ("care_notifications_user", CareNotification.schema, ["user_id"]),
        ("audit_events_client", AuditEvent.schema, ["client_id"]),
    ]
}
