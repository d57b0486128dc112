import Fluent
import FluentSQL
import Foundation

/// The access rule of `CareAccess` written in SQL, so that lists, counts and checks ask the database
/// once instead of loading every involvement and consent of the organisation into memory. Both
/// supported databases (SQLite, PostgreSQL) are SQL databases; the rule is the one of `basis(for:)`.
extension CareAccess {
    /// A Fluent filter: the row's `column` (a client id) is one this user may see at `now`.
    /// Correlated `EXISTS` lookups, not `IN (subquery)`: a list sorted by date and cut at a page asks
    /// the `care_involvements_access` and `care_break_glass_user_client` indexes once per
    /// row it considers, instead of first collecting every client the organisation was ever involved
    /// with (on SQLite that set was built again for every request: 37 ms of a 50-row worklist).
    func visibleFilter(_ column: String, of table: String, now: Date) -> DatabaseQuery.Filter {
        .sql(visibleCondition(SQLColumn(column, table: table), now: now))
    }

    /// The rule for one client column of the outer query: a current involvement of the organisation
    /// that rests on no consent, or on a consent that has started, has not ended and was not
    /// withdrawn (its dates read from `care_consents_validity`); or an unexpired break-the-glass grant of the user. Plain
    /// SQL text (lower-case names need no quoting in SQLite or PostgreSQL): serialising SQLKit
    /// identifiers one by one was a tenth of a care page's CPU.
    func visibleCondition(_ client: SQLColumn, now: Date) -> SQLQueryString {
        // consent days are compared on the Dutch calendar, like `Consent.isValid`
        let day = CalendarDay.dutchWallClock(now)
        return """
        (EXISTS (SELECT 1 FROM care_involvements ai LEFT JOIN care_consents ak \(SQLiteIndexHint(CreateListingCoveringIndexes.consents)) ON ak.id = ai.consent_id \
        WHERE ai.client_id = \(client) AND ai.organisation_id = \(bind: organisationID) \
        AND ai.since <= \(bind: now) AND (ai.until IS NULL OR ai.until > \(bind: now)) \
        AND (ai.consent_id IS NULL OR (ak.valid_from <= \(bind: day) AND (ak.valid_until IS NULL OR ak.valid_until > \(bind: day)) \
        AND (ak.withdrawn_at IS NULL OR ak.withdrawn_at > \(bind: now))))) \
        OR EXISTS (SELECT 1 FROM care_break_glass ag WHERE ag.user_id = \(bind: userID) AND ag.client_id = \(client) \
        AND ag.expires_at > \(bind: now) AND ag.granted_at <= \(bind: now)))
        """
    }

    /// The clients this user may see at `now`, by code, at most `limit` (one query).
    func visibleClients(on db: any Database, now: Date, openOnly: Bool = false, limit: Int? = nil) async throws -> [CareClient] {
        var query = CareClient.query(on: db).filter(visibleFilter("id", of: CareClient.schema, now: now))
        if openOnly { query = query.filter(\.$closedAt == nil) }
        if let limit { query = query.limit(limit) }
        return try await query.sort(\.$code).all()
    }

    /// Which of `candidates` this user may see at `now` (one query, bounded by the candidates).
    func visibleClientIDs(among candidates: some Collection<UUID>, on db: any Database, now: Date) async throws -> Set<UUID> {
        guard !candidates.isEmpty else { return [] }
        let ids = Array(Set(candidates))
        let rows = try await CareClient.query(on: db).filter(\.$id ~~ ids)
            .filter(visibleFilter("id", of: CareClient.schema, now: now)).field(\.$id).all()
        return Set(rows.compactMap(\.id))
    }
}
