import Vapor

/// `kansrijk config`: prints every setting Kansrijk reads from the environment, the value in effect
/// and whether it is the default, with passwords and tokens masked (issue 17). Opens no database:
/// the entry point runs it right after the settings are read.
struct ConfigCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Prints the effective settings (secrets masked)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let env = ProcessInfo.processInfo.environment
        let language = CommandLineLanguage(environment: env)
        let lines = try EffectiveSettings.list(env: env, settings: context.application.settings,
                                               workingDirectory: DirectoryConfiguration.detect().workingDirectory, language: language)
        context.console.print(EffectiveSettings.text(lines, language: language))
    }
}
