import Vapor

/// Where the words on the command line lead, decided before anything opens the database: to a
/// command that runs, to help text, or to a usage problem (exit status 2 with the usage). The
/// commands' own signatures are parsed here once, so a typo never migrates or creates a database
/// file first (issue #14).
enum CommandLineRoute {
    case run(path: [String])
    case help(path: [String])
    case usage(path: [String], CommandLineProblem)

    /// The flags ConsoleKit reads before any command (`--help`, `--yes`, `--no`, `--autocomplete`).
    static let globalFlags: Set<String> = ["--help", "-h", "--yes", "-y", "--no", "-n", "--autocomplete"]

    static func resolve(_ words: [String], in root: any AnyAsyncCommand) -> CommandLineRoute {
        let wantsHelp = words.contains("--help") || words.contains("-h")
        var rest = words.filter { !globalFlags.contains($0) }
        var path: [String] = []
        var node = root
        while true {
            if let alias = node as? SubcommandAlias {
                if rest.first == alias.word {
                    path.append(rest.removeFirst())
                    node = alias.alias
                } else {
                    node = alias.original
                }
            } else if let group = node as? any AsyncCommandGroup {
                guard let word = rest.first else {
                    if wantsHelp { return .help(path: path) }
                    guard let fallback = group.defaultCommand else { return .usage(path: path, .missingCommand) }
                    node = fallback
                    if path.isEmpty { path = ["serve"] }
                    continue
                }
                guard let next = group.commands[word] else {
                    return .usage(path: path, .unknownCommand(word, suggestion: suggestion(for: word, among: Array(group.commands.keys))))
                }
                rest.removeFirst()
                path.append(word)
                node = next
            } else {
                if wantsHelp { return .help(path: path) }
                guard let command = node as? any AsyncCommand else { return .run(path: path) }
                do {
                    try check(command, CommandInput(arguments: ["kansrijk"] + rest))
                    return .run(path: path)
                } catch let problem as CommandLineProblem {
                    return .usage(path: path, problem)
                } catch {
                    return .usage(path: path, .unknownInput(rest.joined(separator: " ")))
                }
            }
        }
    }

    /// What `AsyncCommand.run(using:)` checks before it runs, without running.
    private static func check<C: AsyncCommand>(_ command: C, _ input: CommandInput) throws {
        var input = input
        do {
            _ = try C.Signature(from: &input)
        } catch let error as CommandError {
            throw CommandLineProblem(error)
        }
        if let first = input.arguments.first { throw CommandLineProblem.unknownInput(first) }
    }

    /// The closest command name (at most two edits away), as ConsoleKit suggests it.
    static func suggestion(for word: String, among names: [String]) -> String? {
        names.map { ($0, distance($0, word)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let kept = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = kept
            }
        }
        return row[b.count]
    }
}

extension CommandLineProblem {
    /// ConsoleKit's parsing errors, said as usage problems.
    init(_ error: CommandError) {
        switch error {
        case .missingCommand: self = .missingCommand
        case .unknownCommand(let word, let available): self = .unknownCommand(word, suggestion: CommandLineRoute.suggestion(for: word, among: available))
        case .missingRequiredArgument(let name): self = .missingArgument(name)
        case .invalidArgumentType(let name, _), .invalidOptionType(let name, _): self = .invalidValue(name)
        case .unknownInput(let input): self = .unknownInput(input)
        }
    }
}
