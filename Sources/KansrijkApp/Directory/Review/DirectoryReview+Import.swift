import Fluent
import Foundation

extension DirectoryReview {
    /// The part of an import that concerns review (ADR 0034), inside the import's transaction: the kept
    /// text areas of every written service, a flag for each record the plan could not place, and no flag
    /// left on a record of the file that is placed now.
    static func applyImport(_ plan: HSDSImportPlan, on db: any Database) async throws {
        for change in plan.services where change.kind != .unchanged {
            guard let id = change.value.id else { continue }
            try await ServiceAreaText.replace(serviceID: id, with: plan.areaTexts[id] ?? [], on: db)
        }
        let flagged = Set(plan.flags.map { FlagKey(subject: $0.subject, id: $0.id) })
        for flag in plan.flags {
            try await DirectoryReview.flag(flag.subject, id: flag.id, gaps: flag.gaps, source: plan.source, on: db)
        }
        let placed = plan.organisations.map { FlagKey(subject: .organisation, id: $0.value.id) }
            + plan.services.compactMap { $0.value.id.map { FlagKey(subject: .service, id: $0) } }
        let cleared = placed.filter { !flagged.contains($0) }
        for subject in Subject.allCases {
            let ids = cleared.filter { $0.subject == subject }.map(\.id)
            // in slices: a national file has more ids than SQLite binds in one statement
            for start in stride(from: 0, to: ids.count, by: 500) {
                let slice = Array(ids[start..<min(start + 500, ids.count)])
                try await DirectoryReviewFlag.query(on: db).filter(\.$subjectKind == subject.rawValue).filter(\.$subjectID ~~ slice).delete()
            }
        }
    }

    private struct FlagKey: Hashable {
        var subject: Subject
        var id: UUID
    }
}
