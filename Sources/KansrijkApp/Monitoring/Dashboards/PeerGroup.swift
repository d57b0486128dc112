import Foundation

/// What a dashboard compares with besides the Netherlands: the GGD region, the province,
/// municipalities of similar size, or municipalities the reader picks (a coalition's own choice).
/// Chosen in a GET form, so a link keeps the choice.
enum PeerGroup: Equatable, Sendable {
    case region(String)
    case province(String)
    case size(SizeClass)
    case chosen([String])

    /// Municipalities by children born per year; the RIVM pools small ones, we compare like with like.
    enum SizeClass: Int, CaseIterable, Sendable {
        case tiny, small, medium, large, city

        static let bounds = [0, 250, 500, 1000, 2500]

        init(births: Int) { self = SizeClass.allCases.last { Self.bounds[$0.rawValue] <= births } ?? .tiny }

        var range: (Int, Int?) { (Self.bounds[rawValue], rawValue + 1 < Self.bounds.count ? Self.bounds[rawValue + 1] : nil) }
    }

    /// The form's value: `ggd`, `provincie`, `grootte` or `eigen`.
    var formValue: String {
        switch self {
        case .region: "ggd"
        case .province: "provincie"
        case .size: "grootte"
        case .chosen: "eigen"
        }
    }

    static let formValues = ["ggd", "provincie", "grootte", "eigen"]

    /// The municipalities of the group, leaving out the dashboard's own.
    func members(areas: AreaDimension, births: [String: Int], excluding own: Set<String>) -> [String] {
        switch self {
        case .region(let code), .province(let code): (areas.members(of: code) ?? []).filter { !own.contains($0) }
        case .size(let sizeClass): areas.places.map(\.code).filter { !own.contains($0) && births[$0].map(SizeClass.init) == sizeClass }
        case .chosen(let codes): codes.filter { !own.contains($0) }
        }
    }

    /// A region or province is published by the engine as it is; the others are summed here.
    var publishedArea: String? {
        switch self {
        case .region(let code), .province(let code): code
        case .size, .chosen: nil
        }
    }
}
