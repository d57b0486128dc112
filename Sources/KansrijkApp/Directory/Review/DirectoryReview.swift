import Fluent
import Foundation

/// What an import could not place on the map of Dutch municipalities, kept and flagged for a person to
/// finish ("Te controleren", issue #16, ADR 0034) instead of refusing the whole file.
enum DirectoryReview {
    /// The reserved municipality code an organisation stores while its Dutch municipality is not known
    /// ("gemeente onbekend"). A row in `municipalities` so the required foreign key holds; every list,
    /// map, form and count of municipalities leaves it out (`Municipality.isListed`).
    static let unknownMunicipality = Municipality.unknownCode

    /// The kinds of record that can be flagged.
    enum Subject: String, Codable, Sendable, CaseIterable {
        case organisation, service, location
    }

    /// An organisation counts for local-first ranking, "own municipality" defaults and coverage only once
    /// it has a real municipality.
    static func isPlaced(_ organisation: Organisation) -> Bool {
        isPlaced(municipalityCode: organisation.municipalityCode)
    }

    static func isPlaced(municipalityCode: String) -> Bool {
        municipalityCode != unknownMunicipality
    }

    /// Records what is missing (Dutch, one line per gap) and where the record came from. One flag per
    /// (subject, id): flagging again replaces the gaps and source, and writes nothing when they are the same.
    static func flag(_ subject: Subject, id: UUID, gaps: [String], source: String, on db: any Database) async throws {
        let text = gaps.joined(separator: "\n")
        if let existing = try await DirectoryReviewFlag.query(on: db)
            .filter(\.$subjectKind == subject.rawValue).filter(\.$subjectID == id).first() {
            guard existing.gaps != text || existing.source != source else { return }
            (existing.gaps, existing.source) = (text, source)
            try await existing.save(on: db)
        } else {
            try await DirectoryReviewFlag(subject: subject, subjectID: id, gaps: text, source: source).create(on: db)
        }
    }

    /// Removes the flag of one record (it has been placed, or the import that flagged it now places it).
    static func clear(_ subject: Subject, id: UUID, on db: any Database) async throws {
        try await DirectoryReviewFlag.query(on: db)
            .filter(\.$subjectKind == subject.rawValue).filter(\.$subjectID == id).delete()
    }
}
