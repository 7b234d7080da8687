import Foundation

/// A conversation from the recent list (skype-web.md §5.2).
public struct SkypeConversation: Sendable, Equatable, Codable {
    /// The chat id.
    public var id: SkypeChatID
    /// The group topic; nil for 1:1 chats.
    public var topic: String?
    /// Whether the service marked it a group (it carries `threadProperties`).
    public var isGroup: Bool
    /// When its last message arrived, if it has one.
    public var lastActivity: Date?

    public init(id: SkypeChatID, topic: String?, isGroup: Bool, lastActivity: Date?) {
        self.id = id
        self.topic = topic
        self.isGroup = isGroup
        self.lastActivity = lastActivity
    }

    /// Reads a conversation object; nil without an id.
    init?(json: JSONValue) {
        guard let id = json["id"]?.string else { return nil }
        let thread = json["threadProperties"]
        self.init(
            id: SkypeChatID(id),
            topic: thread?["topic"]?.string,
            isGroup: thread != nil || SkypeChatID(id).isGroup,
            lastActivity: json["lastMessage"].flatMap(SkypeEventParser.message)?.arrival
        )
    }
}
