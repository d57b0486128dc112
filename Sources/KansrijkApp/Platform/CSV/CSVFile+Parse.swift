import Foundation

extension CSVFile {
    /// A byte-level state machine over UTF-8 text; separators, quotes and line ends are ASCII,
    /// so they never occur inside a multi-byte character.
    struct Parser {
        let bytes: [UInt8]
        let separator: Separator
        private var line = 1
        /// The header's width once known: each record reserves room for that many fields.
        private var width = 8

        init(bytes: [UInt8], separator: Separator) {
            self.bytes = bytes
            self.separator = separator
        }

        mutating func table(ragged: RaggedRows, maxRows: Int?) throws(ReadError) -> Table {
            let bytes = self.bytes
            var result: Result<Table, ReadError> = .success(Table(header: [], rows: []))
            bytes.withUnsafeBufferPointer { buffer in
                result = Result { () throws(ReadError) in try table(buffer, ragged: ragged, maxRows: maxRows) }
            }
            return try result.get()
        }

        private mutating func table(_ bytes: UnsafeBufferPointer<UInt8>, ragged: RaggedRows, maxRows: Int?) throws(ReadError) -> Table {
            var table = Table(header: [], rows: [], separator: separator)
            var start = 0
            var headerWidth: Int?
            while start < bytes.count {
                if let maxRows, table.rows.count >= maxRows { break }
                let recordLine = line
                let (fields, blank, next) = try record(bytes, from: start)
                start = next
                if blank { continue }
                guard let headerWidth else {
                    table.header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                    table.headerLine = recordLine
                    width = max(fields.count, 1)
                    headerWidth = fields.count
                    continue
                }
                if ragged == .error, fields.count != headerWidth {
                    throw ReadError(line: recordLine, reason: "\(fields.count) velden, maar de kopregel heeft er \(headerWidth)")
                }
                table.rows.append(Row(line: recordLine, fields: fields))
            }
            return table
        }

        /// One record from `start`: its fields, whether it is blank (no text in any field, none
        /// quoted), and where the next record starts.
        private mutating func record(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(ReadError) -> (fields: [String], blank: Bool, next: Int) {
            let sep = separator.byte, quote = UInt8(ascii: "\""), cr: UInt8 = 13, lf: UInt8 = 10, space: UInt8 = 32
            var fields: [String] = []
            fields.reserveCapacity(width)
            var blank = true
            var i = start
            let n = bytes.count
            while true {
                // leading spaces before an opening quote are dropped; elsewhere they are text
                var j = i
                while j < n, bytes[j] == space || (bytes[j] == 9 && sep != 9) { j += 1 }
                if j < n, bytes[j] == quote {
                    let quoteLine = line
                    var value: [UInt8] = []
                    var k = j + 1
                    while true {
                        guard k < n else { throw ReadError(line: quoteLine, reason: "aanhalingsteken niet afgesloten") }
                        let b = bytes[k]
                        if b == quote {
                            if k + 1 < n, bytes[k + 1] == quote { value.append(quote); k += 2; continue }
                            k += 1
                            break
                        }
                        if b == lf || (b == cr && (k + 1 == n || bytes[k + 1] != lf)) { line += 1 }
                        value.append(b)
                        k += 1
                    }
                    while k < n, bytes[k] == space || (bytes[k] == 9 && sep != 9) { k += 1 }
                    if k < n, bytes[k] != sep, bytes[k] != cr, bytes[k] != lf {
                        throw ReadError(line: line, reason: "tekst na het sluitende aanhalingsteken van een veld")
                    }
                    fields.append(String(decoding: value, as: UTF8.self))
                    blank = false
                    i = k
                } else {
                    var k = i
                    while k < n {
                        let b = bytes[k]
                        if b == sep || b == cr || b == lf { break }
                        if b == quote {
                            throw ReadError(line: line, reason: "aanhalingsteken midden in een veld; zet het hele veld tussen aanhalingstekens en verdubbel de aanhalingstekens erin")
                        }
                        k += 1
                    }
                    if blank, bytes[i..<k].contains(where: { $0 != space && $0 != 9 }) { blank = false }
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<k]), as: UTF8.self))
                    i = k
                }
                // after a field: a separator, a line end or the end of the text
                guard i < n else { return (fields, blank, n) }
                if bytes[i] == sep { i += 1; continue }
                if bytes[i] == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                line += 1
                return (fields, blank, i + 1)
            }
        }
    }
}
