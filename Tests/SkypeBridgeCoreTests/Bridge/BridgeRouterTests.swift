import Foundation
import Testing
@testable import SkypeBridgeCore

@Suite("Bridge router")
struct BridgeRouterTests {
    @Test func skypeMessageReachesTheLinkedChannelOnceWithSenderAndFormatting() async throws {
        let bridge = try BridgeHarness()
        let task = try await bridge.start()
        defer { task.cancel() }
        let message = BridgeHarness.message("", id: "1001", spans: [.bold([.text("hi")])])
        bridge.skype.emit(.message(message))
        bridge.skype.emit(.message(message))
        #expect(await eventually { bridge.mattermost.posted.count == 1 })
        bridge.skype.emit(.message(message))
        try await Task.sleep(for: .milliseconds(200))
        let posted = try #require(bridge.mattermost.posted.first)
        #expect(bridge.mattermost.posted.count == 1)
        #expect(posted.message.chat == "mm-alice")
        #expect(posted.message.body == "**hi**")
        #expect(posted.message.senderName == "Alice")
    }

    @Test func theEchoOfARelayIsNotRelayedBack() async throws {
        let bridge = try BridgeHarness()
        let task = try await bridge.start()
        defer { task.cancel() }
        bridge.mattermost.emit(.message(BridgeHarness.message("hello", id: "post1", side: .mattermost, chat: "mm-alice", sender: "Mia")))
        #expect(await eventually { bridge.skype.posted.count == 1 })
        try await Task.sleep(for: .milliseconds(200))
        #expect(bridge.mattermost.posted.isEmpty)
        #expect(bridge.skype.posted.first?.message.body == "hello")
        #expect(try Outbox(store: bridge.store).depth() == 0)
    }

    @Test func ownAccountMessagesTypedElsewhereAreRelayedWhenEnabled() async throws {
        let bridge = try BridgeHarness()
        let task = try await bridge.start()
        defer { task.cancel() }
        bridge.skype.emit(.message(BridgeHarness.message("from my phone", id: "2001", sender: "Bridge Bot", own: true, transaction: "123")))
        #expect(await eventually { bridge.mattermost.posted.count == 1 })
        #expect(bridge.mattermost.posted.first?.message.senderName == "Bridge Bot")
    }

    @Test func healthFollowsEachSidesDisconnectsAndReconnects() async throws {
        let bridge = try BridgeHarness()
        bridge.health.set(.skype, connected: true)
        bridge.health.set(.mattermost, connected: true)
        let task = try await bridge.start()
        defer { task.cancel() }
        bridge.mattermost.emit(.disconnected)
        #expect(await eventually { !bridge.health.isHealthy })
        #expect(bridge.health.json(outboxDepth: 0).contains(#""mattermost":false"#))
        bridge.mattermost.emit(.reconnected)
        #expect(await eventually { bridge.health.isHealthy })
        bridge.skype.emit(.disconnected)
        #expect(await eventually { !bridge.health.isHealthy })
        bridge.skype.emit(.reconnected)
        #expect(await eventually { bridge.health.isHealthy })
        #expect(bridge.metrics.render(outboxDepth: 0).contains(#"skypebridge_reconnects_total{side="mattermost"} 1"#))
    }

    @Test func ownAccountMessagesAreDroppedWhenDisabled() async throws {
        let bridge = try BridgeHarness(settings: BridgeSettings(relayOwnMessages: false))
        let task = try await bridge.start()
        defer { task.cancel() }
        bridge.skype.emit(.message(BridgeHarness.message("from my phone", id: "2001", own: true)))
        bridge.skype.emit(.message(BridgeHarness.message("from alice", id: "2002")))
        #expect(await eventually { bridge.mattermost.posted.count == 1 })
        try await Task.sleep(for: .milliseconds(100))
        #expect(bridge.mattermost.posted.map(\.message.body) == ["from alice"])
    }

    @Test func systemPostsAndTheBotsOwnPostsAreNotRelayed() async throws {
        let bridge = try BridgeHarness()
        let task = try await bridge.start()
        defer { task.cancel() }
        var system = BridgeHarness.message("mia joined", id: "p1", side: .mattermost, chat: "mm-alice")
        system.isSystem = true
        bridge.mattermost.emit(.message(system))
        bridge.mattermost.emit(.message(BridgeHarness.message("bot says", id: "p2", side: .mattermost, chat: "mm-alice", own: true)))
        bridge.mattermost.emit(.message(BridgeHarness.message("mia says", id: "p3", side: .mattermost, chat: "mm-alice", sender: "Mia")))
        #expect(await eventually { bridge.skype.posted.count == 1 })
        try await Task.sleep(for: .milliseconds(100))
        #expect(bridge.skype.posted.map(\.message.body) == ["mia says"])
    }

    @Test func ignoredSendersAreNotRelayed() async throws {
        let bridge = try BridgeHarness(settings: BridgeSettings(ignoreSenders: ["Mia"]))
        let task = try await bridge.start()
        defer { task.cancel() }
        bridge.mattermost.emit(.message(BridgeHarness.message("ignored", id: "p1", side: .mattermost, chat: "mm-alice", sender: "Mia")))
        bridge.mattermost.emit(.message(BridgeHarness.message("relayed", id: "p2", side: .mattermost, chat: "mm-alice", sender: "Max")))
        #expect(await eventually { bridge.skype.posted.count == 1 })
        try await Task.sleep(for: .milliseconds(100))
        #expect(bridge.skype.posted.map(\.message.body) == ["relayed"])
    }

    @Test func editsAndDeletesReachTheCopy() async throws {
        let bridge = try BridgeHarness()
        let task = try await bridge.start()
        defer { task.cancel() }
        bridge.skype.emit(.message(BridgeHarness.message("first", id: "3001")))
        bridge.skype.emit(.edited(BridgeHarness.message("second", id: "3001")))
        bridge.skype.emit(.deleted(BridgeHarness.message("", id: "3001")))
        #expect(await eventually { bridge.mattermost.deletes.count == 1 })
        let copy = try #require(bridge.mattermost.posted.first?.id)
        #expect(bridge.mattermost.edits.map(\.0) == [copy])
        #expect(bridge.mattermost.edits.map(\.1) == ["second"])
        #expect(bridge.mattermost.deletes == [copy])
    }

    /// Skype message ids are arrival milliseconds: two chats can each have a message with the
    /// same id. Both are new messages, each relayed once, and an edit reaches its own copy.
    @Test func messagesOfTwoChatsWithTheSameSkypeIDAreBothRelayed() async throws {
        let bridge = try BridgeHarness()
        let task = try await bridge.start()
        defer { task.cancel() }
        bridge.skype.emit(.message(BridgeHarness.message("from alice", id: "1795374648357")))
        #expect(await eventually { bridge.mattermost.posted.count == 1 })
        bridge.skype.emit(.message(BridgeHarness.message("from bob", id: "1795374648357", chat: "8:bob", sender: "Bob")))
        bridge.skype.emit(.edited(BridgeHarness.message("from bob, edited", id: "1795374648357", chat: "8:bob", sender: "Bob")))
        #expect(await eventually { bridge.mattermost.edits.count == 1 })
        try await Task.sleep(for: .milliseconds(200))
        #expect(bridge.mattermost.posted.map(\.message.body) == ["from alice", "from bob"])
        #expect(bridge.mattermost.posted.map(\.message.chat) == ["mm-alice", "channel-for-8:bob"])
        #expect(bridge.mattermost.edits.map(\.0) == [bridge.mattermost.posted[1].id])
        #expect(bridge.mattermost.edits.map(\.1) == ["from bob, edited"])
    }

    @Test func mattermostReplyBecomesASkypeQuoteOfItsParent() async throws {
        let bridge = try BridgeHarness()
        let task = try await bridge.start()
        defer { task.cancel() }
        bridge.skype.emit(.message(BridgeHarness.message("the question", id: "1700000000123")))
        #expect(await eventually { bridge.mattermost.posted.count == 1 })
        let copy = try #require(bridge.mattermost.posted.first?.id)
        bridge.mattermost.store(BridgeHarness.message("the question", id: copy.rawValue, side: .mattermost, chat: "mm-alice", sender: "Alice"))
        bridge.mattermost.emit(.message(BridgeHarness.message("the answer", id: "p9", side: .mattermost, chat: "mm-alice", sender: "Mia", replyTo: copy)))
        #expect(await eventually { bridge.skype.posted.count == 1 })
        let body = try #require(bridge.skype.posted.first?.message.body)
        #expect(body.contains("<quote"))
        #expect(body.contains("timestamp=\"1700000000\""))
        #expect(body.contains("the question"))
        #expect(body.hasSuffix("the answer"))
    }

    @Test func skypeQuoteOfARelayedMessageBecomesAThreadReply() async throws {
        let bridge = try BridgeHarness()
        let task = try await bridge.start()
        defer { task.cancel() }
        bridge.skype.emit(.message(BridgeHarness.message("the question", id: "1700000000123")))
        #expect(await eventually { bridge.mattermost.posted.count == 1 })
        let copy = try #require(bridge.mattermost.posted.first?.id)
        let quote = FormattedText.Span.quote(QuoteSource(authorName: "Alice", timestamp: 1_700_000_000), [.text("the question")])
        bridge.skype.emit(.message(BridgeHarness.message("", id: "1700000005000", sender: "Bob", spans: [quote, .text("the answer")])))
        #expect(await eventually { bridge.mattermost.posted.count == 2 })
        let reply = bridge.mattermost.posted[1].message
        #expect(reply.replyTo == copy)
        #expect(reply.body == "the answer")
    }

    @Test func aNewSkypeChatGetsAChannelOnlyWhenAutoCreateIsOn() async throws {
        let on = try BridgeHarness()
        let off = try BridgeHarness(settings: BridgeSettings(autoCreateChannels: false))
        let tasks = [try await on.start(), try await off.start()]
        defer { tasks.forEach { $0.cancel() } }
        for bridge in [on, off] { bridge.skype.emit(.message(BridgeHarness.message("hi", id: "4001", chat: "8:bob", sender: "Bob"))) }
        #expect(await eventually { on.mattermost.posted.count == 1 })
        #expect(on.mattermost.posted.first?.message.chat == "channel-for-8:bob")
        try await Task.sleep(for: .milliseconds(100))
        #expect(off.mattermost.posted.isEmpty)
    }

    @Test func contactRequestsAreAcceptedAndGetAChannelWhenConfigured() async throws {
        let bridge = try BridgeHarness(settings: BridgeSettings(autoAcceptFriends: true))
        let task = try await bridge.start()
        defer { task.cancel() }
        bridge.skype.emit(.contactRequest(chat: "8:carol", displayName: "Carol"))
        #expect(await eventually { bridge.skype.accepted == ["8:carol"] })
        #expect(try await bridge.channels.mattermostChannel(for: "8:carol", name: nil, create: false) == "channel-for-8:carol")
    }

    @Test func contactRequestsAreLeftAloneByDefault() async throws {
        let bridge = try BridgeHarness()
        await bridge.router.handle(.contactRequest(chat: "8:carol", displayName: "Carol"), from: .skype)
        #expect(bridge.skype.accepted.isEmpty)
    }
}
