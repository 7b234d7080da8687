import Foundation
import SkypeBridgeCore
import SkypeBridgeTestSupport
import Testing

/// `bridge run` through the real binary against the sandbox: what arrives where, once.
@Suite(.serialized) struct BridgeRunTests {
    @Test func aSkypeMessageReachesMattermostOnceAndRepliesComeBackAttributed() async throws {
        let fixture = try await BridgeRunFixture()
        let bridge = try await fixture.startBridge()
        try await fixture.skypeSays("alice", "Hello <b>bridge</b>")
        var channel = ""
        #expect(try await fixture.eventually {
            channel = try await fixture.channelID("skype-8-alice") ?? ""
            guard !channel.isEmpty else { return false }
            return try await fixture.livePosts(channel).count == 1
        })
        let relayed = try #require(try await fixture.livePosts(channel).first)
        #expect(relayed["message"] as? String == "Hello **bridge**")
        #expect((relayed["props"] as? [String: Any])?["override_username"] as? String == "Alice Archer")

        try await fixture.mattermostSays("mia", "thanks *alice*", in: "skype-8-alice")
        #expect(try await fixture.eventually { try await fixture.bridgeMessagesOnSkype().count == 1 })
        let reply = try await fixture.bridgeMessagesOnSkype().first?["content"] as? String ?? ""
        #expect(reply.hasPrefix("[ Mia ] thanks <i") && reply.hasSuffix(">alice</i>"), "\(reply)")

        let parent = relayed["id"] as? String ?? ""
        try await fixture.mattermostSays("mia", "in the thread", in: "skype-8-alice", rootID: parent)
        #expect(try await fixture.eventually { try await fixture.bridgeMessagesOnSkype().count == 2 })
        let quoted = try await fixture.bridgeMessagesOnSkype().last?["content"] as? String ?? ""
        #expect(quoted.contains("<quote"), "\(quoted)")
        #expect(quoted.hasPrefix("[ Mia ] ") && quoted.contains(">bridge</b>") && quoted.hasSuffix("in the thread"), "\(quoted)")

        try await Task.sleep(for: .seconds(2))
        #expect(try await fixture.livePosts(channel).count == 3, "no echo of the bridge's Skype messages")
        #expect(try await fixture.bridgeMessagesOnSkype().count == 2)

        let (status, health) = try await fixture.http("/healthz")
        #expect(status == 200 && health.contains("\"status\":\"ok\""), "\(health)")
        let (_, metrics) = try await fixture.http("/metrics")
        #expect(metrics.contains("skypebridge_relayed_total{direction=\"skype_to_mattermost\"} 1"), "\(metrics)")
        #expect(metrics.contains("skypebridge_relayed_total{direction=\"mattermost_to_skype\"} 2"), "\(metrics)")
        #expect(metrics.contains("skypebridge_relay_latency_seconds_count{direction=\"skype_to_mattermost\"} 1"))

        bridge.terminate()
        let result = await bridge.finish()
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func messagesLongerThanTheOtherSideAllowsArriveWholeAsSeveralMessagesInOrder() async throws {
        let fixture = try await BridgeRunFixture()
        let bridge = try await fixture.startBridge()
        defer { bridge.kill() }
        let words = (1...5_800).map { String(format: "w%05d", $0) }
        try await fixture.skypeSays("alice", words.joined(separator: " "))
        var channel = ""
        #expect(try await fixture.eventually {
            channel = try await fixture.channelID("skype-8-alice") ?? ""
            guard !channel.isEmpty else { return false }
            return try await fixture.livePosts(channel).count >= 3
        })
        let posts = try await fixture.livePosts(channel).compactMap { $0["message"] as? String }
        #expect(posts.count == 3, "40,000 characters in posts of at most 16,383")
        #expect(posts.allSatisfy { $0.unicodeScalars.count <= 16_383 })
        #expect(posts.joined(separator: " ").split(whereSeparator: \.isWhitespace).map(String.init) == words)

        let reply = (1...1_700).map { String(format: "r%05d", $0) }
        try await fixture.mattermostSays("mia", reply.joined(separator: " "), in: "skype-8-alice")
        #expect(try await fixture.eventually { try await fixture.bridgeMessagesOnSkype().count >= 2 })
        try await Task.sleep(for: .seconds(1))
        let messages = try await fixture.bridgeMessagesOnSkype().compactMap { $0["content"] as? String }
        #expect(messages.count == 2, "12,000 characters in Skype messages of at most 8,000")
        #expect(messages.allSatisfy { $0.hasPrefix("[ Mia ] ") && $0.unicodeScalars.count <= 8_000 })
        let received = messages.map { String($0.dropFirst("[ Mia ] ".count)) }.joined(separator: " ")
        #expect(received.split(whereSeparator: \.isWhitespace).map(String.init) == reply)
    }

    @Test func mentionsOfMappedPeopleBecomeMentionsOnTheOtherSide() async throws {
        let fixture = try await BridgeRunFixture(bridgeSettings: "[bridge.mentions]\n\"8:bob\" = \"@max\"")
        let bridge = try await fixture.startBridge()
        defer { bridge.kill() }
        try await fixture.skypeSays("alice", #"ask <at id="8:bob">Bob Builder</at> or <at id="8:carol">Carol</at>"#)
        var channel = ""
        #expect(try await fixture.eventually {
            channel = try await fixture.channelID("skype-8-alice") ?? ""
            guard !channel.isEmpty else { return false }
            return try await fixture.livePosts(channel).count == 1
        })
        #expect(try await fixture.livePosts(channel).first?["message"] as? String == "ask @max or @Carol")

        try await fixture.mattermostSays("mia", "@max please look, @mia too", in: "skype-8-alice")
        #expect(try await fixture.eventually { try await fixture.bridgeMessagesOnSkype().count == 1 })
        let relayed = try await fixture.bridgeMessagesOnSkype().first?["content"] as? String ?? ""
        #expect(relayed == #"[ Mia ] <at id="8:bob">bob</at> please look, @mia too"#, "\(relayed)")
    }

    @Test func aSkypeQuoteOfARelayedMessageBecomesAThreadReply() async throws {
        let fixture = try await BridgeRunFixture()
        let bridge = try await fixture.startBridge()
        defer { bridge.kill() }
        let id = try await fixture.skypeSays("alice", "the question")
        var channel = ""
        #expect(try await fixture.eventually {
            channel = try await fixture.channelID("skype-8-alice") ?? ""
            guard !channel.isEmpty else { return false }
            return try await fixture.livePosts(channel).count == 1
        })
        let root = try await fixture.livePosts(channel).first?["id"] as? String
        let seconds = (Int(id) ?? 0) / 1000
        try await fixture.skypeSays(
            "alice", "<quote author=\"alice\" authorname=\"Alice Archer\" timestamp=\"\(seconds)\" conversation=\"alice\">the question</quote>the answer")
        #expect(try await fixture.eventually { try await fixture.livePosts(channel).count == 2 })
        let reply = try await fixture.livePosts(channel).last
        #expect(reply?["root_id"] as? String == root)
        #expect(reply?["message"] as? String == "the answer")
    }

    @Test func editsAndDeletesGoBothWays() async throws {
        let fixture = try await BridgeRunFixture()
        let bridge = try await fixture.startBridge()
        defer { bridge.kill() }
        let alice = try fixture.skypeClient("alice")
        let sent = try await alice.send(SkypeChatID("8:bridge.bot"), content: "draft", messageType: "RichText")
        let skypeID = try #require(sent.id)
        var channel = ""
        #expect(try await fixture.eventually {
            channel = try await fixture.channelID("skype-8-alice") ?? ""
            guard !channel.isEmpty else { return false }
            return try await fixture.livePosts(channel).count == 1
        })
        try await alice.edit(SkypeChatID("8:bridge.bot"), message: skypeID, content: "final")
        #expect(try await fixture.eventually { try await fixture.livePosts(channel).first?["message"] as? String == "final" })
        try await alice.delete(SkypeChatID("8:bridge.bot"), message: skypeID)
        #expect(try await fixture.eventually { try await fixture.livePosts(channel).isEmpty })

        let mia = try fixture.miaClient()
        let post = try await mia.createPost(NewMattermostPost(channelID: MattermostChannelID(channel), message: "oops"))
        #expect(try await fixture.eventually { try await fixture.bridgeMessagesOnSkype().count == 1 })
        _ = try await mia.patchPost(id: post.id, message: "fixed")
        #expect(try await fixture.eventually { try await fixture.bridgeMessagesOnSkype().first?["content"] as? String == "[ Mia ] fixed" })
        try await mia.deletePost(id: post.id)
        #expect(try await fixture.eventually { try await fixture.bridgeMessagesOnSkype().isEmpty })
    }

    @Test func theBridgeAccountsOwnMessagesFromAnotherClientAreRelayedOnce() async throws {
        let fixture = try await BridgeRunFixture()
        let bridge = try await fixture.startBridge()
        defer { bridge.kill() }
        try await fixture.skypeSays("bridge.bot", "typed on my phone", to: "alice")
        var channel = ""
        #expect(try await fixture.eventually {
            channel = try await fixture.channelID("skype-8-alice") ?? ""
            guard !channel.isEmpty else { return false }
            return try await fixture.livePosts(channel).count == 1
        })
        #expect(try await fixture.livePosts(channel).first?["message"] as? String == "typed on my phone")
        try await Task.sleep(for: .seconds(2))
        #expect(try await fixture.livePosts(channel).count == 1)
        #expect(try await fixture.bridgeMessagesOnSkype().count == 1, "not echoed back to Skype")
    }

    @Test func groupChatsAreBridgedBothWays() async throws {
        let fixture = try await BridgeRunFixture()
        let bridge = try await fixture.startBridge()
        defer { bridge.kill() }
        try await fixture.skypeSays("bob", "hello team", to: BridgeRunFixture.teamChat)
        var channel = ""
        #expect(try await fixture.eventually {
            let state = try await ControlClient.call("GET", fixture.sandbox.controlURL("mattermost", "/state")) as? [String: Any]
            let found = (state?["channels"] as? [[String: Any]] ?? []).first { ($0["header"] as? String ?? "").contains(BridgeRunFixture.teamChat) }
            channel = found?["id"] as? String ?? ""
            guard !channel.isEmpty else { return false }
            return try await fixture.livePosts(channel).count == 1
        })
        let name = try await ControlClient.call("GET", fixture.sandbox.controlURL("mattermost", "/state")) as? [String: Any]
        let channelName = (name?["channels"] as? [[String: Any]] ?? []).first { $0["id"] as? String == channel }?["name"] as? String ?? ""
        try await fixture.mattermostSays("mia", "hi skype team", in: channelName)
        #expect(try await fixture.eventually {
            try await fixture.bridgeMessagesOnSkype(user: "bob", conversation: BridgeRunFixture.teamChat).count == 1
        })
        let content = try await fixture.bridgeMessagesOnSkype(user: "bob", conversation: BridgeRunFixture.teamChat).first?["content"] as? String
        #expect(content == "[ Mia ] hi skype team")
    }

    @Test func aRefusedMattermostTokenEndsWithTheAuthExitCode() async throws {
        let fixture = try await BridgeRunFixture()
        let tokenFile = fixture.sandbox.configPath + ".secrets/mattermost-token"
        try "not-a-token\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: tokenFile)
        let result = try await fixture.binary.run(fixture.sandbox.options + ["bridge", "run"])
        #expect(result.status == 77, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: "))
    }

    @Test func contactRequestsAreAcceptedAndGetAChannelWhenConfigured() async throws {
        let fixture = try await BridgeRunFixture(bridgeSettings: "auto_accept_friends = true")
        let bridge = try await fixture.startBridge()
        defer { bridge.kill() }
        #expect(try await fixture.eventually(timeout: .seconds(30)) { try await fixture.channelID("skype-8-carol") != nil })
        try await fixture.skypeSays("carol", "thanks for accepting")
        let channel = try #require(try await fixture.channelID("skype-8-carol"))
        #expect(try await fixture.eventually { try await fixture.livePosts(channel).count == 1 })
    }
}
