/// A one-to-one or group conversation and its history.
struct SkypeWebConversation: Sendable, Codable {
    /// The storage key: the thread id for groups, `a|b` (sorted Skype names) for one-to-one chats.
    var key: String
    /// The thread id of a group, nil for one-to-one chats.
    var threadId: String?
    /// Members and their roles (`Admin` or `User`); both people for one-to-one chats.
    var members: [String: String]
    /// Thread properties (`topic`, `creator`, `createdat`, `joiningenabled`, `historydisclosed`, `moderatedthread`).
    var threadProperties: [String: String]
    /// Per-member conversation properties (`consumptionhorizon`, `alerts`, `clearedat`).
    var memberProperties: [String: [String: String]] = [:]
    /// Messages in arrival order.
    var messages: [SkypeWebMessage] = []
    /// Position of each message id in ``messages``.
    var messageIndex: [String: Int] = [:]
    /// Last activity, epoch ms; orders the conversation list.
    var version: Int64
    /// The last message id handed out.
    var lastMessageId: Int64 = 0

    var isGroup: Bool { threadId != nil }

    /// Storage key of the one-to-one conversation between `a` and `b`.
    static func pairKey(_ a: String, _ b: String) -> String {
        a <= b ? "\(a)|\(b)" : "\(b)|\(a)"
    }

    /// The id `viewer` uses for this conversation: the thread id, or `8:<other person>`.
    func id(for viewer: String) -> String {
        if let threadId { return threadId }
        let other = members.keys.first { $0 != viewer } ?? viewer
        return "8:\(other)"
    }

    /// Appends a message with the next unique id for `arrival` and returns it.
    mutating func append(_ message: SkypeWebMessage) -> SkypeWebMessage {
        var stored = message
        let id = max(message.arrival, lastMessageId + 1)
        lastMessageId = id
        stored.id = String(id)
        messageIndex[stored.id] = messages.count
        messages.append(stored)
        version = max(version, id)
        return stored
    }
}
