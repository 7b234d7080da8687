import Foundation
import Testing
@testable import SkypeBridgeCore

@Suite("Outbox worker")
struct OutboxWorkerTests {
    private func request(_ text: String, chat: BridgeChatID = "mm-alice", origin: String) -> OutboxRequest {
        OutboxRequest(
            action: .post, target: .mattermost,
            message: OutgoingMessage(transactionID: .derived(from: origin, for: .mattermost), chat: chat, body: text, senderName: "Alice"),
            origin: MessageOrigin(side: .skype, chat: "8:alice", id: RemoteMessageID(origin)))
    }

    @Test func failedSendsAreRetriedAndKeepTheirOrder() async throws {
        let bridge = try BridgeHarness()
        bridge.mattermost.failNextSends(3)
        try await bridge.worker.start()
        for index in 1...5 { try await bridge.worker.enqueue(request("m\(index)", origin: "\(index)")) }
        #expect(await eventually { bridge.mattermost.posted.count == 5 })
        #expect(bridge.mattermost.posted.map(\.message.body) == ["m1", "m2", "m3", "m4", "m5"])
        #expect(try Outbox(store: bridge.store).depth() == 0)
    }

    @Test func aFailingChatDoesNotHoldUpTheOthers() async throws {
        let bridge = try BridgeHarness()
        bridge.mattermost.failSends(to: "mm-broken")
        try await bridge.worker.start()
        try await bridge.worker.enqueue(request("stuck", chat: "mm-broken", origin: "1"))
        try await bridge.worker.enqueue(request("fine", chat: "mm-alice", origin: "2"))
        #expect(await eventually { bridge.mattermost.posted.count == 1 })
        #expect(bridge.mattermost.posted.first?.message.body == "fine")
        #expect(await eventually { (try? Outbox(store: bridge.store).depth()) == 1 })
        #expect(try Outbox(store: bridge.store).entry(.derived(from: "1", for: .mattermost))?.isPending == true)
    }

    @Test func aBacklogIsSentOnceInOrderWithItsLinksAndAnEditBehindItFindsItsCopy() async throws {
        let bridge = try BridgeHarness()
        let count = OutboxWorker.settleBatch * 2 + 7
        var backlog = (1...count).map { request("m\($0)", origin: "\($0)") }
        backlog.append(OutboxRequest(
            action: .edit, target: .mattermost,
            message: OutgoingMessage(transactionID: .derived(from: "edit", for: .mattermost), chat: "mm-alice", body: "m\(count) edited"),
            origin: MessageOrigin(side: .skype, chat: "8:alice", id: RemoteMessageID("\(count)"))))
        try await bridge.worker.enqueue(backlog)
        try await bridge.worker.start()
        #expect(await eventually { bridge.mattermost.edits.count == 1 })
        #expect(bridge.mattermost.posted.map(\.message.body) == (1...count).map { "m\($0)" })
        #expect(bridge.mattermost.edits.first?.0 == bridge.mattermost.posted.last?.id)
        #expect(try Outbox(store: bridge.store).depth() == 0)
        #expect(bridge.metrics.relayedCount(to: .mattermost) == count + 1)
        let links = MessageLinks(store: bridge.store)
        for (index, posted) in bridge.mattermost.posted.enumerated() {
            #expect(try links.link(of: RemoteMessageID("\(index + 1)"), in: "8:alice", on: .skype)?.mattermostPost == posted.id)
        }
    }

    @Test func queueingTheSameTransactionTwiceSendsOnce() async throws {
        let bridge = try BridgeHarness()
        try await bridge.worker.start()
        #expect(try await bridge.worker.enqueue(request("once", origin: "7")))
        #expect(try await bridge.worker.enqueue(request("once", origin: "7")) == false)
        #expect(await eventually { bridge.mattermost.posted.count == 1 })
        try await Task.sleep(for: .milliseconds(100))
        #expect(bridge.mattermost.posted.count == 1)
    }

    @Test func rowsOfAnEarlierRunAreSentAfterARestartUnlessTheyHadArrived() async throws {
        let directory = try TemporaryDirectory()
        let mattermost = FakeSide(kind: .mattermost)
        let arrived = request("arrived before the crash", origin: "1")
        let lost = request("never sent", origin: "2")
        do {
            let earlier = try BridgeHarness(directory: directory, mattermost: mattermost)
            try Outbox(store: earlier.store).enqueue(arrived, now: Date().addingTimeInterval(-5))
            try Outbox(store: earlier.store).enqueue(lost, now: Date().addingTimeInterval(-5))
        }
        mattermost.recordEarlierPost(arrived.message)
        let restarted = try BridgeHarness(directory: directory, mattermost: mattermost)
        try await restarted.worker.start()
        #expect(await eventually { (try? Outbox(store: restarted.store).depth()) == 0 })
        #expect(mattermost.posted.map(\.message.body) == ["arrived before the crash", "never sent"])
        let links = MessageLinks(store: restarted.store)
        #expect(try links.link(of: "1", in: "8:alice", on: .skype)?.mattermostPost == mattermost.posted[0].id)
        #expect(try links.link(of: "2", in: "8:alice", on: .skype)?.mattermostPost == mattermost.posted[1].id)
    }

    @Test func drainWaitsForPendingRowsThenStops() async throws {
        let bridge = try BridgeHarness()
        bridge.mattermost.failNextSends(2)
        try await bridge.worker.start()
        try await bridge.worker.enqueue(request("late", origin: "1"))
        #expect(await bridge.worker.drain(timeout: .seconds(5)) == 0)
        #expect(bridge.mattermost.posted.count == 1)
        #expect(try await bridge.worker.enqueue(request("after stop", origin: "2")))
        try await Task.sleep(for: .milliseconds(100))
        #expect(bridge.mattermost.posted.count == 1)
    }

    @Test func transactionIDsAreStableAndInTheFormEachSideTakes() {
        let skype = TransactionID.derived(from: "post|mattermost|abc", for: .skype)
        #expect(skype == TransactionID.derived(from: "post|mattermost|abc", for: .skype))
        #expect(skype.rawValue.count == 19 && skype.rawValue.allSatisfy(\.isNumber))
        #expect(TransactionID.derived(from: "x", for: .mattermost).rawValue.hasPrefix("sb"))
        #expect(TransactionID.derived(from: "x", for: .mattermost) != TransactionID.derived(from: "y", for: .mattermost))
    }

    @Test func metricsCountRelaysAndRenderPrometheusText() async throws {
        let bridge = try BridgeHarness()
        try await bridge.worker.start()
        try await bridge.worker.enqueue(request("m", origin: "1"))
        #expect(await eventually { bridge.metrics.relayedCount(to: .mattermost) == 1 })
        let text = bridge.metrics.render(outboxDepth: 0)
        #expect(text.contains("skypebridge_relayed_total{direction=\"skype_to_mattermost\"} 1"))
        #expect(text.contains("skypebridge_relay_latency_seconds_count{direction=\"skype_to_mattermost\"} 1"))
        #expect(text.contains("skypebridge_outbox_depth 0"))
    }

    @Test func submittedRowsAreDurableOnReturnAndEachIsSentOnce() async throws {
        let bridge = try BridgeHarness()
        try await bridge.worker.start()
        let outbox = Outbox(store: bridge.store)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 1...100 {
                group.addTask {
                    let submitted = request("concurrent \(index)", chat: BridgeChatID("mm-\(index % 3)"), origin: "c\(index)")
                    try await bridge.worker.submit(submitted)
                    #expect(try outbox.entry(submitted.message.transactionID) != nil)
                }
            }
            try await group.waitForAll()
        }
        for index in 1...20 { try await bridge.worker.submit(request("in order \(index)", origin: "s\(index)")) }
        #expect(await eventually { bridge.mattermost.posted.count == 120 })
        let bodies = bridge.mattermost.posted.map(\.message.body)
        #expect(Set(bodies).count == 120)
        #expect(bodies.filter { $0.hasPrefix("in order") } == (1...20).map { "in order \($0)" })
        #expect(await eventually { (try? outbox.depth()) == 0 })
    }

    @Test func aRowReadsBackAsTheRequestThatWroteIt() throws {
        let bridge = try BridgeHarness()
        let outbox = Outbox(store: bridge.store)
        let full = OutboxRequest(
            action: .edit, target: .skype,
            message: OutgoingMessage(
                transactionID: "1795343316123", chat: "19:abc@thread.skype", body: "<b>é</b> \"q\"\n😀", senderName: "Bob \\ B",
                replyTo: "1001", attachment: BridgeAttachment(side: .mattermost, reference: "file-1", name: "a.png", size: 1_234_567_890_123, isImage: true)),
            origin: MessageOrigin(side: .mattermost, chat: "chan", id: "post-1"))
        let bare = OutboxRequest(action: .post, target: .skype, message: OutgoingMessage(transactionID: "api-1", chat: "8:alice", body: "hi"))
        #expect(OutboxPayload.text(of: bare) == #"{"action":"post","message":{"body":"hi","chat":"8:alice","transactionID":"api-1"},"target":"skype"}"#)
        try outbox.enqueue([full, bare])
        #expect(try outbox.entry("1795343316123")?.request == full)
        #expect(try outbox.entry("api-1")?.request == bare)
        #expect(throws: OutboxPayload.Failure.self) { try OutboxPayload.request(from: #"{"action":"post","target":"skype"}"#) }
        #expect(throws: OutboxPayload.Failure.self) { try OutboxPayload.request(from: "not json") }
    }
}
