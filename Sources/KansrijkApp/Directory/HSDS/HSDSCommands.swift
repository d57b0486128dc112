import Vapor

struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Imports data." }
    func run(using context: CommandContext, signature: Signature) async throws {}
}

struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Exports data." }
    func run(using context: CommandContext, signature: Signature) async throws {}
}
