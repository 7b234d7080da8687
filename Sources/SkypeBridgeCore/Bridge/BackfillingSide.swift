import Foundation

/// A side that can read what happened while the bridge was not running.
public protocol BackfillingSide: BridgeSide {
    /// The events of `chat` after `since`, oldest first (new messages, and edits and deletes
    /// where the side's history shows them).
    func history(of chat: BridgeChatID, since: Date) async throws -> [BridgeEvent]

    /// The chats with activity after `since`, including ones the bridge has not seen yet.
    func activeChats(since: Date) async throws -> [BridgeChatID]
}
