import Foundation

/// One row of the `outbox` table.
public struct OutboxEntry: Sendable, Hashable {
    /// The row id; rows of one chat are sent in this order.
    public var id: Int64
    /// The relay's transaction id (unique).
    public var transactionID: TransactionID
    /// What to do.
    public var request: OutboxRequest
    /// `pending`, `done` or `failed`.
    public var state: String
    /// Failed attempts so far.
    public var attempts: Int
    /// Not to be tried before this.
    public var nextAttemptAt: Date
    /// The id the target side gave, once done.
    public var remoteID: RemoteMessageID?
    /// When it was written.
    public var createdAt: Date

    /// Whether it still has to be sent.
    public var isPending: Bool { state == "pending" }
}
