import Foundation
@testable import SkypeBridgeCore
import SkypeBridgeSandbox
import Testing

@Suite("MattermostEventStream against the Mattermost emulator")
struct MattermostEventStreamTests {
    static let miaToken = "miapersonaltoken00000000000"

    /// A stream for `token` that backfills `channels` and reconnects after exactly `reconnectDelay`.
    func stream(
        _ server: MattermostTestServer, token: String = MattermostTestServer.botToken, channels: [MattermostChannelID] = [],
        reconnectDelay: Duration = .milliseconds(300)
    ) -> MattermostEventStream {
        MattermostEventStream(
            client: server.client(token: token), websocketURL: server.websocketURL, token: token, channels: { channels },
            options: .init(reconnect: .init(initialDelay: reconnectDelay, jitter: 0), pingInterval: .milliseconds(500)),
            logger: MattermostTestServer.logger)
    }

    @Test func eventsArriveInOrderAndUnusedEventsAreIgnored() async throws {
        try await MattermostTestServer.run { server in
            let bot = server.client()
            let mia = server.client(token: Self.miaToken)
            let team = try await bot.team(named: MattermostTestServer.team)
            let channel = try await server.createChannel("live")
            let events = stream(server)
            let recorder = MattermostEventRecorder(events)
            try await waitUntilConnected(events)
            let typist = stream(server, token: Self.miaToken)
            try await waitUntilConnected(typist)

            var posted: [MattermostPostID] = []
            for index in 0..<5 { posted.append(try await server.post(as: "mia", in: channel, "hello \(index)")) }
            let edited = try await mia.patchPost(id: posted[1], message: "hello 1 edited")
            try await mia.deletePost(id: posted[2])
            let max = try await bot.user(username: "max")
            try await bot.addMember(channel: channel, user: max.id)
            let created = try await bot.createChannel(team: team.id, name: "made-by-bot", displayName: "Made")
            await typist.sendTyping(channel: channel, parent: posted[0])
            _ = try await bot.patchChannel(id: channel, header: "a new header")
            let last = try await server.post(as: "mia", in: channel, "last")

            let miaID = try await mia.me().id
            let typing = MattermostEvent.typing(channelID: channel, userID: miaID, parentID: posted[0])
            let seen = await recorder.wait { $0.contains { $0.post?.id == last } && $0.contains(typing) }
            let lastPost = try await bot.post(id: last)
            #expect(seen.first == .posted(try await mia.post(id: posted[0])))
            let postEvents = seen.compactMap { event -> String? in
                switch event {
                case .posted(let post) where !post.isSystem: "posted \(post.message)"
                case .postEdited(let post): "edited \(post.message) \(post.updateAt == edited.updateAt)"
                case .postDeleted(let post): "deleted \(post.id == posted[2])"
                default: nil
                }
            }
            #expect(postEvents == [
                "posted hello 0", "posted hello 1", "posted hello 2", "posted hello 3", "posted hello 4",
                "edited hello 1 edited true", "deleted true", "posted last",
            ])
            #expect(seen.contains(.userAdded(channelID: channel, userID: max.id)))
            #expect(seen.contains(.channelCreated(channelID: created.id, teamID: team.id)))
            #expect(seen.contains { event in
                if case .posted(let post) = event { return post.isSystem && post.type == "system_header_change" }
                return false
            })
            #expect(seen.last(where: { $0.post != nil }) == .posted(lastPost))
            #expect(!seen.contains { if case .reconnected = $0 { true } else { false } })
            await events.close()
            await typist.close()
            await recorder.finished()
        }
    }

    @Test(arguments: ["faults/close-websockets", "faults/drop-websockets"])
    func reconnectResumesWithoutGapOrDuplicate(fault: String) async throws {
        try await MattermostTestServer.run { server in
            let channel = try await server.createChannel("resume")
            let events = stream(server, channels: [channel], reconnectDelay: .seconds(3))
            let recorder = MattermostEventRecorder(events)
            try await waitUntilConnected(events)
            let before = try await server.post(as: "mia", in: channel, "before")
            await recorder.wait { $0.contains { $0.post?.id == before } }

            try await server.control(.post, fault)
            var gap: [MattermostPostID] = []
            for index in 0..<3 { gap.append(try await server.post(as: "mia", in: channel, "gap \(index)")) }
            await recorder.wait { $0.contains(.reconnected(resumed: true)) }
            let after = try await server.post(as: "mia", in: channel, "after")
            let seen = await recorder.wait { $0.contains { $0.post?.id == after } }

            let lost = try #require(seen.firstIndex(of: .disconnected), "the lost socket is reported")
            #expect(lost < (seen.firstIndex(of: .reconnected(resumed: true)) ?? 0))
            let order = seen.filter { $0 != .disconnected }.map { event -> String in
                if case .reconnected(let resumed) = event { return "reconnected \(resumed)" }
                return event.post.map { "posted \($0.message)" } ?? "other"
            }
            #expect(order == ["posted before", "posted gap 0", "posted gap 1", "posted gap 2", "reconnected true", "posted after"])
            await events.close()
            await recorder.finished()
        }
    }

    @Test func reconnectWithLostResumeBufferBackfillsTheGapExactlyOnce() async throws {
        try await MattermostTestServer.run { server in
            let mia = server.client(token: Self.miaToken)
            let channel = try await server.createChannel("backfill")
            let quiet = try await server.createChannel("quiet")
            let events = stream(server, channels: [channel, quiet], reconnectDelay: .seconds(4))
            let recorder = MattermostEventRecorder(events)
            try await waitUntilConnected(events)
            let kept = try await server.post(as: "mia", in: channel, "kept")
            let removed = try await server.post(as: "mia", in: channel, "removed")
            await recorder.wait { $0.contains { $0.post?.id == removed } }

            try await server.closeWebSockets()
            let gap1 = try await server.post(as: "mia", in: channel, "gap 1")
            let gap2 = try await server.post(as: "mia", in: quiet, "gap 2")
            _ = try await mia.patchPost(id: kept, message: "kept, edited")
            try await mia.deletePost(id: removed)
            let gap3 = try await server.post(as: "mia", in: channel, "gap 3")
            try await server.loseResumeBuffers()

            await recorder.wait { $0.contains(.reconnected(resumed: false)) }
            let after = try await server.post(as: "mia", in: channel, "after")
            let seen = await recorder.wait { $0.contains { $0.post?.id == after } }

            let order = seen.filter { $0 != .disconnected }.map { event -> String in
                switch event {
                case .posted(let post): "posted \(post.message)"
                case .postEdited(let post): "edited \(post.message)"
                case .postDeleted(let post): "deleted \(post.message)"
                case .reconnected(let resumed): "reconnected \(resumed)"
                default: "other"
                }
            }
            #expect(order == [
                "posted kept", "posted removed",
                "edited kept, edited", "deleted removed", "posted gap 1", "posted gap 3", "posted gap 2", "reconnected false",
                "posted after",
            ])
            for id in [gap1, gap2, gap3] {
                #expect(seen.filter { $0.post?.id == id }.count == 1)
            }
            await events.close()
            await recorder.finished()
        }
    }

    @Test func challengeOnlyAuthenticationWorksAndEveryReconnectBackfills() async throws {
        try await MattermostTestServer.run { server in
            let channel = try await server.createChannel("challenge")
            let token = MattermostTestServer.botToken
            let events = MattermostEventStream(
                client: server.client(), websocketURL: server.websocketURL, token: token, channels: { [channel] },
                options: .init(reconnect: .init(initialDelay: .seconds(3), jitter: 0), authenticateOnUpgrade: false),
                logger: MattermostTestServer.logger)
            let recorder = MattermostEventRecorder(events)
            try await waitUntilConnected(events)
            let live = try await server.post(as: "mia", in: channel, "live")
            await recorder.wait { $0.contains { $0.post?.id == live } }
            try await server.closeWebSockets()
            let gap = try await server.post(as: "mia", in: channel, "gap")
            let seen = await recorder.wait { $0.contains(.reconnected(resumed: false)) }
            #expect(seen.compactMap { $0.post?.id } == [live, gap])
            #expect(seen.last == .reconnected(resumed: false))
            await events.close()
            await recorder.finished()
        }
    }

    @Test func refusedTokenNeverConnectsAndCloseStillEndsTheStream() async throws {
        try await MattermostTestServer.run { server in
            let events = stream(server, token: "refusedtoken00000000000000")
            let recorder = MattermostEventRecorder(events)
            try await Task.sleep(for: .milliseconds(700))
            #expect(!events.isConnected)
            await events.close()
            await recorder.finished()
            #expect(await recorder.events.isEmpty)
        }
    }

    @Test func connectsThroughASocksProxy() async throws {
        try await MattermostTestServer.run { server in
            let proxy = try TestSocksProxy(targetPort: server.baseURL.port!)
            let channel = try await server.createChannel("proxied")
            let settings = MattermostSettings(
                url: URL(string: "http://mattermost.invalid:8065")!, proxy: URL(string: "socks5h://127.0.0.1:\(proxy.port)")!)
            let events = MattermostEventStream(
                client: server.client(), websocketURL: try #require(settings.websocketURL), token: MattermostTestServer.botToken,
                channels: { [] }, options: .init(settings: settings), logger: MattermostTestServer.logger)
            let recorder = MattermostEventRecorder(events)
            try await waitUntilConnected(events)
            let post = try await server.post(as: "mia", in: channel, "via proxy")
            await recorder.wait { $0.contains { $0.post?.id == post } }
            #expect(proxy.destinations.contains("mattermost.invalid:8065"))
            await events.close()
            await recorder.finished()
        }
    }

    @Test(.timeLimit(.minutes(1))) func aStalledUpgradeIsAbandonedAndCloseStillReturns() async throws {
        try await MattermostTestServer.run { server in
            let stalled = try StalledServer()
            let events = MattermostEventStream(
                client: server.client(), websocketURL: URL(string: "ws://127.0.0.1:\(stalled.port)/api/v4/websocket")!,
                token: MattermostTestServer.botToken, channels: { [] },
                options: .init(reconnect: .init(initialDelay: .milliseconds(100), jitter: 0), connectTimeout: .milliseconds(200)),
                logger: MattermostTestServer.logger)
            let recorder = MattermostEventRecorder(events)
            try await Task.sleep(for: .milliseconds(800))
            #expect(!events.isConnected)
            let clock = ContinuousClock()
            let start = clock.now
            await events.close()
            await recorder.finished()
            #expect(clock.now - start < .seconds(10))
        }
    }

    @Test func closeEndsTheIteration() async throws {
        try await MattermostTestServer.run { server in
            let events = stream(server)
            let recorder = MattermostEventRecorder(events)
            try await waitUntilConnected(events)
            await events.close()
            await recorder.finished()
            #expect(!events.isConnected)
            #expect(try await server.onlineSockets() == 0)
        }
    }

    @Test func reconnectPolicyBacksOffExponentiallyWithJitterUpToTheCeiling() {
        let policy = MattermostReconnectPolicy(initialDelay: .seconds(1), maxDelay: .seconds(10), jitter: 0.5)
        #expect(policy.delay(afterFailures: 1) { 1 } == .seconds(1))
        #expect(policy.delay(afterFailures: 1) { 0 } == .milliseconds(500))
        #expect(policy.delay(afterFailures: 3) { 1 } == .seconds(4))
        #expect(policy.delay(afterFailures: 9) { 1 } == .seconds(10))
        #expect(policy.delay(afterFailures: 50) { 0 } == .seconds(5))
    }
}
