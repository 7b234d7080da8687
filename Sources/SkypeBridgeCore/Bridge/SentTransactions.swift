import Synchronization

/// The transactions the outbox worker sent lately, per target side: the echo guard recognises
/// their echoes without reading the outbox (the echo of every relay comes back to the bridge's
/// own account, usually within milliseconds). Older ones are forgotten; their echoes are then
/// looked up in the outbox as before.
public final class SentTransactions: Sendable {
    private struct Sent: Hashable, Sendable {
        var transaction: TransactionID
        var target: BridgeSideKind
    }

    private let recent: Mutex<RecentKeys<Sent>>

    /// Remembers up to `capacity` transactions.
    public init(capacity: Int = 8192) {
        recent = Mutex(RecentKeys(capacity: capacity))
    }

    /// Records that `transaction` was sent to `target`.
    public func insert(_ transaction: TransactionID, target: BridgeSideKind) {
        recent.withLock { _ = $0.insert(Sent(transaction: transaction, target: target)) }
    }

    /// Whether `transaction` was sent to `target` lately.
    public func contains(_ transaction: TransactionID, target: BridgeSideKind) -> Bool {
        recent.withLock { $0.contains(Sent(transaction: transaction, target: target)) }
    }
}
