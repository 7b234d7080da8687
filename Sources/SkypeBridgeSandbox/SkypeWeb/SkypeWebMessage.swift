/// A stored chat message. Content is kept byte-for-byte as the client sent it.
struct SkypeWebMessage: Sendable, Codable {
    /// Server id: a digit string (arrival epoch ms, bumped to stay unique within the conversation).
    var id: String
    /// The sender's MRI (`8:alice`), or the thread id for `ThreadActivity/*` messages.
    var sender: String
    var senderName: String
    var messageType: String
    var contentType: String
    var content: String
    var clientMessageId: String
    /// Real arrival time, epoch ms.
    var arrival: Int64
    var editTime: Int64?
    var deleteTime: Int64?
    var emoteOffset: String?
    var hasMentions: String?
}
