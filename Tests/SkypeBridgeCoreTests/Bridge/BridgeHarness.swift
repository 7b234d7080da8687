import Foundation
import Logging
@testable import SkypeBridgeCore

/// A router and outbox worker over two fake sides and a state file in a temporary directory.
struct BridgeHarness {
    let directory: TemporaryDirectory
    let store: StateStore
    let skype: FakeSide
    let mattermost: FakeSide
    let channels: MemoryChannelMap
    let worker: OutboxWorker
    let router: BridgeRouter
    let metrics = BridgeMetrics()
    let health = BridgeHealth()

    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    init(
        settings: BridgeSettings = BridgeSettings(), links: [BridgeChatID: BridgeChatID] = ["8:alice": "mm-alice"],
        directory: TemporaryDirectory? = nil, skype: FakeSide = FakeSide(kind: .skype), mattermost: FakeSide = FakeSide(kind: .mattermost)
    ) throws {
        self.directory = try directory ?? TemporaryDirectory()
        store = try StateStore(path: self.directory.file("state.sqlite"), logger: Self.logger)
        try store.commitWithoutFlushing()
        self.skype = skype
        self.mattermost = mattermost
        channels = MemoryChannelMap(links)
        worker = OutboxWorker(
            outbox: Outbox(store: store), links: MessageLinks(store: store), sides: [skype, mattermost], metrics: metrics,
            schedule: OutboxWorker.RetrySchedule(baseDelay: .milliseconds(20), maxDelay: .milliseconds(100)), logger: Self.logger)
        router = BridgeRouter(
            sides: [skype, mattermost], channels: channels, worker: worker, store: store, settings: settings, metrics: metrics,
            health: health, logger: Self.logger)
    }

    /// Starts the worker and the router; the returned task runs until cancelled.
    func start() async throws -> Task<Void, Never> {
        try await worker.start()
        let router = router
        return Task { await router.run() }
    }

    /// A message from a person on `side`.
    static func message(
        _ text: String, id: String, side: BridgeSideKind = .skype, chat: BridgeChatID = "8:alice", sender: String = "Alice",
        own: Bool = false, transaction: TransactionID? = nil, replyTo: RemoteMessageID? = nil, spans: [FormattedText.Span]? = nil
    ) -> BridgeMessage {
        BridgeMessage(
            side: side, chat: chat, id: RemoteMessageID(id), sender: BridgeSender(id: sender.lowercased(), displayName: sender, isBridgeAccount: own),
            text: FormattedText(spans ?? [.text(text)]), time: Date(), transactionID: transaction, replyTo: replyTo, version: text)
    }
}

/// Polls `condition` until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return try await condition()
}
