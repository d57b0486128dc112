import Vapor

/// Every path of the public monitor, used both to register routes and to build links.
enum MonitoringURL {
    static let landing = "/monitor"
    static let choose = "/monitor/kies"
    static let map = "/monitor/kaart"
    static let mapCSV = "/monitor/kaart.csv"

    static func municipality(_ code: String) -> String { "/monitor/gemeente/\(code)" }
    static func region(_ code: String) -> String { "/monitor/ggd-regio/\(code)" }
    static func coalition(_ slug: String) -> String { "/monitor/coalitie/\(slug)" }
    /// The dashboard of any area code the engine publishes (GM, GG).
    static func area(_ code: String) -> String { code.hasPrefix("GG") ? region(code) : municipality(code) }
    static func csv(_ dashboard: String) -> String { dashboard + ".csv" }
    /// The dashboard of a municipality, region or coalition.
    static func dashboard(_ subject: DashboardSubject) -> String {
        subject.kind == .coalition ? coalition(subject.code) : area(subject.code)
    }
    /// The download of a dashboard's process section ("Wat we zelf doen").
    static func processCSV(_ dashboard: String) -> String { dashboard + "/proces.csv" }

    /// The JSON API's figure for an area and year (`pool=5` for the five-year figure).
    static func api(_ indicator: String, area: String, year: Int, pooled: Bool) -> String {
        "/api/indicators/\(indicator)/values?area=\(area)&period=\(year)" + (pooled ? "&pool=5" : "")
    }

    static func components(_ path: String) -> [PathComponent] {
        path.split(separator: "/").map { $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .constant(String($0)) }
    }
}
