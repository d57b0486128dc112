import Foundation
import ZIPFoundation

/// The backup archive: one zip file with `manifest.json` and the files it lists (ADR 0045).
enum BackupArchive {
    /// Writes the archive at `out`: first beside it under a temporary name, then renamed into
    /// place, so `out` is never a half-written archive.
    static func write(_ manifest: BackupManifest, files: [(name: String, path: String)], compress: Bool, to out: String) throws {
        let target = URL(fileURLWithPath: out)
        let partial = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial")
        defer { try? FileManager.default.removeItem(at: partial) }
        let archive = try Archive(url: partial, accessMode: .create)
        let json = try BackupManifest.encode(manifest)
        try archive.addEntry(with: BackupManifest.entryName, type: .file, uncompressedSize: Int64(json.count),
                             compressionMethod: .deflate) { position, size in
            json.subdata(in: Int(position)..<Int(position) + size)
        }
        for file in files {
            try archive.addEntry(with: file.name, fileURL: URL(fileURLWithPath: file.path), compressionMethod: compress ? .deflate : .none)
        }
        // the archive holds client data: readable by its owner only, as the database files
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: partial.path)
        if FileManager.default.fileExists(atPath: out) {
            _ = try FileManager.default.replaceItemAt(target, withItemAt: partial)
        } else {
            try FileManager.default.moveItem(at: partial, to: target)
        }
    }

    /// Reads the manifest of the archive at `path`, extracts the files it lists into `folder` and
    /// checks each against its size and SHA-256. Only the names the manifest lists are extracted,
    /// and only plain names (no folders), so an archive cannot write outside `folder`.
    static func open(_ path: String, into folder: URL) throws(BackupProblem) -> BackupManifest {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch { throw .notAnArchive(path) }
        guard let entry = archive[BackupManifest.entryName], entry.uncompressedSize < 16 << 20 else { throw .notABackup(path) }
        var json = Data()
        let manifest: BackupManifest
        do {
            _ = try archive.extract(entry) { json.append($0) }
            manifest = try BackupManifest.decode(json)
        } catch {
            throw .notABackup(path)
        }
        guard manifest.format == BackupManifest.formatName, manifest.formatVersion <= BackupManifest.currentFormatVersion else {
            throw .notABackup(path)
        }
        for file in manifest.files {
            guard !file.name.contains("/"), !file.name.hasPrefix("."), let stored = archive[file.name] else { throw .missingPart(file.name) }
            let destination = folder.appendingPathComponent(file.name)
            do {
                _ = try archive.extract(stored, to: destination)
            } catch {
                throw .damaged(file.name, problem: String(describing: error))
            }
            let sum = try? BackupChecksum.sha256(of: destination.path)
            guard (try? BackupChecksum.size(of: destination.path)) == file.bytes, sum == file.sha256 else { throw .checksumDiffers(file.name) }
        }
        return manifest
    }
}
