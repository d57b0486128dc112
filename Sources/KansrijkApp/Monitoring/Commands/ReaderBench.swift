import Foundation

/// The same work done with the births scanner and with the one CSV reader, for the choice in
/// ADR 0038 (`kansrijk monitoring bench FILE --reader scanner|csv-file`, bench/csv-reader.sh):
/// every data row split into fields and every field read as a whole number where it is one.
enum ReaderBench {
    enum Kind: String, Sendable {
        case scanner, csvFile = "csv-file"
    }

    struct Result: Sendable {
        var kind: Kind
        var rows: Int
        var fields: Int
        /// The sum of every whole number read, so neither reader's work can be optimised away.
        var sum: Int
        var duration: Duration

        var line: String {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return "reader=\(kind.rawValue) rows=\(rows) fields=\(fields) sum=\(sum) read_s=\(String(format: "%.3f", seconds))"
        }
    }

    static func run(_ kind: Kind, path: String) throws -> Result {
        var result = Result(kind: kind, rows: 0, fields: 0, sum: 0, duration: .zero)
        result.duration = try ContinuousClock().measure {
            switch kind {
            case .scanner:
                let separator = try DelimitedFileScanner.detectSeparator(path: path)
                try DelimitedFileScanner(separator: separator).scan(path: path) { line in
                    guard line.number > 1 else { return }
                    result.rows += 1
                    result.fields += line.count
                    for i in 0..<line.count { result.sum &+= line.int(i) ?? 0 }
                }
            case .csvFile:
                let table = try CSVFile.read(Data(contentsOf: URL(fileURLWithPath: path)))
                for row in table.rows {
                    result.rows += 1
                    result.fields += row.fields.count
                    for field in row.fields { result.sum &+= Int(field) ?? 0 }
                }
            }
        }
        return result
    }
}
