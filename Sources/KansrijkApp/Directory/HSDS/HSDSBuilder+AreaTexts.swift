import Foundation

extension HSDSBuilder {
    /// Issue #16 (ADR 0034): the service areas an import kept as text (not a Dutch municipality) go back
    /// out at the index they had in the file, between the municipalities we write ourselves.
    func withAreaTexts(_ areas: [HSDSServiceArea], of s: ServiceRecord) -> [HSDSServiceArea] {
        guard !s.areaTexts.isEmpty else { return areas }
        var out = areas
        for t in s.areaTexts.sorted(by: { $0.position < $1.position }) {
            let area = HSDSServiceArea(id: t.areaID, name: t.name, description: t.description, extent: t.extent,
                                       extentType: t.extentType, uri: t.uri)
            out.insert(area, at: min(max(t.position, 0), out.count))
        }
        return out
    }
}
