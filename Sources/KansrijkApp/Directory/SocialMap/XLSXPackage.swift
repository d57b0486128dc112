import Foundation
import ZIPFoundation

/// The parts of an xlsx file, unzipped in memory by ZIPFoundation with limits: the sizes the zip
/// declares are checked before anything is unpacked, and the bytes really unpacked are counted
/// while they come, so a zip bomb that lies about its sizes stops at the limit too.
struct XLSXPackage {
    private let archive: Archive
    private let limits: SpreadsheetLimits
    /// Every part's path, as the zip names it.
    let paths: Set<String>

    private struct TooLarge: Error {}

    init(_ data: Data, limits: SpreadsheetLimits) throws(SpreadsheetError) {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SpreadsheetError("Het bestand is geen leesbaar Excel-bestand (xlsx). Sla het in Excel op als 'Excel-werkmap (.xlsx)' of als CSV en probeer het opnieuw.")
        }
        var paths = Set<String>()
        var declared: UInt64 = 0
        for entry in archive {
            paths.insert(entry.path)
            declared += entry.uncompressedSize
            guard paths.count <= limits.maxParts, declared <= UInt64(limits.maxUnzippedBytes) else { throw Self.tooLarge }
        }
        self.archive = archive
        self.limits = limits
        self.paths = paths
    }

    static let tooLarge = SpreadsheetError("Het Excel-bestand is uitgepakt te groot om te lezen. Haal overbodige tabbladen, afbeeldingen en opmaak weg, of sla het op als CSV.")

    /// The unzipped bytes of a part, or nil when the file has no such part.
    func part(_ path: String) throws(SpreadsheetError) -> Data? {
        guard let entry = archive[path], entry.type == .file else { return nil }
        let limit = limits.maxPartBytes
        guard entry.uncompressedSize <= UInt64(limit) else { throw Self.tooLarge }
        var bytes = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                bytes.append(chunk)
                if bytes.count > limit { throw TooLarge() }
            }
        } catch is TooLarge {
            throw Self.tooLarge
        } catch {
            throw SpreadsheetError("Een deel van het Excel-bestand (\(path)) is beschadigd. Open het in Excel, sla het opnieuw op en probeer het nog eens.")
        }
        return bytes
    }

    /// A relationship target as a path inside the zip: relative to `base` ("xl/"), or absolute
    /// ("/xl/..."). Nil when it climbs out of the package.
    static func resolve(_ target: String, base: String) -> String? {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(piece)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
