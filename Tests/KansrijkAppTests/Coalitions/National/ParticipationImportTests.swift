import Foundation
import Testing
@testable import KansrijkApp

@Suite("Participation CSV as Dutch Excel writes it")
struct ParticipationImportTests {
    static let names = ["GM0355": "Zeist", "GM0654": "Borsele", "GM0200": "Apeldoorn", "GM0014": "Groningen"]
    static let header = "gemeentecode;inwoners;tranche;gids;gezamenlijk_plan;prenataal_huisbezoek;nnz"

    static func data(_ lines: [String], bom: Bool = true) -> Data {
        Data(((bom ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    @Test("a good file with BOM and CRLF gives one row per line, codes and numbers normalised")
    func good() throws {
        // setup
        let file = Self.data([Self.header, "GM0355;66.000;2;ja;ja;nee;WAAR", "654;23000;3;nee;Ja;ONWAAR;nee", "", "gm0200;165123;1;1;0;1;0"])
        // act
        let rows = try ParticipationImport.parse(file, municipalities: Self.names).get()
        // check
        #expect(rows.map(\.code) == ["GM0355", "GM0654", "GM0200"])
        #expect(rows[0].facts == ParticipationFacts(tranche: .two, isGIDS: true, hasJointPlan: true, hasPrenatalVisit: false, hasNNZ: true, inhabitants: 66_000))
        #expect(rows[1].facts.tranche == .three && rows[1].facts.hasJointPlan && rows[1].facts.inhabitants == 23_000)
        #expect(rows[2].line == 5 && rows[2].facts.isGIDS && rows[2].facts.hasPrenatalVisit)
    }

    @Test("without BOM and with LF only it reads the same")
    func noBOM() throws {
        let file = Data((Self.header + "\nGM0355;66000;geen;nee;nee;nee;nee\n").utf8)
        let rows = try ParticipationImport.parse(file, municipalities: Self.names).get()
        #expect(rows.count == 1 && rows[0].facts.tranche == .noParticipation)
    }

    @Test("every bad line is reported in Dutch with its line number, and nothing is accepted")
    func rejects() {
        let file = Self.data([
            Self.header,
            "GM0355;66000;2;ja;ja;ja;nee",
            "GM9999;1000;1;ja;ja;ja;ja",
            "GM0654;12,5;3;nee;nee;nee;nee",
            "GM0200;-3;4;misschien;ja;ja;ja",
            "GM0355;66000;2;ja;ja;ja;nee",
            "GM0014;1.00;1;ja;ja;ja",
        ])
        guard case .failure(let rejection) = ParticipationImport.parse(file, municipalities: Self.names) else {
            Issue.record("a file with bad lines must be rejected"); return
        }
        let report = rejection.problems.map(\.description)
        #expect(report == [
            "Regel 3: onbekende gemeentecode 'GM9999'.",
            "Regel 4: inwoners '12,5' is geen heel getal van 1 tot 2.000.000.",
            "Regel 5: inwoners '-3' is geen heel getal van 1 tot 2.000.000; tranche '4' moet 1, 2, 3 of geen zijn; gids 'misschien' moet ja of nee zijn.",
            "Regel 6: gemeentecode GM0355 staat ook op regel 2.",
            "Regel 7: 6 kolommen, verwacht 7.",
        ])
    }

    @Test("file-level problems: commas, missing columns, empty, header only, an open quote")
    func fileProblems() {
        func problems(_ d: Data) -> [String] {
            if case .failure(let r) = ParticipationImport.parse(d, municipalities: Self.names) { return r.problems.map(\.description) }
            return []
        }
        #expect(problems(Data("gemeentecode,inwoners,tranche\r\nGM0355,1,2\r\n".utf8)).first?.contains("komma's") == true)
        #expect(problems(Data("gemeentecode;inwoners;tranche\r\n".utf8)).first?.contains("kolom ontbreekt: gids, gezamenlijk_plan, prenataal_huisbezoek, nnz") == true)
        #expect(problems(Data()).first?.contains("leeg") == true)
        #expect(problems(Self.data([Self.header])).first?.contains("geen gemeenten") == true)
        #expect(problems(Self.data([Self.header, "\"GM0355;1;2;ja;ja;ja;ja"])).first?.contains("niet afgesloten") == true)
    }

    @Test("a file Dutch Excel saved as Windows-1252 (not UTF-8) reads the same")
    func windows1252() throws {
        // setup: "gemeente" column with "Súdwest-Fryslân" in Windows-1252 bytes
        var bytes = Array((Self.header + ";gemeente\r\nGM0355;66000;2;ja;ja;nee;nee;S").utf8)
        bytes += [0xFA] + Array("dwest-Frysl".utf8) + [0xE2] + Array("n\r\n".utf8)
        // act
        let rows = try ParticipationImport.parse(Data(bytes), municipalities: Self.names).get()
        // check
        #expect(rows.map(\.code) == ["GM0355"] && rows[0].facts.inhabitants == 66_000)
    }

    @Test("extra columns, other column order and quoted fields are fine, so an export imports again")
    func extraColumns() throws {
        let file = Self.data(["nnz;gemeente;gemeentecode;tranche;inwoners;gids;gezamenlijk_plan;prenataal_huisbezoek;bron",
                              "ja;\"Zeist; de mooiste\";GM0355;3;66000;nee;ja;nee;\"zegt \"\"iemand\"\"\""])
        let rows = try ParticipationImport.parse(file, municipalities: Self.names).get()
        #expect(rows.count == 1 && rows[0].facts.hasNNZ && rows[0].facts.tranche == .three)
    }

    @Test("codes, numbers and yes/no as people and Excel write them")
    func values() {
        #expect(ParticipationImport.normalisedCode("355") == "GM0355")
        #expect(ParticipationImport.normalisedCode("gm0014") == "GM0014")
        #expect(ParticipationImport.normalisedCode("GM12345") == nil)
        #expect(ParticipationImport.normalisedCode("Zeist") == nil)
        #expect(ParticipationImport.wholeNumber("950.000") == 950_000)
        #expect(ParticipationImport.wholeNumber("1.234.567") == 1_234_567)
        #expect(ParticipationImport.wholeNumber("12.34") == nil)
        #expect(ParticipationImport.wholeNumber("0") == nil)
        #expect(ParticipationImport.wholeNumber("2000001") == nil)
        #expect(ParticipationImport.wholeNumber("１２") == nil, "only ASCII digits")
        #expect(ParticipationImport.yesNo("WAAR") == true && ParticipationImport.yesNo("Onwaar") == false && ParticipationImport.yesNo("") == nil)
    }
}
