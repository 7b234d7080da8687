/// What an outbox row asks for: post, edit or delete one message on one side.
public struct OutboxRequest: Sendable, Hashable {
    /// The kind of change.
    public enum Action: String, Sendable, Hashable {
        /// Post ``OutboxRequest/message``.
        case post
        /// Replace the text of the copy of ``OutboxRequest/origin``.
        case edit
        /// Delete the copy of ``OutboxRequest/origin``.
        case delete
    }

    /// The kind of change.
    public var action: Action
    /// The side it is made on.
    public var target: BridgeSideKind
    /// The message (for a delete, only its transaction id and chat matter).
    public var message: OutgoingMessage
    /// The message it copies on the other side; for a post it is linked to the copy once sent,
    /// for an edit or delete it finds the copy. Nil for messages that come from no chat (the
    /// HTTP send API): they are posted but never linked.
    public var origin: MessageOrigin?

    /// Creates a request.
    public init(action: Action, target: BridgeSideKind, message: OutgoingMessage, origin: MessageOrigin? = nil) {
        self.action = action
        self.target = target
        self.message = message
        self.origin = origin
    }
}

/// Where a relayed message came from.
public struct MessageOrigin: Sendable, Hashable {
    /// The side it was written on.
    public var side: BridgeSideKind
    /// The chat there.
    public var chat: BridgeChatID
    /// Its id there.
    public var id: RemoteMessageID

    /// Creates an origin.
    public init(side: BridgeSideKind, chat: BridgeChatID, id: RemoteMessageID) {
        self.side = side
        self.chat = chat
        self.id = id
    }
}
