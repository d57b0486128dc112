import Foundation
@testable import KansrijkApp

/// Small hand-made area dimensions and files for the monitoring tests.
enum MonitoringFixtures {
    /// Two GGD regions in one province: GG0001 = {GM0001, GM0002, GM0003}, GG0002 = {GM0004};
    /// GM0009 merged into GM0001 in 2019, and GM0005 + GM0006 formed the new GM0007 in 2022 (GG0002).
    static let areas = AreaDimension(
        places: [
            .init(code: "GM0001", name: "Eenstad", ggdCode: "GG0001", provinceCode: "PV20"),
            .init(code: "GM0002", name: "Tweedorp", ggdCode: "GG0001", provinceCode: "PV20"),
            .init(code: "GM0003", name: "Driehoek", ggdCode: "GG0001", provinceCode: "PV20"),
            .init(code: "GM0004", name: "Vierhuizen", ggdCode: "GG0002", provinceCode: "PV20"),
            .init(code: "GM0007", name: "Zevenaar-Nieuw", ggdCode: "GG0002", provinceCode: "PV20"),
        ],
        regionNames: ["GG0001": "Regio Een", "GG0002": "Regio Twee"],
        provinceNames: ["PV20": "Groningen"],
        merges: [
            .init(year: 2019, former: "GM0009", formerName: "Negenbuur", current: "GM0001", currentIsNew: false),
            .init(year: 2022, former: "GM0005", formerName: "Vijfhoek", current: "GM0007", currentIsNew: true),
            .init(year: 2022, former: "GM0006", formerName: "Zesdorp", current: "GM0007", currentIsNew: true),
        ])

    /// Writes `text` to a fresh temporary file and returns its path.
    static func file(_ text: String, bom: Bool = false, crlf: Bool = false, name: String = "data.csv") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-monitoring-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var body = crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
        if bom { body = "\u{FEFF}" + body }
        let path = dir.appendingPathComponent(name).path
        try Data(body.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let birthsHeader = "jaar;gemeente;amww;amdd;hoftiezer;pariteit;levend;amddd1ond;kwetsbaar;inkomen_kwintiel;opleiding"
}
