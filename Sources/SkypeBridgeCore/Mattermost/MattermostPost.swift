/// A Mattermost post, as the REST API and the event stream carry it.
public struct MattermostPost: Sendable, Hashable {
    /// The post id.
    public var id: MattermostPostID
    /// The channel it was posted in.
    public var channelID: MattermostChannelID
    /// The author.
    public var userID: MattermostUserID
    /// The thread's root post for a reply; nil for a root post (`""` on the wire).
    public var rootID: MattermostPostID?
    /// The Markdown text.
    public var message: String
    /// `""` for normal posts, `system_…` for system posts, `me`, `slack_attachment`, `custom_…`.
    public var type: String
    /// Free-form properties (`from_bot`, `override_username`, a bridge's own markers…).
    public var props: [String: JSONValue]
    /// Attached files.
    public var fileIDs: [MattermostFileID]
    /// The client-chosen de-duplication key the post was created with; nil when none.
    public var pendingPostID: String?
    /// Creation time, ms since the epoch.
    public var createAt: Int64
    /// Last change (edit, delete, reaction, reply), ms since the epoch.
    public var updateAt: Int64
    /// Last edit of the message or files, ms since the epoch; 0 when never edited.
    public var editAt: Int64
    /// Deletion time, ms since the epoch; 0 unless deleted.
    public var deleteAt: Int64

    /// Creates a post.
    public init(
        id: MattermostPostID, channelID: MattermostChannelID, userID: MattermostUserID, rootID: MattermostPostID? = nil, message: String,
        type: String = "", props: [String: JSONValue] = [:], fileIDs: [MattermostFileID] = [], pendingPostID: String? = nil,
        createAt: Int64 = 0, updateAt: Int64 = 0, editAt: Int64 = 0, deleteAt: Int64 = 0
    ) {
        self.id = id
        self.channelID = channelID
        self.userID = userID
        self.rootID = rootID
        self.message = message
        self.type = type
        self.props = props
        self.fileIDs = fileIDs
        self.pendingPostID = pendingPostID
        self.createAt = createAt
        self.updateAt = updateAt
        self.editAt = editAt
        self.deleteAt = deleteAt
    }

    /// Whether this is a system post (join/leave, header change…): its type starts with `system_`.
    public var isSystem: Bool { type.hasPrefix("system_") }
}
