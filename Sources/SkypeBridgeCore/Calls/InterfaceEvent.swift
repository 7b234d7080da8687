/// Something an ``InterfaceMonitor`` saw or did on an interface.
public enum InterfaceEvent: Sendable {
    /// The client attached (first time, or again after it was down).
    case attached(interface: String, user: String)
    /// The client could not be reached or attached, or the connection closed.
    case down(interface: String, reason: String)
    /// A call rings on the interface and is handled by `action` (`reject`, `answer`, or `busy`
    /// when the interface is on another call and the ring is rejected).
    case incomingCall(interface: String, call: SkypeCallID, from: String, displayName: String, action: String)
    /// A new STATUS of an incoming call being handled.
    case callStatus(interface: String, call: SkypeCallID, status: CallStatus)
    /// The remote party of a handled call pressed a key.
    case dtmf(interface: String, call: SkypeCallID, digit: String)
    /// A handled incoming call ended.
    case callEnded(interface: String, call: SkypeCallID, answered: Bool, audio: CallAudioLink.Result?)
    /// A chat message arrived on the interface (it is then marked read).
    case chat(InterfaceChatMessage)
    /// Someone asked to be authorized as a contact; `accepted` when `auto_accept_contacts` is on.
    case authorizationRequest(interface: String, from: String, text: String, accepted: Bool)
}

/// A chat message received on an interface (`CHATMESSAGE <id> STATUS RECEIVED`).
public struct InterfaceChatMessage: Sendable, Hashable {
    /// The interface it arrived on.
    public var interface: String
    /// The client's message id.
    public var id: String
    /// The chat's name (opaque, e.g. `#alice/$bob;0123abcd`).
    public var chat: String
    /// The sender's Skype name.
    public var from: String
    /// The sender's display name.
    public var fromName: String
    /// The text.
    public var body: String
    /// When it was sent, UNIX seconds, when the client said.
    public var timestamp: Int?
}
