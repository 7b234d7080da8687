/// A side that can read one message by id (the parent of a reply, to quote it elsewhere).
public protocol MessageFetchingSide: BridgeSide {
    /// The message `id` in `chat`; nil when it does not exist (anymore).
    func message(_ id: RemoteMessageID, in chat: BridgeChatID) async throws -> BridgeMessage?
}
