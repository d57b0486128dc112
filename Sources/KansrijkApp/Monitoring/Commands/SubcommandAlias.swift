import Vapor

/// Puts monitoring subcommands under the names the issue uses, `kansrijk import births FILE` and
/// `kansrijk demo births --years 2014-2023`, while every other use of `import` and `demo` goes to
/// the command that had the name before, untouched.
struct SubcommandAlias: AnyAsyncCommand {
    let word: String
    let alias: any AnyAsyncCommand
    let original: any AnyAsyncCommand

    var help: String { original.help + " (\(word): " + alias.help + ")" }

    func run(using context: inout CommandContext) async throws {
        if context.input.arguments.first == word {
            context.input.arguments.removeFirst()
            context.input.executablePath.append(word)
            try await alias.run(using: &context)
        } else {
            try await original.run(using: &context)
        }
    }

    func outputHelp(using context: inout CommandContext) throws {
        if context.input.arguments.first == word {
            context.input.arguments.removeFirst()
            context.input.executablePath.append(word)
            try alias.outputHelp(using: &context)
        } else {
            try original.outputHelp(using: &context)
        }
    }
}
