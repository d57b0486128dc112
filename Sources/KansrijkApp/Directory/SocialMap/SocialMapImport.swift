import Fluent
import Vapor
import Foundation

/// The import of a checked social map: planned by `HSDSImportPlanner` like any HSDS file, written
/// by `HSDSImporter.apply` in one transaction (all rows or none), organisations without a known
/// municipality flagged for review ("Te controleren", ADR 0034).
struct SocialMapImport: Sendable {
    struct Counts: Sendable, Equatable {
        var created = 0, updated = 0, unchanged = 0
        init<V>(_ changes: [HSDSImportPlan.Change<V>]) {
            for c in changes {
                switch c.kind {
                case .created: created += 1
                case .updated: updated += 1
                case .unchanged: unchanged += 1
                }
            }
        }
    }

    /// An organisation that goes in as "gemeente onbekend".
    struct Unplaced: Sendable, Equatable { var id: UUID; var name: String; var line: Int }

    var plan: HSDSImportPlan
    var organisations: Counts
    var locations: Counts
    var services: Counts
    var unplaced: [Unplaced]

    var rejections: [String] { plan.rejections }
    var changesNothing: Bool { organisations.created + organisations.updated + locations.created + locations.updated + services.created + services.updated == 0 }

    /// Plans the rows against what the database holds now; writes nothing.
    static func prepare(_ entries: [SocialMapEntry], coalitionID: UUID, coalitionMunicipalities: [String],
                        mapped: Set<SocialMapField>, context: HSDSImportContext) -> SocialMapImport {
        let output = SocialMapBundle(coalitionID: coalitionID, coalitionMunicipalities: coalitionMunicipalities, context: context, mapped: mapped)
            .make(entries)
        let plan = HSDSImportPlanner.plan(output.bundle, context: context).plan
        let unplaced = plan.organisations.map(\.value).filter { !DirectoryReview.isPlaced(municipalityCode: $0.municipalityCode) }
            .map { Unplaced(id: $0.id, name: $0.name, line: output.firstLine[$0.id] ?? 0) }
        return SocialMapImport(plan: plan, organisations: Counts(plan.organisations), locations: Counts(plan.locations),
                               services: Counts(plan.services), unplaced: unplaced)
    }

    /// Writes the plan and the review flags. Call inside `writeTransaction`, and only without rejections.
    func apply(source: String, on db: any Database) async throws {
        try await HSDSImporter.apply(plan, on: db)
        for o in unplaced {
            try await DirectoryReview.flag(.organisation, id: o.id, gaps: [Self.unknownMunicipalityGap],
                                           source: "\(source), regel \(o.line)", on: db)
        }
    }

    static let unknownMunicipalityGap = "Geen gemeente: de sociale kaart noemt voor deze organisatie geen gemeente en geen plaats die een gemeente is. Tot iemand de gemeente invult, staat haar aanbod in geen enkele gemeente: zoeken op naam vindt het wel."

    /// The context of an import: what the database holds now.
    static func context(_ app: Application, on db: any Database) async throws -> HSDSImportContext {
        try await HSDSImportContext.load(snapshot: app.directory.snapshot, on: db)
    }
}
