import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// The whole flow over HTTP: upload, columns, check, import; all or nothing, idempotent, flagged.
@Suite("social map import (issue 16)", .serialized)
struct SocialMapImportTests {
    static let base = "/coalities/zeist/sociale-kaart"
    static let header = "Organisatie;Naam aanbod;Omschrijving;Gemeente;Adres;Postcode;Plaats;Telefoon;E-mail;Thema;Fase"
    static let rows = [
        "Stichting Testwelzijn;Inloop jonge ouders;Koffie en steun;Zeist;Slotlaan 1;3701 AB;Zeist;030 111 22 33;info@example.org;Eenzaamheid en netwerk;0-1",
        "Stichting Testwelzijn;Wandelgroep zwangeren;Samen wandelen;Zeist;Slotlaan 1;3701 AB;Zeist;;;Leefstijl en roken;Zwangerschap",
        "Landelijke Testlijn;Hulplijn nieuwe ouders;Bellen kan altijd;;;;;0800 000 00 00;;;",
    ]

    static func csv(_ rows: [String]) -> [UInt8] { Array(([header] + rows).joined(separator: "\r\n").utf8) + Array("\r\n".utf8) }

    static func upload(_ b: inout Browser, name: String, bytes: [UInt8]) async throws -> TestingHTTPResponse {
        try await b.refreshToken(path: base)
        let res = try await b.postUpload(base, fileName: name, bytes: bytes)
        return res
    }

    static func serviceCount(_ app: Application) async throws -> Int { try await Service.query(on: app.db).count() }

    @Test func coordinatorImportsAllOrNothingAndAgainChangesNothing() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let before = try await Self.serviceCount(app)

            // a file with an error: the row is named, nothing is written
            let broken = Self.rows + ["Stichting Testwelzijn;Spreekuur;;Zeits;;99;;;geen-mail;Ruimtevaart;"]
            var res = try await Self.upload(&b, name: "kaart.csv", bytes: Self.csv(broken))
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "\(Self.base)/kolommen")
            res = try await b.get("\(Self.base)/kolommen")
            #expect(res.status == .ok)
            #expect(res.body.string.contains("Inloop jonge ouders"))  // the preview
            #expect(res.body.string.contains(#"<option value="0" selected>Organisatie</option>"#))  // the guess
            res = try await b.post("\(Self.base)/kolommen", form: Self.mapping)
            #expect(res.status == .unprocessableEntity)
            let page = res.body.string
            #expect(page.contains("Regels met fouten (4)"))
            #expect(page.contains("<td>5</td>"))
            #expect(page.contains("&#39;Zeits&#39; is geen Nederlandse gemeente") || page.contains("'Zeits' is geen Nederlandse gemeente"))
            res = try await b.post("\(Self.base)/importeren", form: [:])
            #expect(res.status == .unprocessableEntity)
            #expect(try await Self.serviceCount(app) == before)

            // the corrected file: checked, then imported in one go
            res = try await Self.upload(&b, name: "kaart.csv", bytes: Self.csv(Self.rows))
            res = try await b.post("\(Self.base)/kolommen", form: Self.mapping)
            #expect(res.status == .ok)
            #expect(res.body.string.contains("Klaar om in te lezen"))
            #expect(res.body.string.contains("Landelijke Testlijn"))  // will be flagged
            res = try await b.post("\(Self.base)/importeren", form: [:])
            #expect(res.status == .ok)
            #expect(res.body.string.contains("Sociale kaart ingelezen"))
            #expect(res.body.string.contains(#"href="/aanbod/te-controleren""#))
            #expect(try await Self.serviceCount(app) == before + 3)

            // what landed: one organisation with two services at one location, terms and areas
            let services = try await Service.query(on: app.db).filter(\.$name ~~ ["Inloop jonge ouders", "Wandelgroep zwangeren", "Hulplijn nieuwe ouders"]).all()
            #expect(services.count == 3)
            let inloop = try #require(services.first { $0.name == "Inloop jonge ouders" })
            let walk = try #require(services.first { $0.name == "Wandelgroep zwangeren" })
            #expect(inloop.$organisation.id == walk.$organisation.id)
            #expect(inloop.phone == "030 111 22 33")
            let terms = Set(try await ServiceAttribute.query(on: app.db).filter(\.$service.$id == inloop.requireID()).all().map(\.taxonomyTermID))
            #expect(terms == [Term.find(.thema, "eenzaamheid")!.id, Term.find(.fase, "0-1")!.id])
            let areas = try await ServiceArea.query(on: app.db).filter(\.$service.$id == inloop.requireID()).all().map(\.municipalityCode)
            #expect(areas == ["GM0355"])
            let organisation = try #require(try await Organisation.find(inloop.$organisation.id, on: app.db))
            #expect(organisation.municipalityCode == "GM0355")
            #expect(try await Location.query(on: app.db).filter(\.$organisation.$id == organisation.requireID()).count() == 1)

            // the helpline's organisation has no municipality: kept as "gemeente onbekend" and flagged
            let helpline = try #require(services.first { $0.name == "Hulplijn nieuwe ouders" })
            let unknown = try #require(try await Organisation.find(helpline.$organisation.id, on: app.db))
            #expect(unknown.municipalityCode == DirectoryReview.unknownMunicipality)
            let flags = try await DirectoryReviewFlag.query(on: app.db).filter(\.$subjectID == unknown.requireID()).all()
            #expect(flags.count == 1)
            #expect(flags.first?.source.contains("kaart.csv, regel 4") == true)

            // the same sheet again (as xlsx this time): nothing changes
            let xlsx = try XLSXTestFiles.sheet(([Self.header] + Self.rows).map { $0.components(separatedBy: ";") })
            res = try await Self.upload(&b, name: "kaart.xlsx", bytes: Array(xlsx))
            #expect(res.status == .seeOther)
            res = try await b.post("\(Self.base)/kolommen", form: Self.mapping)
            #expect(res.status == .ok)
            #expect(res.body.string.contains("Er verandert niets"))
            res = try await b.post("\(Self.base)/importeren", form: [:])
            #expect(res.status == .ok)
            #expect(try await Self.serviceCount(app) == before + 3)
            #expect(try await DirectoryReviewFlag.query(on: app.db).filter(\.$subjectID == unknown.requireID()).count() == 1)

            // the upload is gone once imported
            res = try await b.post("\(Self.base)/importeren", form: [:])
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == Self.base)
        }
    }

    /// The columns as the guess makes them for `header` (a browser posts the preselected options).
    static let mapping: [String: String] = {
        let columns = SocialMapColumns.guess(header.components(separatedBy: ";"))
        var form: [String: String] = [:]
        for (index, field) in columns.fieldByColumn { form["veld-\(field.rawValue)"] = "\(index)" }
        return form
    }()

    @Test func updatesAKnownOrganisationOfTheCoalitionInsteadOfDuplicatingIt() async throws {
        try await withApp { app in
            let existing = try #require(try await Organisation.query(on: app.db).filter(\.$municipalityCode == "GM0355").sort(\.$name).first())
            let organisations = try await Organisation.query(on: app.db).count()
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            var res = try await Self.upload(&b, name: "kaart.csv", bytes: Self.csv(["\(existing.name.uppercased());Nieuw spreekuur;Iets nieuws;Zeist;;;;;;;"]))
            res = try await b.post("\(Self.base)/kolommen", form: Self.mapping)
            #expect(res.status == .ok)
            res = try await b.post("\(Self.base)/importeren", form: [:])
            #expect(res.status == .ok)
            #expect(try await Organisation.query(on: app.db).count() == organisations)
            let service = try #require(try await Service.query(on: app.db).filter(\.$name == "Nieuw spreekuur").first())
            #expect(service.$organisation.id == existing.id)
            let after = try #require(try await Organisation.find(existing.id, on: app.db))
            #expect(after.name == existing.name)
            #expect(after.description == existing.description)
            #expect(after.kind == existing.kind)
        }
    }

    @Test func onlyTheCoalitionsCoordinatorsAndAdminsMayUseIt() async throws {
        try await withApp { app in
            for (email, allowed) in [("coordinator@zeist.demo", true), ("admin@kansrijk.demo", true), ("coordinator@borsele.demo", false),
                                     ("professional@zeist.demo", false), ("policy@zeist.demo", false)] {
                var b = try await Browser.signedIn(app, as: email)
                for path in [Self.base, "\(Self.base)/sjabloon.xlsx", "\(Self.base)/sjabloon.csv"] {
                    let res = try await b.get(path)
                    #expect((res.status == .ok) == allowed, "\(email) \(path): \(res.status)")
                    if !allowed { #expect(res.status == .forbidden) }
                }
            }
        }
    }

    @Test func anUploadBelongsToItsUserAndCoalitionAndExpires() async throws {
        try await withApp(demo: false) { app in
            let db = app.db
            let (user, coalition, now) = (UUID(), UUID(), Date(timeIntervalSince1970: 1_800_000_000))
            let table = SpreadsheetTable(header: ["Organisatie"], rows: [.init(line: 2, cells: ["CJG"])])
            let key = try await SocialMapUploads.put(.init(userID: user, coalitionID: coalition, fileName: "kaart.csv", kind: .csv, table: table, columns: nil,
                                                           expires: now.addingTimeInterval(SocialMapUploads.lifetime)), now: now, on: db)
            #expect(try await SocialMapUploads.get(key, userID: UUID(), coalitionID: coalition, now: now, on: db) == nil)
            #expect(try await SocialMapUploads.get(key, userID: user, coalitionID: UUID(), now: now, on: db) == nil)
            #expect(try await SocialMapUploads.get(key, userID: user, coalitionID: coalition, now: now, on: db)?.table == table)
            #expect(try await SocialMapUploads.get(key, userID: user, coalitionID: coalition,
                                                   now: now.addingTimeInterval(SocialMapUploads.lifetime + 1), on: db) == nil)
            // the confirmed columns are kept with it
            let columns = SocialMapColumns(fieldByColumn: [0: .organisation, 3: .service])
            try await SocialMapUploads.setColumns(columns, for: key, on: db)
            #expect(try await SocialMapUploads.get(key, userID: user, coalitionID: coalition, now: now, on: db)?.columns == columns)
            try await SocialMapUploads.purge(on: db, now: now.addingTimeInterval(SocialMapUploads.lifetime + 1))
            #expect(try await SocialMapUploads.count(on: db) == 0)
            // a user keeps at most `perUser` uploads: the oldest go first; another user's stay
            let other = try await SocialMapUploads.put(.init(userID: UUID(), coalitionID: coalition, fileName: "ander", kind: .csv, table: table,
                                                             columns: nil, expires: now.addingTimeInterval(60)), now: now, on: db)
            for i in 0..<(SocialMapUploads.perUser + 5) {
                _ = try await SocialMapUploads.put(.init(userID: user, coalitionID: coalition, fileName: "\(i)", kind: .csv, table: table, columns: nil,
                                                         expires: now.addingTimeInterval(Double(i + 1))), now: now, on: db)
            }
            #expect(try await SocialMapUploads.count(on: db) == SocialMapUploads.perUser + 1)
            #expect(try await SocialMapUploadRecord.find(other, on: db) != nil)
        }
    }

    @Test func templatesDownloadAndImportCleanly() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            var res = try await b.get("\(Self.base)/sjabloon.xlsx")
            #expect(res.status == .ok)
            #expect(res.headers.first(name: .contentDisposition)?.contains("sjabloon-sociale-kaart.xlsx") == true)
            let table = try SpreadsheetFile.read(Data(buffer: res.body))
            let context = try await SocialMapImport.context(app, on: app.db)
            let result = SocialMapValidator(resolver: context.resolver).validate(table, columns: SocialMapColumns.guess(table.header))
            #expect(result.issues.isEmpty)
            #expect(result.entries.first?.municipalityCode == "GM0355")
            res = try await b.get("\(Self.base)/sjabloon.csv")
            #expect(res.status == .ok)
            #expect(res.body.string.hasPrefix("\u{FEFF}Organisatie;Soort organisatie;Naam aanbod"))
        }
    }

    @Test func aBrokenOrOversizedUploadIsAClearDutchMessage() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            var res = try await Self.upload(&b, name: "kaart.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 1, 2, 3])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("geen leesbaar Excel-bestand"))
            res = try await Self.upload(&b, name: "../../etc/passwd", bytes: Array("Organisatie;Naam aanbod\r\n".utf8))
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("alleen een kopregel"))
            res = try await Self.upload(&b, name: "groot.csv", bytes: Array(repeating: 0x41, count: 6 * 1024 * 1024))
            #expect(res.status == .payloadTooLarge || res.status == .unprocessableEntity)
            res = try await b.post(Self.base, form: [:])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("Kies een bestand"))
            // a posted upload without the session's token is refused before anything is read
            b.csrf = "nep"
            res = try await b.postUpload(Self.base, fileName: "kaart.csv", bytes: Self.csv(Self.rows))
            #expect(res.status == .forbidden)
            #expect(try await SocialMapUploads.count(on: app.db) == 0)
        }
    }

    @Test func displayNamesDropFoldersAndControlCharacters() {
        #expect(SocialMapController.displayName("../../etc/passwd") == "passwd")
        #expect(SocialMapController.displayName("C:\\Users\\kaart.xlsx") == "kaart.xlsx")
        #expect(SocialMapController.displayName("a\u{0}b\nc.csv") == "abc.csv")
        #expect(SocialMapController.displayName("") == "bestand")
    }
}

extension Browser {
    /// Posts the social map's upload form (multipart, field `bestand`) with the session's CSRF token.
    func postUpload(_ path: String, fileName: String, bytes: [UInt8], sheet: String = "") async throws -> TestingHTTPResponse {
        try await postMultipart(path, fields: ["tabblad": sheet], file: (field: "bestand", name: fileName, data: Data(bytes)))
    }
}
