import Vapor

/// `kansrijk monitoring bench FILE`: times the engine on a births extract, phase by phase, for
/// bench/monitoring.sh: read and aggregate; every indicator for every area and year; storing the counts.
struct MonitoringBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "births extract") var file: String
        @Flag(name: "store", help: "also write the counts to the database") var store: Bool
        @Flag(name: "csv-file", help: "also time reading the file with CSVFile, the one CSV reader, for the choice of reader") var csvFile: Bool
        @Option(name: "reader", help: "only split every row into fields and read them as numbers, with `scanner` or `csv-file`, and print the time (bench/csv-reader.sh)") var reader: String?
        @Option(name: "areas-out", help: "write the area mapping (code;current;ggd;province) for the DuckDB side") var areasOut: String?
    }
    var help: String { "Times import, aggregation and computing every indicator (for bench/monitoring.sh)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try CommandLineProblem.requireReadable(signature.file)
        if let reader = signature.reader {
            guard let kind = ReaderBench.Kind(rawValue: reader) else { throw CommandLineProblem.invalidValue("--reader") }
            return context.console.print(try ReaderBench.run(kind, path: signature.file).line)
        }
        if let out = signature.areasOut { try CommandLineProblem.requireWritable(out) }
        let app = context.application
        let areas = try await AreaDimension.load(on: app.db)
        if let out = signature.areasOut {
            var lines = ["gemeente;huidig;ggd;provincie"]
            for code in areas.places.map(\.code) + areas.merges.map(\.former) {
                guard let current = areas.currentCode(for: code), let place = areas.index(of: current).map({ areas.places[$0] }) else { continue }
                lines.append("\(code);\(current);\(place.ggdCode);\(place.provinceCode)")
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
        }
        let clock = ContinuousClock()
        var aggregate = BirthAggregate()
        let read = try clock.measure { aggregate = try BirthsImporter(areas: areas).aggregate(path: signature.file) }
        let engine = IndicatorEngine(areas: areas)
        let indicators = IndicatorCatalog.rivm.filter { d in
            (try? d.validated()).map { ($0.numerator.elements + $0.denominator.elements).allSatisfy { n in DataElement.births.contains { $0.name == n } } } ?? false
        }
        var figures = 0
        let compute = try clock.measure {
            for (year, cube) in aggregate.cubes(areas: areas) {
                for indicator in indicators {
                    figures += try engine.compute(indicator, cube: cube, periodLabel: String(year)).figures.values.reduce(0) { $0 + $1.count }
                }
            }
        }
        var stored = 0
        let store = try await clock.measure {
            if signature.store { stored = try await CountStore.store(aggregate, on: app.db) }
        }
        func seconds(_ d: Duration) -> String { String(format: "%.3f", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18) }
        var csvFileLine = ""
        if signature.csvFile {
            let t = try ReaderBench.run(.csvFile, path: signature.file)
            csvFileLine = " csv_file_rows=\(t.rows) csv_file_read_s=\(seconds(t.duration))"
        }
        context.console.print("children=\(aggregate.children) read_aggregate_s=\(seconds(read)) indicators=\(indicators.count) figures=\(figures) compute_s=\(seconds(compute)) stored_rows=\(stored) store_s=\(seconds(store))\(csvFileLine)")
    }
}
