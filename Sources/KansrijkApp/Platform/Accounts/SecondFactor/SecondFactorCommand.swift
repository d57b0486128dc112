import Fluent
import Vapor

/// `kansrijk second-factor require --organisation NAME on|off`: whether an organisation's care
/// professionals must sign in with a second factor (issue #13). Until issue #14 brings organisation
/// management to the browser, the operator sets it here.
struct SecondFactorCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "require") var action: String
        @Argument(name: "value", help: "on or off") var value: String
        @Option(name: "organisation", help: "Name of an existing organisation") var organisation: String?
    }
    var help: String { "Requires (on) or no longer requires (off) a second factor for an organisation's care professionals." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "require" else { throw CommandFailure(usage: "Unknown action '\(signature.action)'; use: second-factor require on|off --organisation NAME") }
        guard let on = ["on": true, "off": false][signature.value.lowercased()] else { throw CommandFailure(usage: "Say on or off, not '\(signature.value)'") }
        guard let name = signature.organisation,
              let organisation = try await Organisation.query(on: context.application.db).filter(\.$name == name).first() else {
            throw CommandFailure("--organisation must name an existing organisation")
        }
        organisation.requiresSecondFactor = on
        try await organisation.save(on: context.application.db)
        context.console.print("\(organisation.name): second factor \(on ? "required" : "no longer required") for care professionals.")
    }
}
