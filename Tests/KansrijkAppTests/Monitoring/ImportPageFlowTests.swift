import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Monitoring: import pages", .serialized)
struct ImportPageFlowTests {
    func counts(_ app: Application, _ element: String) async throws -> Int {
        try await MonitoringCount.query(on: app.db).filter(\.$element == element).count()
    }

    @Test("a good Dutch Excel file: preview, guessed columns, imported as a whole")
    func goodFile() async throws {
        try await withApp { app in
            // setup: a national source (Vektis) for several municipalities, so an admin imports it
            var b = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            try await b.refreshToken(path: "/monitor/import")
            let before = try await counts(app, "moeders_zonder_kraamzorg")
            // act
            let upload = try await b.postUpload("/monitor/import", indicator: "geen_kraamzorg", fileName: "kraamzorg.csv", text: ImportPageFixtures.good)
            let job = try #require(ImportPageFixtures.jobPath(upload))
            let preview = try await b.get(job)
            // check: the first rows and the guessed mapping
            #expect(upload.status == .seeOther)
            #expect(preview.body.string.contains("<td>GM0363</td>"))
            #expect(preview.body.string.contains("puntkomma"))
            #expect(preview.body.string.contains(#"<option value="0" selected>Kolom 1: Gebied</option>"#))
            #expect(preview.body.string.contains(#"<option value="3" selected>Kolom 4: Noemer</option>"#))
            #expect(try await counts(app, "moeders_zonder_kraamzorg") == before, "nothing is stored before the mapping is confirmed")
            // act: confirm the guessed mapping
            let mapped = try await b.post("\(job)/kolommen", form: ["gebied": "0", "periode": "1", "teller": "2", "noemer": "3", "waarde": "4"])
            let done = try await b.settledJobPage(job)
            // check
            #expect(mapped.status == .seeOther)
            #expect(done.body.string.contains("Regels ingelezen: 3"), "\(done.body.string.prefix(3000))")
            let stored = try await MonitoringCount.query(on: app.db).filter(\.$element == "moeders_zonder_kraamzorg").filter(\.$period == "2022").all()
            #expect(Dictionary(uniqueKeysWithValues: stored.map { ($0.areaCode, $0.count) }) == ["GM0355": 31, "GM0363": 200])
            #expect(try await counts(app, "moeders_levend_geboren") >= 3)
        }
    }

    @Test("a file with errors: a Dutch report per line and nothing imported")
    func badFile() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            try await b.refreshToken(path: "/monitor/import")
            let before = try await counts(app, "moeders_zonder_kraamzorg")
            let upload = try await b.postUpload("/monitor/import", indicator: "geen_kraamzorg", fileName: "fout.csv", text: ImportPageFixtures.bad)
            let job = try #require(ImportPageFixtures.jobPath(upload))
            _ = try await b.post("\(job)/kolommen", form: ["gebied": "0", "periode": "1", "teller": "2", "noemer": "3"])
            let report = try await b.settledJobPage(job).body.string
            for expected in ["Regel 3: onbekende gemeentecode GM9999", "Regel 4: teller 900 is groter dan noemer 150",
                             "Regel 5: teller -4 is negatief", "Regel 6: dubbele rij: GM0355 2022 staat ook op regel 2",
                             "Er is niets veranderd"] {
                #expect(report.contains(expected), "missing: \(expected)")
            }
            #expect(try await counts(app, "moeders_zonder_kraamzorg") == before)
            // the mapping form stays, to try again
            #expect(report.contains("\(job)/kolommen"))
        }
    }

    @Test("a wrong separator and a mapping that chooses one column twice are explained")
    func mappingMistakes() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            try await b.refreshToken(path: "/monitor/import")
            let tabs = try await b.postUpload("/monitor/import", indicator: "geen_kraamzorg", fileName: "tabs.csv", text: "gebied\tperiode\tteller\tnoemer\nGM0355\t2022\t31\t410\n")
            let tabsJob = try #require(ImportPageFixtures.jobPath(tabs))
            _ = try await b.post("\(tabsJob)/kolommen", form: ["gebied": "0", "periode": "0", "teller": "0", "noemer": "0"])
            let twice = try await b.post("\(tabsJob)/kolommen", form: ["gebied": "0", "periode": "0"])
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.body.string.contains("Deze kolom is al voor iets anders gekozen"))
            #expect(twice.body.string.contains("Kies de kolom met de teller"))
            // unrecognised headers in an odd order, mapped by hand
            let odd = "cbs_code,noemer_x,jaartal,aantal_x\nGM0355,410,2022,31\n"
            let oddJob = try #require(ImportPageFixtures.jobPath(try await b.postUpload("/monitor/import", indicator: "geen_kraamzorg", fileName: "cbs.csv", text: odd)))
            _ = try await b.post("\(oddJob)/kolommen", form: ["gebied": "0", "periode": "2", "teller": "3", "noemer": "1"])
            #expect(try await b.settledJobPage(oddJob).body.string.contains("Regels ingelezen: 1"))
        }
    }

    @Test("upload checks: no file, no indicator")
    func uploadChecks() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await b.refreshToken(path: "/monitor/import")
            let empty = try await b.postUpload("/monitor/import", indicator: "", fileName: "leeg.csv", text: "")
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Kies een CSV-bestand."))
            #expect(empty.body.string.contains("Kies de indicator"))
            #expect(try await ImportJob.query(on: app.db).count() == 0)
        }
    }

    /// Records whether the request got past the middleware.
    final class Reached: AsyncResponder, @unchecked Sendable {
        var reached = false
        func respond(to request: Request) async throws -> Response { reached = true; return Response(status: .ok) }
    }

    func multipart(_ app: Application, length: String?, body: ByteBuffer?) -> Request {
        var headers: HTTPHeaders = ["Content-Type": "multipart/form-data; boundary=x"]
        if let length { headers.add(name: .contentLength, value: length) }
        return Request(application: app, method: .POST, url: "/monitor/import", headers: headers, collectedBody: body, on: app.eventLoopGroup.next())
    }

    @Test("a declared 2 GB upload is refused before a byte is read, with the limit in Dutch; a collected body over the limit too")
    func tooLarge() async throws {
        try await withApp(demo: false) { app in
            let next = Reached()
            func refusal(_ limit: ImportUploadLimit, _ req: Request) async -> (any AbortError)? {
                do { _ = try await limit.respond(to: req, chainingTo: next); return nil } catch let e as any AbortError { return e } catch { return nil }
            }
            let declared = await refusal(ImportUploadLimit(), multipart(app, length: "2147483648", body: nil))
            #expect(declared?.status == .payloadTooLarge)
            #expect(declared?.reason == "Het bestand is te groot: de grens is 50 MB. Splits het bestand, bijvoorbeeld per jaar, en lees de delen na elkaar in.")
            let collected = await refusal(ImportUploadLimit(maxBytes: 100), multipart(app, length: nil, body: ByteBuffer(repeating: 65, count: 101)))
            #expect(collected?.status == .payloadTooLarge)
            #expect(!next.reached)
            #expect(await refusal(ImportUploadLimit(maxBytes: 100), multipart(app, length: nil, body: ByteBuffer(repeating: 65, count: 100))) == nil)
            #expect(next.reached)
        }
    }

    @Test("who may import, and whose jobs they see")
    func access() async throws {
        try await withApp { app in
            var professional = try await Browser.signedIn(app, as: "professional@zeist.demo")
            #expect(try await professional.get("/monitor/import").status == .forbidden)
            var owner = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await owner.refreshToken(path: "/monitor/import")
            let job = try #require(ImportPageFixtures.jobPath(try await owner.postUpload("/monitor/import", indicator: "screenings_kwetsbaar", fileName: "a.csv", text: ImportPageFixtures.good)))
            var other = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            #expect(try await other.get(job).status == .notFound)
            #expect(try await owner.get("/monitor/import/\(UUID())").status == .notFound)
            #expect(try await owner.get("/monitor/import").body.string.contains("a.csv"))
        }
    }
}
