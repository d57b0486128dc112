import Vapor

/// `kansrijk import hsds FILE|FOLDER [--dry-run]`: an HSDS JSON file or tabular data package.
/// All or nothing: any rejected record leaves the database as it was and ends non-zero.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "What to import; only: hsds") var kind: String
        @Argument(name: "path", help: "HSDS JSON file, or a folder with datapackage.json and CSV files") var path: String
        @Flag(name: "dry-run", help: "Check and count everything, then roll back") var dryRun: Bool
    }

    var help: String { "Imports HSDS 3.0 data: kansrijk import hsds FILE|FOLDER [--dry-run]" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.kind == "hsds" else { throw CommandFailure(usage: "Unknown kind '\(signature.kind)'; use: kansrijk import hsds FILE") }
        try CommandLineProblem.requireReadable(signature.path, folders: true)
        let app = context.application
        let report = try await HSDSImporter(app: app).run(path: signature.path, dryRun: signature.dryRun)
        context.console.print(report.text)
        guard report.succeeded else { throw CommandFailure("HSDS-import afgewezen; er is niets gewijzigd.") }
    }
}
