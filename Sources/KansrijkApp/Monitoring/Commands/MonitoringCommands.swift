import Vapor

/// `kansrijk monitoring ...`: getting monitoring data in from the command line.
struct MonitoringCommands: AsyncCommandGroup {
    var help: String { "Monitoring: geboorten en cijfers importeren, een synthetisch geboortebestand maken." }
    var commands: [String: any AnyAsyncCommand] {
        ["import-births": ImportBirthsCommand(), "demo-births": DemoBirthsCommand(), "import-aggregate": ImportAggregateCommand(),
         "bench": MonitoringBenchCommand()]
    }
}

/// `kansrijk monitoring import-births FILE [--replace-year]`: aggregates a Perined-shaped extract; no
/// row per child is stored. Replaces only the municipalities in the file unless told otherwise.
struct ImportBirthsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "CSV with jaar;gemeente;amww;amdd;hoftiezer;pariteit;levend;amddd1ond[;kwetsbaar;inkomen_kwintiel;opleiding]") var file: String
        @Flag(name: "replace-year", help: "replace every area of the file's years, not only its municipalities") var replaceYear: Bool
    }
    var help: String { "Imports a births extract (one row per child) as counts per municipality, year and breakdown." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try CommandLineProblem.requireReadable(signature.file)
        let app = context.application
        let start = Date()
        let areas = try await AreaDimension.load(on: app.db)
        do {
            let aggregate = try BirthsImporter(areas: areas).aggregate(path: signature.file)
            let console = context.console
            let changes = try await BirthCountWriter.store(aggregate, areas: areas, wholeYears: signature.replaceYear, on: app.db) { changes in
                for line in BirthCountWriter.summary(changes) { console.print(line) }
            }
            let rows = changes.reduce(0) { $0 + $1.added }
            context.console.print("Geïmporteerd: \(aggregate.children) kinderen uit \(aggregate.years.map(String.init).joined(separator: ", ")) als \(rows) tellingen in \(String(format: "%.1f", Date().timeIntervalSince(start))) s.")
        } catch let report as ImportReport {
            context.console.error(report.description)
            throw CommandFailure("Import geweigerd; er is niets veranderd.")
        }
    }
}

/// `kansrijk monitoring demo-births --years 2014-2023 [--seed N] [--output FILE] [--import]`.
struct DemoBirthsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "years", help: "e.g. 2014-2023") var years: String?
        @Option(name: "seed", help: "same seed, same file") var seed: UInt64?
        @Option(name: "output", help: "CSV file to write (default geboorten-demo.csv)") var output: String?
        @Option(name: "per-year", help: "children per year (default 165000)") var perYear: Int?
        @Flag(name: "import", help: "also aggregate into the database") var importToo: Bool
    }
    var help: String { "Writes a synthetic national births extract (deterministic for a seed)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let years = YearRange(signature.years ?? "2014-2023") else { throw CommandFailure(usage: "--years as 2014-2023") }
        if let n = signature.perYear, !(1...1_000_000).contains(n) { throw CommandFailure(usage: "--per-year takes 1 to 1000000 children") }
        let path = signature.output ?? "geboorten-demo.csv"
        try CommandLineProblem.requireWritable(path)
        let app = context.application
        let areas = try await AreaDimension.load(on: app.db)
        let generator = SyntheticBirths(years: years, seed: signature.seed ?? 2021, childrenPerYear: signature.perYear ?? 165_000)
        let n = try generator.writeCSV(areas: areas, to: path)
        context.console.print("Geschreven: \(n) kinderen (\(years)) naar \(path).")
        if signature.importToo {
            let rows = try await CountStore.store(generator.aggregate(areas: areas), on: app.db)
            context.console.print("Opgeslagen als \(rows) tellingen.")
        }
    }
}

/// `kansrijk monitoring import-aggregate INDICATOR FILE`: numerator and denominator per municipality and period.
/// Like the import pages, it replaces only the areas and periods in the file.
struct ImportAggregateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "indicator", help: "indicator code, e.g. geen_kraamzorg") var indicator: String
        @Argument(name: "file", help: "CSV: gebied;periode;teller;noemer (or waarde;noemer)") var file: String
    }
    var help: String { "Imports aggregate figures for one indicator; all-or-nothing." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try CommandLineProblem.requireReadable(signature.file)
        let app = context.application
        guard let indicator = try await Indicator.find(signature.indicator, on: app.db)?.definition else {
            throw CommandFailure("Onbekende indicator \(signature.indicator)")
        }
        let importer = AggregateImporter(areas: try await AreaDimension.load(on: app.db), indicator: indicator)
        do {
            let rows = try importer.read(path: signature.file)
            let targets = try importer.targets()
            let n = try await AggregateCountWriter.store(rows, numerator: targets.numerator, denominator: targets.denominator, on: app.db)
            context.console.print("Geïmporteerd: \(rows.count) rijen als \(n) tellingen voor \(indicator.code).")
        } catch let report as ImportReport {
            context.console.error(report.description)
            throw CommandFailure("Import geweigerd; er is niets veranderd.")
        }
    }
}
