import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Demo ids and small builders the workspace tests share.
enum Zeist {
    static let base = "/coalities/zeist"
    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }
    static let partner = id(DemoCoalitions.partnerID("zeist", "vp-zeist"))
    static let ambition = id(DemoCoalitions.ambitionID("zeist", 2))
    static let goal = id(DemoCoalitions.goalID("zeist", 2))
    static let activity = id(DemoCoalitions.activityID("zeist", 2, 1))
    static let nextCore = id(DemoCoalitions.meetingID("zeist", "kern-2"))
    static let firstCore = id(DemoCoalitions.meetingID("zeist", "kern-1"))
    static let themeMeeting = id(DemoCoalitions.meetingID("zeist", "thema-psyche"))
    static let openPoint = id(DemoCoalitions.pointID("zeist", 1))
    static let agreement = id(DemoCoalitions.agreementID("zeist"))
    static let stage = id(DemoCoalitions.stageID("zeist", .monitoring))
    static let story = id(DemoCoalitions.storyID("zeist", 1))
    static let coordinator = StableID.make("demo:user:coordinator@zeist.demo")
    static let policyMembership = id(DemoData.membershipID("policy@zeist.demo", "zeist"))
}

extension Browser {
    /// Posts a multipart form (the agreement upload) with the session's CSRF token; in memory, or
    /// `over` a running server so the body arrives streamed, as from a browser.
    func postMultipart(_ path: String, fields: [(String, String)], file: (filename: String, type: String, bytes: [UInt8])?,
                       over tester: (any TestingApplicationTester)? = nil) async throws -> TestingHTTPResponse {
        let boundary = "kansrijk-test-\(UUID().uuidString)"
        var body = Data()
        func add(_ s: String) { body.append(Data(s.utf8)) }
        for (name, value) in [("csrf", csrf ?? "")] + fields {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"document\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n")
            body.append(Data(file.bytes))
            add("\r\n")
        }
        add("--\(boundary)--\r\n")
        var result: TestingHTTPResponse?
        let cookie = self.cookie
        try await (tester ?? app.testing()).test(.POST, path, beforeRequest: { req in
            if let cookie { req.headers.add(name: .cookie, value: cookie) }
            req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            req.body = ByteBuffer(data: body)
        }, afterResponse: { res in result = res })
        return result!
    }
}

/// Minimal files of each kind, built here so the tests need no fixtures on disk.
enum SampleFiles {
    static let pdf = Array(DemoPDF.make(lines: ["Convenant Kansrijke Start"]))
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 24)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 16)
    /// A Windows program renamed to .pdf.
    static let exe: [UInt8] = Array("MZ".utf8) + Array(repeating: 0x90, count: 64)

    /// A ZIP archive of stored (uncompressed) entries, in order, with a central directory.
    static func zip(_ entries: [(String, String)]) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v & 0xFFFF) + u16(v >> 16 & 0xFFFF) }
        var out: [UInt8] = [], central: [UInt8] = []
        for (name, content) in entries {
            let n = Array(name.utf8), c = Array(content.utf8), offset = out.count
            out += u32(0x0403_4B50) + u16(10) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(c.count) + u32(c.count) + u16(n.count) + u16(0) + n + c
            central += u32(0x0201_4B50) + u16(20) + u16(10) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(c.count) + u32(c.count)
                + u16(n.count) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(offset) + n
        }
        let start = out.count
        out += central
        out += u32(0x0605_4B50) + u16(0) + u16(0) + u16(entries.count) + u16(entries.count) + u32(central.count) + u32(start) + u16(0)
        return out
    }

    static let odt = zip([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>")])
    static let docx = zip([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")])
    static let xlsx = zip([("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")])
}
