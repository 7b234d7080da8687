/// Who wrote a quoted message, and when, as far as the markup says.
public struct QuoteSource: Sendable, Hashable {
    /// The Skype user id of the author without the `8:` prefix (`joe.4`), when known.
    public var authorID: String?
    /// The display name of the author (`Joe Bloggs`), when known.
    public var authorName: String?
    /// The Skype conversation the quote comes from (a bare user id or a `19:` thread id), when known.
    public var conversation: String?
    /// When the quoted message was sent, in seconds since 1970 (UTC), when known.
    public var timestamp: Int64?

    /// Creates a quote source; every part is optional.
    public init(authorID: String? = nil, authorName: String? = nil, conversation: String? = nil, timestamp: Int64? = nil) {
        self.authorID = authorID
        self.authorName = authorName
        self.conversation = conversation
        self.timestamp = timestamp
    }

    /// The name to show for the author: the display name, else the user id.
    var displayName: String? {
        if let authorName, !authorName.isEmpty { return authorName }
        if let authorID, !authorID.isEmpty { return authorID }
        return nil
    }
}
