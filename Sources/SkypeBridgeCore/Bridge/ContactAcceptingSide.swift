/// A side whose account receives contact requests (Skype).
public protocol ContactAcceptingSide: BridgeSide {
    /// Accepts the request of the person whose 1:1 chat is `chat`.
    func acceptContact(_ chat: BridgeChatID) async throws
}
