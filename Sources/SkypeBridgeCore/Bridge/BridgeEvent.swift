/// Something a side reports to the router.
public enum BridgeEvent: Sendable, Hashable {
    /// A new message.
    case message(BridgeMessage)
    /// A message got new text (the message carries the new text).
    case edited(BridgeMessage)
    /// A message was deleted.
    case deleted(BridgeMessage)
    /// Someone asked to become a contact of the bridge's account; `chat` is the 1:1 chat with them.
    case contactRequest(chat: BridgeChatID, displayName: String?)
    /// The side lost its connection; ``reconnected`` follows once it is back.
    case disconnected
    /// The side lost its connection and got it back (events in between were recovered by the side).
    case reconnected
}
