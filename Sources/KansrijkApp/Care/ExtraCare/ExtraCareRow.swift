import Vapor

/// One request as the decision-maker's list and the register show it.
struct ExtraCareRow: Encodable {
    var href: String
    var clientCode: String
    var requestedAt: String
    var requester: String
    var organisation: String
    var care: String
    var provider: String
    var asked: String
    var status: String
    var statusKey: String
    /// The status colour shared with referrals (kansrijk.css `status-*`): open, approved, rejected.
    var statusClass: String
    /// "3 uur geleden" while open; the time to the decision once decided.
    var waiting: String
    var late: Bool
    var decidedBy: String?
    var granted: String?
    var financer: String?
    var settled: String?

    init(_ r: ExtraCareRequest, organisation: String, req: Request, now: Date) {
        href = ExtraCarePaths.request(r.id!)
        clientCode = r.clientCode
        requestedAt = req.dateTime(r.requestedAt)
        requester = r.requestedByName
        self.organisation = organisation
        care = r.care
        provider = r.provider
        asked = ExtraCareWords.amount(r.amount, r.unit, req)
        status = req.t("extracare.status.\(r.status.rawValue)")
        statusKey = r.status.rawValue
        statusClass = ExtraCareWords.statusClass(r.status)
        let hours = r.hoursWaiting(now: now)
        waiting = r.status == .open ? ExtraCareWords.since(hours, req) : ExtraCareWords.duration(hours, req)
        late = r.isLate(now: now)
        decidedBy = r.decidedByName.map { name in r.decidedAt.map { "\(name), \(req.dateTime($0))" } ?? name }
        granted = r.grantedAmount.map { ExtraCareWords.amount($0, r.unit, req) }
        financer = r.financer.map { ExtraCareWords.financer($0, other: r.financerOther, req) }
        settled = r.settledCents.map { cents in
            ExtraCareSettleForm.euros(cents, req.language) + (r.settledOn.map { ", " + req.date($0) } ?? "")
        }
    }
}

/// Words for amounts, waits and financers, in the reader's language.
enum ExtraCareWords {
    static func amount(_ n: Int, _ unit: ExtraCareUnit, _ req: Request) -> String {
        req.plural(n, "extracare.amount.\(unit.rawValue)")
    }

    /// "2 uur geleden", "minder dan een uur geleden".
    static func since(_ hours: Double, _ req: Request) -> String {
        hours < 1 ? req.t("extracare.since.lessthanhour") : req.t("extracare.since.hours").replacingOccurrences(of: "{hours}", with: String(Int(hours)))
    }

    /// "na 5 uur".
    static func duration(_ hours: Double, _ req: Request) -> String {
        hours < 1 ? req.t("extracare.after.lessthanhour") : req.t("extracare.after.hours").replacingOccurrences(of: "{hours}", with: String(Int(hours)))
    }

    static func statusClass(_ s: ExtraCareStatus) -> String {
        switch s {
        case .open: "status-requested"
        case .approved: "status-accepted"
        case .rejected: "status-rejected"
        }
    }

    static func financer(_ f: ExtraCareFinancer, other: String?, _ req: Request) -> String {
        f == .anders ? (other.map { "\(req.t("extracare.financer.anders")): \($0)" } ?? req.t("extracare.financer.anders"))
            : req.t("extracare.financer.\(f.rawValue)")
    }
}
