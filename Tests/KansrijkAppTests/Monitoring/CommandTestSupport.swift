import Foundation
import Vapor
@testable import KansrijkApp

/// A console that keeps what a command prints, so a test can read it.
final class RecordingConsole: Console, @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    private var info: [AnySendableHashable: any Sendable] = [:]

    /// Everything printed and reported, in order.
    var printed: String { lock.withLock { text } }
    var lines: [String] { printed.split(separator: "\n").map(String.init) }

    var userInfo: [AnySendableHashable: any Sendable] {
        get { lock.withLock { info } }
        set { lock.withLock { info = newValue } }
    }
    var size: (width: Int, height: Int) { (120, 40) }
    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) { lock.withLock { self.text += text.description + (newLine ? "\n" : "") } }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) { lock.withLock { text += error + (newLine ? "\n" : "") } }
}

/// Runs a command as `kansrijk ARGUMENTS...` would, against `app`; returns what it printed.
@discardableResult
func runCommand(_ command: any AnyAsyncCommand, _ arguments: [String], on app: Application,
                console: RecordingConsole = RecordingConsole()) async throws -> RecordingConsole {
    var context = CommandContext(console: console, input: CommandInput(arguments: ["kansrijk"] + arguments))
    context.application = app
    try await command.run(using: &context)
    return console
}
