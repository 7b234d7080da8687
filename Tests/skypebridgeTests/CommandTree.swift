import Foundation
import SkypeBridgeTestSupport

/// The command tree as the binary describes it (`--experimental-dump-help`), for tests that
/// check help texts and generated docs against it.
struct CommandTree: Decodable {
    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var subcommands: [Command]?
        var arguments: [Argument]?
        var superCommands: [String]?
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }
        var kind: String
        var names: [Name]?
        var shouldDisplay: Bool
    }

    var command: Command

    /// Every command with its full path, root first.
    var allCommands: [(path: [String], command: Command)] {
        func walk(_ command: Command, _ path: [String]) -> [(path: [String], command: Command)] {
            [(path, command)] + (command.subcommands ?? []).flatMap { walk($0, path + [$0.commandName]) }
        }
        return walk(command, [])
    }

    static func load() async throws -> CommandTree {
        let result = try await BinaryRunner().run(["--experimental-dump-help"])
        return try JSONDecoder().decode(CommandTree.self, from: Data(result.stdout.utf8))
    }
}

/// The repository root, for reading checked-in generated files.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
