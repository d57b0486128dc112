import Foundation

/// The language of the command line's own messages: Dutch when the locale says so (`LC_ALL`, then
/// `LC_MESSAGES`, then `LANG`, as POSIX orders them), English otherwise (issue #14).
enum CommandLineLanguage: Sendable, Equatable {
    case dutch, english

    init(environment: [String: String]) {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        self = locale.lowercased().hasPrefix("nl") ? .dutch : .english
    }

    func pick(_ dutch: String, _ english: String) -> String { self == .dutch ? dutch : english }
}

/// A failure a person causes on the command line, said in one line in their language.
/// Usage problems end with exit status 2 and the command's usage; the others with 1.
enum CommandLineProblem: Error, Sendable, Equatable {
    case unknownCommand(String, suggestion: String?)
    case missingCommand
    case missingArgument(String)
    case invalidValue(String)
    case unknownInput(String)
    case badFlag(String)
    case fileNotFound(String)
    case fileNotReadable(String)
    case fileNotWritable(String)
    case folderNotFound(String)
    case diskFull(String)
    case databaseNotMigrated
    case resourcesMissing(lookedIn: [String])

    var isUsage: Bool {
        switch self {
        case .unknownCommand, .missingCommand, .missingArgument, .invalidValue, .unknownInput, .badFlag: true
        default: false
        }
    }

    func line(_ language: CommandLineLanguage) -> String {
        let l = language
        switch self {
        case .unknownCommand(let word, let suggestion):
            let hint = suggestion.map { l.pick(" (bedoelt u \($0)?)", " (did you mean \($0)?)") } ?? ""
            return l.pick("onbekende opdracht '\(word)'", "unknown command '\(word)'") + hint
        case .missingCommand:
            return l.pick("geef een opdracht", "a command is missing")
        case .missingArgument(let name):
            return l.pick("'\(name)' ontbreekt", "missing argument '\(name)'")
        case .invalidValue(let name):
            return l.pick("ongeldige waarde voor '\(name)'", "invalid value for '\(name)'")
        case .unknownInput(let input):
            return l.pick("onbekend argument of optie '\(input)'", "unknown argument or option '\(input)'")
        case .badFlag(let detail):
            return l.pick("ongeldige optie: \(detail)", "invalid option: \(detail)")
        case .fileNotFound(let path):
            return l.pick("bestand niet gevonden: \(path)", "file not found: \(path)")
        case .fileNotReadable(let path):
            return l.pick("geen toegang tot \(path) (leesrechten ontbreken)", "permission denied: cannot read \(path)")
        case .fileNotWritable(let path):
            return l.pick("geen toegang tot \(path) (schrijfrechten ontbreken)", "permission denied: cannot write \(path)")
        case .folderNotFound(let path):
            return l.pick("map niet gevonden: \(path)", "folder not found: \(path)")
        case .diskFull(let path):
            return l.pick("de schijf van \(path) is vol", "the disk of \(path) is full")
        case .databaseNotMigrated:
            return l.pick("de database is nog niet bijgewerkt: voer eerst 'kansrijk migrate' uit",
                          "the database is not set up yet: run 'kansrijk migrate' first")
        case .resourcesMissing(let folders):
            let list = folders.joined(separator: ", ")
            return l.pick("Resources/ en Public/ niet gevonden; gezocht in: \(list). Zet KANSRIJK_ROOT op de map die ze bevat",
                          "cannot find Resources/ and Public/; looked in: \(list). Set KANSRIJK_ROOT to the folder that holds them")
        }
    }

    /// A file a command reads: it must exist and be readable (a folder is fine where `folders` says so).
    static func requireReadable(_ path: String, folders: Bool = false) throws(CommandLineProblem) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isFolder), folders || !isFolder.boolValue else {
            throw .fileNotFound(path)
        }
        guard manager.isReadableFile(atPath: path) else { throw .fileNotReadable(path) }
    }

    /// A file a command writes: its folder must exist and be writable.
    static func requireWritable(_ path: String) throws(CommandLineProblem) {
        let manager = FileManager.default
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { throw .folderNotFound(folder) }
        if manager.fileExists(atPath: path) {
            guard manager.isWritableFile(atPath: path) else { throw .fileNotWritable(path) }
        } else if !manager.isWritableFile(atPath: folder) {
            throw .fileNotWritable(path)
        }
    }
}
