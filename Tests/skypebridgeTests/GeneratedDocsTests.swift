import Foundation
import SkypeBridgeTestSupport
import Testing

/// completions/ and man/ are generated from the command tree and checked in; these tests fail
/// when the tree changes without regenerating them.
@Suite struct GeneratedDocsTests {
    static let regenerate = "run `make docs` to regenerate completions/ and man/"

    @Test(arguments: [("bash", "skypebridge.bash"), ("zsh", "_skypebridge"), ("fish", "skypebridge.fish")])
    func completionScriptIsCurrent(shell: String, file: String) async throws {
        let generated = try await BinaryRunner().run(["--generate-completion-script", shell])
        #expect(generated.status == 0)
        let checkedIn = try String(contentsOf: repositoryRoot.appendingPathComponent("completions/\(file)"), encoding: .utf8)
        #expect(generated.stdout == checkedIn, "completions/\(file) is stale: \(Self.regenerate)")
    }

    /// The man page documents every command (with its abstract) and every visible option, and
    /// no option the binary no longer has.
    @Test func manPageMatchesTheCommandTree() async throws {
        let tree = try await CommandTree.load()
        let man = try String(contentsOf: repositoryRoot.appendingPathComponent("man/skypebridge.1"), encoding: .utf8)
        var treeOptions: Set<String> = []
        for (path, command) in tree.allCommands {
            if let name = path.last {
                #expect(man.contains(".It Em \(name)"), "man page misses command '\(path.joined(separator: " "))': \(Self.regenerate)")
            }
            if let abstract = command.abstract, !abstract.isEmpty {
                #expect(man.contains(abstract), "man page has an old abstract for '\(path.joined(separator: " "))': \(Self.regenerate)")
            }
            for argument in command.arguments ?? [] where argument.shouldDisplay {
                for name in argument.names ?? [] where name.kind == "long" {
                    treeOptions.insert(name.name)
                }
            }
        }
        let manOptions = Set(man.split(separator: "\n").filter { $0.hasPrefix(".It Fl ") }.flatMap { line in
            line.split(whereSeparator: { $0 == " " || $0 == "," })
                .filter { $0.hasPrefix("-") && $0.count > 1 }
                .map { String($0.dropFirst()) }
        })
        #expect(treeOptions.subtracting(manOptions).isEmpty, "options missing from the man page: \(treeOptions.subtracting(manOptions).sorted()); \(Self.regenerate)")
        #expect(manOptions.subtracting(treeOptions).isEmpty, "man page lists removed options: \(manOptions.subtracting(treeOptions).sorted()); \(Self.regenerate)")
    }

    @Test func manPageListsTheExitCodes() throws {
        let man = try String(contentsOf: repositoryRoot.appendingPathComponent("man/skypebridge.1"), encoding: .utf8)
        #expect(man.contains("78   invalid configuration"))
        #expect(man.contains("130  interrupted by SIGINT or SIGTERM"))
    }
}
