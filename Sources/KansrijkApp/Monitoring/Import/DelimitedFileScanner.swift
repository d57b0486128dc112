import Foundation

/// A tight, streaming reader for the births extract only (1.65 million rows for ten years):
/// reads 4 MB at a time, never the whole file, and hands each line over as byte ranges. Every
/// other CSV goes through `CSVFile`, which holds the table as `String`s: on the births extract
/// that measured 2.7x the time and 9.7x the memory (ADR 0038, `bench/csv-reader.sh`), hence this
/// reader. Handles a UTF-8 BOM, CRLF and LF, and quoted fields ("a;b", "say ""hi""") within one line.
struct DelimitedFileScanner {
    /// The fields of one line as ranges into a buffer that is valid only during the callback.
    struct Line {
        fileprivate(set) var base: UnsafePointer<UInt8>
        fileprivate(set) var starts: [Int] = []
        fileprivate(set) var ends: [Int] = []
        fileprivate(set) var quoted: [Bool] = []
        var count: Int { starts.count }
        /// 1-based line number in the file, the header being line 1.
        var number = 0

        func isEmpty(_ i: Int) -> Bool { starts[i] == ends[i] }

        func string(_ i: Int) -> String {
            let s = String(decoding: UnsafeBufferPointer(start: base + starts[i], count: ends[i] - starts[i]), as: UTF8.self)
            return quoted[i] ? s.replacingOccurrences(of: "\"\"", with: "\"") : s
        }

        /// A whole number without sign or separators; nil for anything else (also empty).
        func int(_ i: Int) -> Int? {
            var s = starts[i], e = ends[i]
            while s < e, base[s] == 32 { s += 1 }
            while e > s, base[e - 1] == 32 { e -= 1 }
            guard s < e, e - s <= 9 else { return nil }
            var v = 0
            for k in s..<e {
                let d = Int(base[k]) - 48
                guard d >= 0, d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }

        /// A non-negative decimal number with `,` or `.` as the decimal mark (Dutch Excel writes `,`),
        /// read from the bytes: Foundation's string work per row cost more than the rest of the import.
        func decimal(_ i: Int) -> Double? {
            var s = starts[i], e = ends[i]
            while s < e, base[s] == 32 { s += 1 }
            while e > s, base[e - 1] == 32 { e -= 1 }
            guard s < e, e - s <= 15 else { return nil }
            var whole = 0, fraction = 0, scale = 1, seenMark = false, digits = 0
            for k in s..<e {
                let c = base[k]
                if c == 44 || c == 46 {
                    if seenMark { return nil }
                    seenMark = true
                    continue
                }
                let d = Int(c) - 48
                guard d >= 0, d <= 9 else { return nil }
                digits += 1
                if seenMark { fraction = fraction * 10 + d; scale *= 10 } else { whole = whole * 10 + d }
            }
            guard digits > 0 else { return nil }
            return Double(whole) + Double(fraction) / Double(scale)
        }

        /// The number of a municipality code `GMxxxx` (any case, spaces around allowed); nil otherwise.
        func municipalityNumber(_ i: Int) -> Int? {
            var s = starts[i], e = ends[i]
            while s < e, base[s] == 32 { s += 1 }
            while e > s, base[e - 1] == 32 { e -= 1 }
            guard e - s == 6, base[s] | 0x20 == 103, base[s + 1] | 0x20 == 109 else { return nil }
            var v = 0
            for k in s + 2..<e {
                let d = Int(base[k]) - 48
                guard d >= 0, d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }

        /// The index of the field's text in `options` (ASCII, case-insensitive, trimmed); nil when none matches.
        func choice(_ i: Int, _ options: [[UInt8]]) -> Int? {
            var s = starts[i], e = ends[i]
            while s < e, base[s] == 32 { s += 1 }
            while e > s, base[e - 1] == 32 { e -= 1 }
            outer: for (n, option) in options.enumerated() where option.count == e - s {
                for (k, c) in option.enumerated() where base[s + k] | 0x20 != c { continue outer }
                return n
            }
            return nil
        }
    }

    enum ScanError: Error, CustomStringConvertible {
        case cannotOpen(String)
        case unclosedQuote(line: Int)
        var description: String {
            switch self {
            case .cannotOpen(let p): "Kan het bestand \(p) niet openen"
            case .unclosedQuote(let line): "Regel \(line): een veld tussen aanhalingstekens wordt niet gesloten"
            }
        }
    }

    var separator: UInt8
    var chunkSize = 4 << 20

    /// Chooses the separator from the header line by the one CSV reader's rule (`CSVFile.detect`).
    static func detectSeparator(path: String) throws -> UInt8 {
        guard let h = FileHandle(forReadingAtPath: path) else { throw ScanError.cannotOpen(path) }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 64 * 1024)) ?? Data()
        return CSVFile.detectSeparator(head).byte
    }

    /// Calls `body` for every non-empty line (the header included), streaming through the file.
    func scan(path: String, _ body: (inout Line) throws -> Void) throws {
        guard let file = fopen(path, "rb") else { throw ScanError.cannotOpen(path) }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: chunkSize + 1)
        var filled = 0
        var lineNumber = 0
        var atStart = true
        var eof = false
        while !eof {
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let n = buffer.withUnsafeMutableBytes { raw in fread(raw.baseAddress! + filled, 1, raw.count - filled, file) }
            filled += n
            if n == 0 { eof = true }
            var consumed = 0
            try buffer.withUnsafeBufferPointer { buf in
                let p = buf.baseAddress!
                var lineStart = 0
                if atStart, filled >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { lineStart = 3; consumed = 3 }
                if atStart, filled >= 3 || eof { atStart = false }
                var line = Line(base: p)
                while lineStart < filled {
                    // find the end of the line, stepping over quoted separators
                    var i = lineStart
                    var inQuotes = false
                    while i < filled {
                        let c = p[i]
                        if c == 34 { inQuotes.toggle() } else if c == 10, !inQuotes { break }
                        i += 1
                    }
                    if i == filled, !eof { break }
                    lineNumber += 1
                    if inQuotes { throw ScanError.unclosedQuote(line: lineNumber) }
                    var end = i
                    if end > lineStart, p[end - 1] == 13 { end -= 1 }
                    if end > lineStart {
                        split(p, from: lineStart, to: end, into: &line)
                        line.number = lineNumber
                        try body(&line)
                    }
                    lineStart = min(i + 1, filled)
                    consumed = lineStart
                }
            }
            if consumed > 0 {
                buffer.withUnsafeMutableBufferPointer { b in
                    let rest = filled - consumed
                    if rest > 0 { memmove(b.baseAddress!, b.baseAddress! + consumed, rest) }
                }
                filled -= consumed
            }
        }
    }

    private func split(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, into line: inout Line) {
        line.starts.removeAll(keepingCapacity: true)
        line.ends.removeAll(keepingCapacity: true)
        line.quoted.removeAll(keepingCapacity: true)
        var i = start
        while true {
            if i < end, p[i] == 34 {
                // quoted field: up to the closing quote that is not doubled
                var j = i + 1
                while j < end {
                    if p[j] == 34 {
                        if j + 1 < end, p[j + 1] == 34 { j += 2; continue }
                        break
                    }
                    j += 1
                }
                line.starts.append(i + 1); line.ends.append(j); line.quoted.append(true)
                var k = min(j + 1, end)
                while k < end, p[k] != separator { k += 1 }
                if k >= end { return }
                i = k + 1
            } else {
                var k = i
                while k < end, p[k] != separator { k += 1 }
                line.starts.append(i); line.ends.append(k); line.quoted.append(false)
                if k >= end { return }
                i = k + 1
            }
        }
    }
}
