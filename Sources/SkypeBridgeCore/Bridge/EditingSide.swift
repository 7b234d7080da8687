/// A side that can change the text of a message the bridge posted there.
public protocol EditingSide: BridgeSide {
    /// Replaces the text of `id` in `message.chat` with `message` (attribution applied as for a send).
    func edit(_ id: RemoteMessageID, to message: OutgoingMessage) async throws
}
