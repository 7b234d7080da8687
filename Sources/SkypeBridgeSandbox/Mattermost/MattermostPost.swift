/// A post as the v4 API and the WebSocket `posted` event carry it.
struct MattermostPost: Codable, Sendable, Equatable {
    var id: MattermostPostID
    var createAt: Int64
    var updateAt: Int64
    var editAt: Int64 = 0
    var deleteAt: Int64 = 0
    var isPinned: Bool = false
    var userId: MattermostUserID
    var channelId: MattermostChannelID
    var rootId: MattermostPostID = .none
    var originalId: String = ""
    var message: String
    var type: String = ""
    var props: [String: MattermostJSON] = [:]
    var hashtags: String = ""
    var fileIds: [MattermostFileID] = []
    var pendingPostId: String = ""
    var replyCount: Int = 0
    var lastReplyAt: Int64 = 0
    var hasReactions: Bool? = nil
    var metadata: MattermostPostMetadata = .init()

    enum CodingKeys: String, CodingKey {
        case id, message, type, props, hashtags, metadata
        case createAt = "create_at", updateAt = "update_at", editAt = "edit_at", deleteAt = "delete_at"
        case isPinned = "is_pinned", userId = "user_id", channelId = "channel_id", rootId = "root_id"
        case originalId = "original_id", fileIds = "file_ids", pendingPostId = "pending_post_id"
        case replyCount = "reply_count", lastReplyAt = "last_reply_at", hasReactions = "has_reactions"
    }
}

/// The `metadata` of a post: the file infos of its attachments and its reactions.
struct MattermostPostMetadata: Codable, Sendable, Equatable {
    var files: [MattermostFileInfo]? = nil
    var reactions: [MattermostReaction]? = nil
}

/// `GET /channels/{id}/posts` and `GET /posts/{id}/thread`: ids newest first plus the posts by id.
struct MattermostPostList: Encodable, Sendable {
    var order: [MattermostPostID]
    var posts: [MattermostPostID: MattermostPost]
    var nextPostId: MattermostPostID = .none
    var prevPostId: MattermostPostID = .none
    var hasNext: Bool = false
    var firstInaccessiblePostTime: Int64 = 0

    enum CodingKeys: String, CodingKey {
        case order, posts
        case nextPostId = "next_post_id", prevPostId = "prev_post_id", hasNext = "has_next"
        case firstInaccessiblePostTime = "first_inaccessible_post_time"
    }
}
