/// A file's metadata (`GET /files/{id}/info`); `postId` stays nil until a post attaches it.
struct MattermostFileInfo: Codable, Sendable, Equatable {
    var id: MattermostFileID
    var userId: MattermostUserID
    var postId: MattermostPostID?
    var channelId: MattermostChannelID
    var createAt: Int64
    var updateAt: Int64
    var deleteAt: Int64 = 0
    var name: String
    var `extension`: String
    var size: Int
    var mimeType: String
    var width: Int?
    var height: Int?
    var hasPreviewImage: Bool?
    var miniPreview: String? = nil
    var remoteId: String = ""
    var archived: Bool = false

    enum CodingKeys: String, CodingKey {
        case id, name, `extension`, size, width, height, archived
        case userId = "user_id", postId = "post_id", channelId = "channel_id", createAt = "create_at"
        case updateAt = "update_at", deleteAt = "delete_at", mimeType = "mime_type"
        case hasPreviewImage = "has_preview_image", miniPreview = "mini_preview", remoteId = "remote_id"
    }

    /// Whether the file is an image the server would make thumbnails for.
    var isImage: Bool { mimeType.hasPrefix("image/") }
}
