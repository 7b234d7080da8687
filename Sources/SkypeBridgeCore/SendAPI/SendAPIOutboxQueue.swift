import Synchronization

/// The send API's queue in `bridge run`: each accepted request becomes an outbox row for the
/// Skype side, with the request id as its transaction id (so it is sent once, also after a
/// restart), in the row's chat lane (so sends to one chat keep their order).
///
/// The outbox worker exists only once the bridge is assembled, which happens after its routes
/// are given; ``bind(_:)`` supplies it before the listener starts.
public final class SendAPIOutboxQueue: SendAPIQueue {
    private let worker = Mutex<OutboxWorker?>(nil)

    /// Creates an unbound queue.
    public init() {}

    /// Gives the queue the bridge's outbox worker.
    public func bind(_ outbox: OutboxWorker) {
        worker.withLock { $0 = outbox }
    }

    /// The chat a recipient names: ids with a type prefix as they are, `live:` ids and bare Skype
    /// names as the `8:` chat with that person.
    public static func chat(for recipient: String) -> SkypeChatID {
        let prefixed = recipient.split(separator: ":", maxSplits: 1).first.map { $0.allSatisfy(\.isNumber) } ?? false
        return SkypeChatID(prefixed && recipient.contains(":") ? recipient : "8:" + recipient)
    }

    public func enqueue(_ request: SendAPIRequest, requestID: String) async throws {
        guard let outbox = worker.withLock({ $0 }) else { throw BridgeError.notRunning }
        let outgoing = request.outgoing
        var body = outgoing.content
        if outgoing.messageType == "Text" {
            var escaped: [UInt8] = []
            HTMLEntities.appendEscapedText(outgoing.content, to: &escaped)
            body = String(decoding: escaped, as: UTF8.self)
        }
        let message = OutgoingMessage(
            transactionID: TransactionID("api-" + requestID), chat: BridgeChatID(Self.chat(for: request.recipient).rawValue), body: body)
        try await outbox.submit(OutboxRequest(action: .post, target: .skype, message: message))
    }
}
