import Vapor

/// The short usage printed with a usage error: one synopsis line per form of the command, its
/// subcommands when it is a group, and where the full help is.
enum CommandLineUsage {
    static func lines(for path: [String], in root: any AnyAsyncCommand, language: CommandLineLanguage) -> [String] {
        var node = root
        var walked: [String] = []
        for word in path {
            if let alias = node as? SubcommandAlias {
                if word == alias.word {
                    walked.append(word)
                    node = alias.alias
                    continue
                }
                node = alias.original
            }
            guard let group = node as? any AsyncCommandGroup, let next = group.commands[word] else { break }
            walked.append(word)
            node = next
        }
        let name = (["kansrijk"] + walked).joined(separator: " ")
        let label = language.pick("Gebruik:", "Usage:")
        var lines = synopses(of: node, name: name).map { "\(label) \($0)" }
        if let group = node as? any AsyncCommandGroup {
            lines.append(language.pick("Opdrachten: ", "Commands: ") + group.commands.keys.sorted().joined(separator: ", "))
        }
        lines.append(language.pick("Meer uitleg: \(name) --help", "More: \(name) --help"))
        return lines
    }

    private static func synopses(of node: any AnyAsyncCommand, name: String) -> [String] {
        if let alias = node as? SubcommandAlias {
            return synopses(of: alias.original, name: name) + synopses(of: alias.alias, name: "\(name) \(alias.word)")
        }
        if node is any AsyncCommandGroup { return ["\(name) <command>"] }
        guard let command = node as? any AsyncCommand else { return [name] }
        return [([name] + signatureWords(command)).joined(separator: " ")]
    }

    /// `<argument>`, `[--option <value>]` and `[--flag]`, read from the command's signature.
    private static func signatureWords<C: AsyncCommand>(_ command: C) -> [String] {
        Mirror(reflecting: C.Signature()).children.compactMap { child in
            let kind = String(describing: type(of: child.value))
            guard let name = Mirror(reflecting: child.value).children.first(where: { $0.label == "name" })?.value as? String else { return nil }
            if kind.hasPrefix("Argument<") { return "<\(name)>" }
            if kind.hasPrefix("Option<") { return "[--\(name) <value>]" }
            if kind == "Flag" { return "[--\(name)]" }
            return nil
        }
    }
}
