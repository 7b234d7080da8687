import Foundation

/// A side that can tell whether a send whose outcome is unknown (the process died, the
/// connection broke) actually arrived, so a retry does not post it twice.
public protocol ReconcilingSide: BridgeSide {
    /// The ids of the messages in `chat` since `since` that carry one of `transactions`.
    func sentMessages(with transactions: Set<TransactionID>, in chat: BridgeChatID, since: Date) async throws -> [TransactionID: RemoteMessageID]
}
