import Vapor

/// `kansrijk export hsds [--format json|csv] [--out PATH]`: what the HSDS API serves, as one
/// JSON list of fully nested organisations (to standard output without --out) or as a tabular
/// data package in the folder --out.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "What to export; only: hsds") var kind: String
        @Option(name: "format", help: "json (default) or csv") var format: String?
        @Option(name: "out", help: "File for json, folder for csv (required for csv)") var out: String?
    }

    var help: String { "Exports the directory as HSDS 3.0: kansrijk export hsds [--format json|csv] [--out PATH]" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.kind == "hsds" else { throw CommandFailure(usage: "Unknown kind '\(signature.kind)'; use: kansrijk export hsds") }
        let format = signature.format ?? "json"
        guard ["json", "csv"].contains(format) else { throw CommandFailure(usage: "Unknown --format '\(format)'; use json or csv") }
        if format == "csv", signature.out == nil { throw CommandFailure(usage: "--out FOLDER is required for --format csv") }
        if let out = signature.out { try CommandLineProblem.requireWritable(out) }
        let exporter = try await HSDSExporter.load(context.application)
        let count = "\(exporter.builder.catalog.organisations.count) organisaties, \(exporter.builder.snapshot.services.count) services"
        switch (format, signature.out) {
        case ("json", nil):
            FileHandle.standardOutput.write(try exporter.json())
        case ("json", let out?):
            try exporter.json().write(to: URL(fileURLWithPath: out))
            context.console.print("HSDS-export (JSON): \(count) naar \(out).")
        case ("csv", let out?):
            try exporter.writeCSV(to: URL(fileURLWithPath: out, isDirectory: true))
            context.console.print("HSDS-export (CSV-datapakket): \(count) naar \(out)/.")
        default:
            throw CommandFailure(usage: "Unknown --format '\(format)'; use json or csv, and --out FOLDER with csv")
        }
    }
}
