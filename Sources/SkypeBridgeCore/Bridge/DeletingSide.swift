/// A side that can delete a message the bridge posted there.
public protocol DeletingSide: BridgeSide {
    /// Deletes `id` in `chat`; deleting what is already gone is not an error.
    func delete(_ id: RemoteMessageID, in chat: BridgeChatID) async throws
}
