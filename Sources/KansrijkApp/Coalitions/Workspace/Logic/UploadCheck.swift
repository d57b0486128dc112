import Foundation

/// Decides what an uploaded agreement document really is from its bytes, never from its name
/// or the content type the browser claims, and whether it may be stored.
enum UploadCheck {
    /// 5 MB: a signed, scanned agreement of a few pages fits; a database row stays manageable.
    static let maxBytes = 5 * 1024 * 1024

    enum Kind: String, CaseIterable, Sendable {
        case pdf, odt, docx, png, jpeg

        var contentType: String {
            switch self {
            case .pdf: "application/pdf"
            case .odt: "application/vnd.oasis.opendocument.text"
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            }
        }

        var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
    }

    enum Problem: Error, Equatable {
        case empty
        case tooLarge(bytes: Int)
        case unsupportedType
    }

    struct Accepted: Equatable {
        var kind: Kind
        /// The uploaded name without folders or odd characters, with the extension of what it really is.
        var fileName: String
    }

    static func check(_ bytes: [UInt8], fileName: String) -> Result<Accepted, Problem> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        guard bytes.count <= maxBytes else { return .failure(.tooLarge(bytes: bytes.count)) }
        guard let kind = detect(bytes) else { return .failure(.unsupportedType) }
        return .success(Accepted(kind: kind, fileName: safeFileName(fileName, kind: kind)))
    }

    static func detect(_ bytes: [UInt8]) -> Kind? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
        // ODF puts an uncompressed "mimetype" entry first; a Word document is a ZIP with word/document.xml
        if ZipEntries.firstStoredEntry(bytes, named: "mimetype") == Array("application/vnd.oasis.opendocument.text".utf8) {
            return .odt
        }
        let names = Set(ZipEntries.names(bytes))
        if names.contains("[Content_Types].xml") && names.contains("word/document.xml") { return .docx }
        return nil
    }

    /// The last path component, without control characters, quotes or slashes, at most 100
    /// characters, and with the extension that matches the content.
    static func safeFileName(_ raw: String, kind: Kind) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var base = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && !"\"<>:|?*".unicodeScalars.contains($0) })
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = String(base[..<dot]) }
        base = base.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ".")))
        if base.isEmpty { base = "document" }
        return String(base.prefix(100)) + "." + kind.fileExtension
    }
}

/// Just enough of the ZIP format (APPNOTE 4.3) to list entry names and read a stored entry.
enum ZipEntries {
    /// Names from the central directory; empty when it cannot be found or read.
    static func names(_ b: [UInt8]) -> [String] {
        guard b.count >= 22 else { return [] }
        // the end-of-central-directory record is at the end, before a comment of at most 65535 bytes
        var eocd: Int?
        var i = b.count - 22
        while i >= max(0, b.count - 22 - 65_535) {
            if u32(b, i) == 0x0605_4B50 { eocd = i; break }
            i -= 1
        }
        guard let e = eocd else { return [] }
        let count = Int(u16(b, e + 10)), start = Int(u32(b, e + 16))
        var names: [String] = []
        var p = start
        for _ in 0..<count {
            guard p + 46 <= b.count, u32(b, p) == 0x0201_4B50 else { break }
            let n = Int(u16(b, p + 28)), extra = Int(u16(b, p + 30)), comment = Int(u16(b, p + 32))
            guard p + 46 + n <= b.count else { break }
            names.append(String(decoding: b[(p + 46)..<(p + 46 + n)], as: UTF8.self))
            p += 46 + n + extra + comment
        }
        return names
    }

    /// The content of the first local entry when it has this name and is stored uncompressed.
    static func firstStoredEntry(_ b: [UInt8], named name: String) -> [UInt8]? {
        guard b.count >= 30, u32(b, 0) == 0x0403_4B50, u16(b, 8) == 0 else { return nil }
        let size = Int(u32(b, 18)), n = Int(u16(b, 26)), extra = Int(u16(b, 28))
        guard 30 + n <= b.count, Array(b[30..<(30 + n)]) == Array(name.utf8) else { return nil }
        let start = 30 + n + extra
        guard start + size <= b.count else { return nil }
        return Array(b[start..<(start + size)])
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 {
        guard i + 2 <= b.count else { return 0 }
        return UInt16(b[i]) | UInt16(b[i + 1]) << 8
    }

    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        guard i + 4 <= b.count else { return 0 }
        return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}

/// The `Content-Disposition` of a download (RFC 6266): a plain ASCII name for old clients and
/// the exact UTF-8 name in `filename*` (RFC 8187).
enum ContentDisposition {
    static func attachment(fileName: String) -> String {
        let fallback = String(fileName.unicodeScalars.map { s -> Character in
            s.isASCII && s.value >= 0x20 && s != "\"" && s != "\\" && s != "%" && s != ";" ? Character(s) : "_"
        })
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~")
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: allowed) ?? fallback
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}
