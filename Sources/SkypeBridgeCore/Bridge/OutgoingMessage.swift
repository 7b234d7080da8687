/// A message the router asks a side to post: already in the side's markup, attribution not
/// yet applied (the side applies it the way it can).
public struct OutgoingMessage: Sendable, Hashable {
    /// The relay's id; the side sends it along so the echo and a retry can be recognised.
    public var transactionID: TransactionID
    /// Where to post, on the receiving side.
    public var chat: BridgeChatID
    /// The text in the receiving side's markup (Skype RichText or Mattermost Markdown).
    public var body: String
    /// Who wrote it on the other side; nil posts the body as is.
    public var senderName: String?
    /// The message on the receiving side to thread it under (a Mattermost root post).
    public var replyTo: RemoteMessageID?
    /// A file to copy from the other side and post with the text (one per message).
    public var attachment: BridgeAttachment?

    /// Creates an outgoing message.
    public init(
        transactionID: TransactionID, chat: BridgeChatID, body: String, senderName: String? = nil, replyTo: RemoteMessageID? = nil,
        attachment: BridgeAttachment? = nil
    ) {
        self.transactionID = transactionID
        self.chat = chat
        self.body = body
        self.senderName = senderName
        self.replyTo = replyTo
        self.attachment = attachment
    }
}
