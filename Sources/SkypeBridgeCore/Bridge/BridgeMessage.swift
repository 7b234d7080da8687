import Foundation

/// A message as the router sees it, whichever side it came from: the neutral form every side
/// translates its wire messages into (matterbridge's `config.Message`, without the loose maps).
public struct BridgeMessage: Sendable, Hashable {
    /// The side it was written on.
    public var side: BridgeSideKind
    /// The chat it was written in.
    public var chat: BridgeChatID
    /// Its id on that side.
    public var id: RemoteMessageID
    /// Who wrote it.
    public var sender: BridgeSender
    /// Its text, formatting included.
    public var text: FormattedText
    /// When the side received it (or last changed it, for edits): the position the side's cursor
    /// moves to once it is handled.
    public var time: Date
    /// The transaction id it carries (Skype `clientmessageid`, Mattermost `pending_post_id` or
    /// the bridge's prop), which tells the bridge's own relays apart.
    public var transactionID: TransactionID?
    /// The message it replies to on the same side (a Mattermost thread root), if any.
    public var replyTo: RemoteMessageID?
    /// A name for the chat (the contact's name or the group's topic), for a channel made for it.
    public var chatName: String?
    /// Whether the side generated it (joins, header changes, calls): never relayed.
    public var isSystem: Bool
    /// Tells two versions of an edited message apart (edit time or a content digest).
    public var version: String
    /// Pictures and files shared with it.
    public var attachments: [BridgeAttachment]

    /// Creates a message.
    public init(
        side: BridgeSideKind, chat: BridgeChatID, id: RemoteMessageID, sender: BridgeSender, text: FormattedText, time: Date,
        transactionID: TransactionID? = nil, replyTo: RemoteMessageID? = nil, chatName: String? = nil, isSystem: Bool = false,
        version: String = "", attachments: [BridgeAttachment] = []
    ) {
        self.side = side
        self.chat = chat
        self.id = id
        self.sender = sender
        self.text = text
        self.time = time
        self.transactionID = transactionID
        self.replyTo = replyTo
        self.chatName = chatName
        self.isSystem = isSystem
        self.version = version
        self.attachments = attachments
    }
}
