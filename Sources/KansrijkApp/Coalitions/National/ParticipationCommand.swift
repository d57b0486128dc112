import Fluent
import Vapor

/// `kansrijk participatie import FILE [--vervang] [--bron TEXT]`: reads participation per
/// municipality from a Dutch Excel CSV (see `ParticipationImport`). Nothing is stored when any
/// line is wrong; the report lists every wrong line.
struct ParticipationCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "import") var action: String
        @Argument(name: "file", help: "CSV: gemeentecode;inwoners;tranche;gids;gezamenlijk_plan;prenataal_huisbezoek;nnz") var file: String
        @Flag(name: "vervang", help: "Municipalities missing from the file lose their record (and the demo figures go)") var replace: Bool
        @Option(name: "bron", help: "Source note stored with every row (default: the file name)") var source: String?
    }
    var help: String { "Imports participation per municipality (tranche, GIDS, plan, prenatal visit, NNZ, inhabitants)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "import" else { throw CommandFailure(usage: "Onbekende actie '\(signature.action)'; gebruik: participatie import BESTAND") }
        try CommandLineProblem.requireReadable(signature.file)
        let outcome = try await Self.importFile(signature.file, replaceAll: signature.replace, source: signature.source, on: context.application.db)
        context.console.print("Geïmporteerd: \(outcome.updated) bijgewerkt, \(outcome.created) nieuw, \(outcome.removed) leeggemaakt.")
    }

    /// Reads, checks and stores the file; throws the Dutch report when anything is wrong.
    static func importFile(_ path: String, replaceAll: Bool, source: String?, on db: any Database) async throws -> ParticipationImport.Outcome {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("Bestand niet gevonden of niet leesbaar: \(path)")
        }
        let names = try await NationalData.municipalityNames(on: db)
        switch ParticipationImport.parse(data, municipalities: names) {
        case .failure(let rejection):
            // the headline first: the command line prints it last, below the lines it points at
            let lines = ["Niets geïmporteerd. Verbeter de regels hierboven en probeer het opnieuw."] + rejection.problems.map { "  \($0)" }
            throw CommandFailure(lines.joined(separator: "\n"))
        case .success(let rows):
            let note = source ?? "Import \(URL(fileURLWithPath: path).lastPathComponent)"
            return try await ParticipationImport.store(rows, replaceAll: replaceAll, sourceNote: note, on: db)
        }
    }
}
