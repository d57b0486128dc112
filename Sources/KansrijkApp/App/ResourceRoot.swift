import Foundation

/// Finds the folder that holds `Resources/` and `Public/`, so the binary works when started from any
/// folder (issue #14, ADR 0028): `KANSRIJK_ROOT` when set; else next to the executable and up to three
/// folders above it (`.build/<triple>/debug/kansrijk` in a checkout has the repository three levels up);
/// then the working directory. The first folder with `Resources/Views` wins.
public struct ResourceRoot: Sendable, Equatable {
    /// How many folders above the executable's own folder are tried.
    static let parentsTried = 3

    /// The folder found, with a trailing slash; nil when none of `lookedIn` holds the resources.
    var root: String?
    /// Every folder tried, in order, for the message when nothing was found.
    var lookedIn: [String]

    static func locate(environment: [String: String], executablePath: String?, workingDirectory: String,
                       holdsResources: (String) -> Bool = Self.holdsResources) -> ResourceRoot {
        var candidates: [String] = []
        if let explicit = environment["KANSRIJK_ROOT"], !explicit.isEmpty {
            candidates = [explicit]
        } else {
            if let executable = executablePath {
                var folder = URL(fileURLWithPath: executable).deletingLastPathComponent().standardizedFileURL
                for _ in 0...parentsTried {
                    candidates.append(folder.path)
                    guard folder.path != "/" else { break }
                    folder = folder.deletingLastPathComponent().standardizedFileURL
                }
            }
            candidates.append(workingDirectory)
        }
        var seen = Set<String>()
        let folders = candidates.map(Self.withSlash).filter { seen.insert($0).inserted }
        return ResourceRoot(root: folders.first(where: holdsResources), lookedIn: folders)
    }

    /// The running binary's real path (symbolic links such as `.build/debug` resolved).
    public static func executablePath() -> String? {
        if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return real }
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        return URL(fileURLWithPath: first).resolvingSymlinksInPath().path
    }

    static func holdsResources(_ folder: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder + "Resources/Views", isDirectory: &isFolder) && isFolder.boolValue
    }

    static func withSlash(_ folder: String) -> String { folder.hasSuffix("/") ? folder : folder + "/" }
}
