import Foundation

/// Which volunteers fit a request best: active ones only; free before busy, speaking the asked
/// language before not, working in the client's municipality before elsewhere; then by name.
enum VolunteerMatching {
    struct Candidate: Sendable, Equatable {
        var id: UUID; var name: String; var languages: [String]; var municipality: String; var isActive: Bool; var isBusy: Bool
    }

    static func rank(_ candidates: [Candidate], language: String?, municipality: String) -> [Candidate] {
        candidates.filter(\.isActive).sorted { a, b in
            if a.isBusy != b.isBusy { return !a.isBusy }
            if let language {
                let la = a.languages.contains(language), lb = b.languages.contains(language)
                if la != lb { return la }
            }
            let ma = a.municipality == municipality, mb = b.municipality == municipality
            if ma != mb { return ma }
            return a.name < b.name
        }
    }

    /// Organisations that manage volunteers.
    static func isVolunteerOrganisation(_ kind: OrganisationKind) -> Bool { kind == .informeel || kind == .welzijn }
}
