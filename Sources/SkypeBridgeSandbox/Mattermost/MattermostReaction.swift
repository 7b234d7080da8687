/// An emoji reaction on a post (`POST /reactions`).
struct MattermostReaction: Codable, Sendable, Equatable {
    var userId: MattermostUserID
    var postId: MattermostPostID
    var emojiName: String
    var createAt: Int64
    var updateAt: Int64
    var deleteAt: Int64 = 0
    var remoteId: String = ""
    var channelId: MattermostChannelID

    enum CodingKeys: String, CodingKey {
        case userId = "user_id", postId = "post_id", emojiName = "emoji_name", createAt = "create_at"
        case updateAt = "update_at", deleteAt = "delete_at", remoteId = "remote_id", channelId = "channel_id"
    }
}
