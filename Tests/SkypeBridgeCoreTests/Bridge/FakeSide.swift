import Foundation
import Synchronization
@testable import SkypeBridgeCore

/// An in-memory side: records what the bridge sends, can fail the next sends, echoes its own
/// sends back as events (as real services do), and emits whatever a test pushes.
final class FakeSide: BridgeSide, EditingSide, DeletingSide, ReconcilingSide, MessageFetchingSide, ContactAcceptingSide {
    struct Posted: Sendable, Hashable {
        var id: RemoteMessageID
        var message: OutgoingMessage
    }

    private struct State {
        var posted: [Posted] = []
        var edits: [(RemoteMessageID, String)] = []
        var deletes: [RemoteMessageID] = []
        var accepted: [BridgeChatID] = []
        var failNext = 0
        var failingChats: Set<BridgeChatID> = []
        var nextID = 1
        var stored: [RemoteMessageID: BridgeMessage] = [:]
    }

    let kind: BridgeSideKind
    private let echoes: Bool
    private let state = Mutex(State())
    private let stream: AsyncStream<BridgeEvent>
    private let continuation: AsyncStream<BridgeEvent>.Continuation

    init(kind: BridgeSideKind, echoes: Bool = true) {
        self.kind = kind
        self.echoes = echoes
        (stream, continuation) = AsyncStream<BridgeEvent>.makeStream()
    }

    func connect() async throws {}
    func events() -> AsyncStream<BridgeEvent> { stream }
    func disconnect() async { continuation.finish() }

    func send(_ message: OutgoingMessage) async throws -> RemoteMessageID {
        let id: RemoteMessageID = try state.withLock { state in
            if state.failingChats.contains(message.chat) { throw HTTPError.status(code: 503, body: "chat unavailable") }
            if state.failNext > 0 {
                state.failNext -= 1
                throw HTTPError.status(code: 503, body: "try later")
            }
            let id = RemoteMessageID("\(kind)-\(state.nextID)")
            state.nextID += 1
            state.posted.append(Posted(id: id, message: message))
            return id
        }
        if echoes {
            continuation.yield(.message(BridgeMessage(
                side: kind, chat: message.chat, id: id, sender: BridgeSender(id: "bridge", displayName: "Bridge", isBridgeAccount: true),
                text: FormattedText([.text(message.body)]), time: Date(), transactionID: message.transactionID)))
        }
        return id
    }

    func edit(_ id: RemoteMessageID, to message: OutgoingMessage) async throws {
        state.withLock { $0.edits.append((id, message.body)) }
    }

    func delete(_ id: RemoteMessageID, in chat: BridgeChatID) async throws {
        state.withLock { $0.deletes.append(id) }
    }

    func sentMessages(with transactions: Set<TransactionID>, in chat: BridgeChatID, since: Date) async throws -> [TransactionID: RemoteMessageID] {
        state.withLock { state in
            Dictionary(state.posted.filter { transactions.contains($0.message.transactionID) }.map { ($0.message.transactionID, $0.id) },
                       uniquingKeysWith: { first, _ in first })
        }
    }

    func message(_ id: RemoteMessageID, in chat: BridgeChatID) async throws -> BridgeMessage? {
        state.withLock { $0.stored[id] }
    }

    func acceptContact(_ chat: BridgeChatID) async throws {
        state.withLock { $0.accepted.append(chat) }
    }

    /// Pushes an event as if it happened on this side.
    func emit(_ event: BridgeEvent) { continuation.yield(event) }

    /// Makes `message` readable through ``message(_:in:)``.
    func store(_ message: BridgeMessage) { state.withLock { $0.stored[message.id] = message } }

    /// Records a post as if an earlier process had sent it (for reconciliation).
    func recordEarlierPost(_ message: OutgoingMessage) {
        state.withLock { state in
            state.posted.append(Posted(id: RemoteMessageID("\(kind)-earlier-\(state.nextID)"), message: message))
            state.nextID += 1
        }
    }

    func failNextSends(_ count: Int) { state.withLock { $0.failNext = count } }

    func failSends(to chat: BridgeChatID) { state.withLock { _ = $0.failingChats.insert(chat) } }

    var posted: [Posted] { state.withLock { $0.posted } }
    var edits: [(RemoteMessageID, String)] { state.withLock { $0.edits } }
    var deletes: [RemoteMessageID] { state.withLock { $0.deletes } }
    var accepted: [BridgeChatID] { state.withLock { $0.accepted } }
}
