/// A post to create with ``MattermostClient/createPost(_:)``.
public struct NewMattermostPost: Sendable, Hashable {
    /// The channel to post in.
    public var channelID: MattermostChannelID
    /// The Markdown text (at most the server's `MaxPostSize`, 16383 runes by default).
    public var message: String
    /// The thread root to reply to; it must be a root post of the same channel.
    public var rootID: MattermostPostID?
    /// Files uploaded to the same channel with ``MattermostClient/uploadFile(channel:path:name:)`` (at most 10).
    public var fileIDs: [MattermostFileID]
    /// Properties stored with the post.
    public var props: [String: JSONValue]
    /// A de-duplication key: a retry with the same key within about 30 s returns the first post.
    public var pendingPostID: String?

    /// Creates a post to send.
    public init(
        channelID: MattermostChannelID, message: String, rootID: MattermostPostID? = nil, fileIDs: [MattermostFileID] = [],
        props: [String: JSONValue] = [:], pendingPostID: String? = nil
    ) {
        self.channelID = channelID
        self.message = message
        self.rootID = rootID
        self.fileIDs = fileIDs
        self.props = props
        self.pendingPostID = pendingPostID
    }
}
