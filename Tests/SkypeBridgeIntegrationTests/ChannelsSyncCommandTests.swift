import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SkypeBridgeTestSupport
import Testing

/// `channels sync` through the real binary against the sandbox.
@Suite(.serialized) struct ChannelsSyncCommandTests {
    let binary = BinaryRunner()

    /// The team's channels whose names start with `skype-`, by name (control API).
    func bridgedChannels(_ sandbox: SandboxProcess) async throws -> [String: [String: Any]] {
        let state = try await ControlClient.call("GET", sandbox.controlURL("mattermost", "/state")) as? [String: Any]
        let channels = state?["channels"] as? [[String: Any]] ?? []
        return Dictionary(
            channels.compactMap { channel in (channel["name"] as? String).flatMap { $0.hasPrefix("skype-") ? ($0, channel) : nil } },
            uniquingKeysWith: { first, _ in first })
    }

    /// A REST GET as the bridge bot (its token is in the secrets the sandbox wrote).
    func asBot(_ sandbox: SandboxProcess, _ path: String) async throws -> Any {
        let token = try String(contentsOfFile: sandbox.configPath + ".secrets/mattermost-token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var request = URLRequest(url: URL(string: (sandbox.urls["mattermost"]?["api"] ?? "") + path)!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONSerialization.jsonObject(with: data)
    }

    /// The live posts by the bot in town-square: the index post.
    func indexPosts(_ sandbox: SandboxProcess) async throws -> [[String: Any]] {
        let me = try await asBot(sandbox, "/users/me") as? [String: Any]
        let state = try await ControlClient.call("GET", sandbox.controlURL("mattermost", "/state")) as? [String: Any]
        let townSquare = (state?["channels"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "town-square" }
        let id = townSquare?["id"] as? String ?? ""
        let posts = try await ControlClient.call("GET", sandbox.controlURL("mattermost", "/channels/\(id)/posts")) as? [[String: Any]] ?? []
        return posts.filter {
            $0["user_id"] as? String == me?["id"] as? String && $0["type"] as? String == "" && ($0["delete_at"] as? Int ?? 0) == 0
        }
    }

    /// Whether the server would accept `name` for an open channel (mattermost.md §3).
    func isValidChannelName(_ name: String) -> Bool {
        name.range(of: #"^[a-z0-9]+([a-z\-\_0-9]+|(__)?)[a-z0-9]*$"#, options: .regularExpression) != nil && name.utf8.count <= 64
            && name.range(of: #"^[0-9a-f]{40}$"#, options: .regularExpression) == nil
    }

    @Test func syncCreatesValidChannelsAndOneIndexPostThenChangesNothing() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        try await ControlClient.call("POST", sandbox.controlURL("skype", "/messages"), body: ["from": "alice", "to": "bridge.bot", "content": "hi"])
        let first = try await binary.run(sandbox.options + ["channels", "sync"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("2 chats, 2 created, 0 updated, index created\n"), "\(first.stdout)")
        #expect(first.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        let channels = try await bridgedChannels(sandbox)
        #expect(channels.count == 2)
        let byChat = Dictionary(channels.values.map { (($0["header"] as? String) ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let alice = try #require(byChat.first { $0.key.contains("`8:alice`") }?.value)
        #expect(alice["display_name"] as? String == "Alice Archer")
        #expect(alice["name"] as? String == "skype-8-alice")
        let team = try #require(byChat.first { $0.key.contains("`19:0a1b2c3d4e5f60718293a4b5c6d7e8f9@thread.skype`") }?.value)
        #expect(team["display_name"] as? String == "Team chat")
        for name in channels.keys { #expect(isValidChannelName(name), "\(name)") }
        let teamID = alice["team_id"] as? String ?? ""
        let mine = try await asBot(sandbox, "/users/me/teams/\(teamID)/channels") as? [[String: Any]] ?? []
        #expect(Set(channels.keys).isSubset(of: Set(mine.compactMap { $0["name"] as? String })), "the bot is a member of every channel")
        let index = try await indexPosts(sandbox)
        #expect(index.count == 1)
        let message = index.first?["message"] as? String ?? ""
        #expect(message.contains("~skype-8-alice Alice Archer"))
        #expect(message.contains("Team chat"))

        let second = try await binary.run(sandbox.options + ["channels", "sync"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "2 chats, 0 created, 0 updated, index unchanged\n")
        #expect(try await indexPosts(sandbox).map { $0["id"] as? String } == index.map { $0["id"] as? String })
    }

    @Test func aNewChatIsPreviewedByDryRunThenAddedAndTheIndexEditedInPlace() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        #expect(try await binary.run(sandbox.options + ["channels", "sync"]).status == 0)
        let before = try await indexPosts(sandbox)
        try await ControlClient.call("POST", sandbox.controlURL("skype", "/threads"), body: ["creator": "alice", "members": ["bridge.bot", "bob"], "topic": "New plans"])

        let preview = try await binary.run(sandbox.options + ["channels", "sync", "--dry-run"])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("would create ~skype-19-"))
        #expect(preview.stdout.hasSuffix("dry run: 2 chats, 1 to create, 0 to update, index to update\n"), "\(preview.stdout)")
        #expect(try await bridgedChannels(sandbox).count == 1)
        let unchanged = try await indexPosts(sandbox)
        #expect(unchanged.map { $0["message"] as? String } == before.map { $0["message"] as? String })

        let sync = try await binary.run(sandbox.options + ["channels", "sync", "--json"])
        #expect(sync.status == 0, "\(sync.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(sync.stdout.utf8)) as? [String: Any]
        #expect(report?["created"] as? Int == 1)
        #expect(report?["unchanged"] as? Int == 1)
        #expect(report?["index"] as? String == "updated")
        let created = (report?["channels"] as? [[String: Any]] ?? []).first { $0["action"] as? String == "created" }
        #expect(created?["display_name"] as? String == "New plans")
        let after = try await indexPosts(sandbox)
        #expect(after.count == 1)
        #expect(after.first?["id"] as? String == before.first?["id"] as? String, "edited in place")
        #expect((after.first?["message"] as? String)?.contains("New plans") == true)
        #expect((after.first?["edit_at"] as? Int ?? 0) > 0)
        #expect(try await bridgedChannels(sandbox).count == 2)
    }

    @Test func aTerminalGetsAProgressBarOnStderr() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let command = ([binary.executable.path] + sandbox.options + ["channels", "sync"]).joined(separator: " ")
        let result = try await binary.runShell("script -qec '\(command)' /dev/null")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("] 1/1 chats"), "\(result.stdout)")
        #expect(result.stdout.contains("1 chat, 1 created, 0 updated, index created"))
    }

    @Test func aMissingIndexChannelIsNotFoundOnOneLine() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let result = try await binary.run(sandbox.options + ["channels", "sync", "--index-channel", "nowhere"])
        #expect(result.status == 67)
        #expect(result.stderr.hasPrefix("error: index channel 'nowhere' does not exist"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(result.stdout.isEmpty)
    }
}
