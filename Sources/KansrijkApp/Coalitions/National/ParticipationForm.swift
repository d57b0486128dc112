import Vapor

/// The participation form as posted: checkboxes are present when ticked.
struct ParticipationForm: Content, Sendable {
    var tranche: String?
    var gids: String?
    var plan: String?
    var prenatal: String?
    var nnz: String?
    var inhabitants: String?
    var source: String?

    enum CodingKeys: String, CodingKey {
        case tranche, gids, nnz
        case plan = "gezamenlijk_plan", prenatal = "prenataal_huisbezoek", inhabitants = "inwoners", source = "bron"
    }

    init() {}

    init(_ r: MunicipalityParticipation) {
        tranche = r.tranche.rawValue
        gids = r.isGIDS ? "ja" : nil
        plan = r.hasJointPlan ? "ja" : nil
        prenatal = r.hasPrenatalVisit ? "ja" : nil
        nnz = r.hasNNZ ? "ja" : nil
        inhabitants = ImpulseFunding.grouped(r.inhabitants)
        source = r.isDemo ? "" : r.sourceNote
    }

    var sourceNote: String? {
        guard let s = source?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
        return String(s.prefix(200))
    }

    /// The facts to store. A coordinator's form only carries the coalition's facts; the rest is kept.
    func validate(scope: NationalAccess.Scope, current: ParticipationFacts?, english: Bool) -> Result<ParticipationFacts, FieldErrors> {
        let m = FieldMessages(english: english)
        var errors = FieldErrors()
        var facts = current ?? ParticipationFacts(tranche: .noParticipation, isGIDS: false, hasJointPlan: false, hasPrenatalVisit: false, hasNNZ: false, inhabitants: 0)
        facts.hasJointPlan = plan != nil
        facts.hasPrenatalVisit = prenatal != nil
        facts.hasNNZ = nnz != nil
        if scope == .everything {
            if let t = Tranche(rawValue: tranche ?? "") { facts.tranche = t } else { errors["tranche"] = m.choice }
            facts.isGIDS = gids != nil
            if let n = ParticipationImport.wholeNumber((inhabitants ?? "").trimmingCharacters(in: .whitespaces)) {
                facts.inhabitants = n
            } else {
                errors["inwoners"] = english ? "Enter a whole number of inhabitants from 1 to 2,000,000, e.g. 66000 or 66.000."
                    : "Vul een heel aantal inwoners in van 1 tot 2.000.000, bijvoorbeeld 66000 of 66.000."
            }
            if (source ?? "").count > 200 { errors["bron"] = m.tooLong(200) }
        }
        return errors.isEmpty ? .success(facts) : .failure(errors)
    }
}
