import ArgumentParser
import Foundation
import SkypeBridgeCore

/// A skypebridge subcommand: declares its options and implements `run(_:)`; the wrapper here
/// builds the shared ``CommandContext``, prints failures as one `error: …` line on stderr, and
/// maps them to the documented ``ExitCodes``.
protocol SkypeBridgeCommand: AsyncParsableCommand {
    /// `--config`, `--state`, `-v`/`-q`.
    var global: GlobalOptions { get }
    /// The command's work. Throw core errors; do not print them.
    func run(_ context: CommandContext) async throws
}

extension SkypeBridgeCommand {
    mutating func run() async throws {
        let context = CommandContext(global: global)
        do {
            try await run(context)
        } catch is OutputClosed {
            return
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let code = Self.exitCode(for: error)
            context.reportError(error)
            throw ExitCode(code.rawValue)
        }
    }

    static func exitCode(for error: any Error) -> ExitCodes {
        switch error {
        case let categorized as any CategorizedError: ExitCodes(category: categorized.category)
        case is CancellationError: .interrupted
        default: .failure
        }
    }
}
