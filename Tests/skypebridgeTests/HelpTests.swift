import Foundation
import SkypeBridgeTestSupport
import Testing

@Suite struct HelpTests {
    let binary = BinaryRunner()

    @Test func rootHelpListsEveryCommand() async throws {
        let result = try await binary.run(["--help"])
        #expect(result.status == 0)
        for command in ["login", "send", "listen", "bridge", "friends", "channels", "call", "interfaces", "config", "sandbox", "demo"] {
            #expect(result.stdout.contains("\n  \(command) "), "root help misses \(command)")
        }
    }

    @Test func rootHelpListsTheExitCodes() async throws {
        let result = try await binary.run(["--help"])
        for code in ["0 ", "1 ", "2 ", "65 ", "67 ", "69 ", "75 ", "77 ", "78 ", "130 "] {
            #expect(result.stdout.contains("\n  \(code)"), "exit code \(code) not listed")
        }
    }

    @Test func interfacesHelpListsItsSubcommands() async throws {
        let result = try await binary.run(["interfaces", "--help"])
        #expect(result.status == 0)
        for sub in ["list", "reload", "remove"] {
            #expect(result.stdout.contains("\n  \(sub) "))
        }
    }

    @Test(arguments: [
        ["bridge", "run"], ["friends", "accept"], ["channels", "sync"], ["call", "originate"],
        ["config", "check"], ["config", "show"],
    ])
    func groupsLeadToTheirLeafCommands(path: [String]) async throws {
        let result = try await binary.run(path + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: skypebridge \(path.joined(separator: " "))"))
    }

    /// Every runnable command teaches: an abstract, a discussion, and at least one example.
    @Test func everyLeafCommandHasAbstractDiscussionAndExample() async throws {
        let tree = try await CommandTree.load()
        let leaves = tree.allCommands.filter { ($0.command.subcommands ?? []).isEmpty && $0.path != ["help"] }
        #expect(leaves.count >= 14)
        for (path, command) in leaves {
            let name = path.joined(separator: " ")
            #expect(!(command.abstract ?? "").isEmpty, "\(name) has no abstract")
            #expect(command.discussion?.contains("Example") == true, "\(name) has no example in its discussion")
        }
    }

    /// Commands that print data accept --json.
    @Test(arguments: [
        ["login"], ["send"], ["friends", "accept"], ["channels", "sync"], ["call", "originate"],
        ["interfaces", "list"], ["interfaces", "reload"], ["sandbox"],
    ])
    func dataCommandsAcceptJSON(path: [String]) async throws {
        let result = try await binary.run(path + ["--help"])
        #expect(result.stdout.contains("--json"), "\(path.joined(separator: " ")) lacks --json")
    }
}
