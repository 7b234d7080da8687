import Foundation
import GRDB

/// Reads the `message_link` table (rows are written by ``Outbox/complete(_:remoteID:link:now:)``).
public struct MessageLinks: Sendable {
    private static let bySkype = """
        SELECT skype_chat_id, skype_message_id, mattermost_post_id FROM message_link WHERE skype_chat_id = ? AND skype_message_id = ?
        """
    private static let byMattermost = "SELECT skype_chat_id, skype_message_id, mattermost_post_id FROM message_link WHERE mattermost_post_id = ?"
    private static let bySecond = """
        SELECT skype_chat_id, skype_message_id, mattermost_post_id FROM message_link
        WHERE skype_chat_id = ? AND CAST(skype_message_id AS INTEGER) BETWEEN ? AND ? ORDER BY CAST(skype_message_id AS INTEGER) LIMIT 1
        """

    private let store: StateStore

    /// The links of `store`.
    public init(store: StateStore) { self.store = store }

    /// The link of the message `id` of `side` in `chat`, if it was relayed. Skype message ids are
    /// arrival milliseconds, unique only within their chat; Mattermost post ids are unique.
    public func link(of id: RemoteMessageID, in chat: BridgeChatID, on side: BridgeSideKind) throws -> MessageLink? {
        try store.lookup { db in
            switch side {
            case .skype: try Row.fetchOne(db.cachedStatement(sql: Self.bySkype), arguments: [chat.rawValue, id.rawValue]).map(Self.link)
            case .mattermost: try Row.fetchOne(db.cachedStatement(sql: Self.byMattermost), arguments: [id.rawValue]).map(Self.link)
            }
        }
    }

    /// The linked Skype message of `chat` sent during the second `seconds` (Skype quotes name
    /// the quoted message only by its time, and Skype message ids are arrival milliseconds).
    public func skypeMessage(in chat: BridgeChatID, sentDuringSecond seconds: Int64) throws -> MessageLink? {
        try store.database.read { db in
            try Row.fetchOne(db.cachedStatement(sql: Self.bySecond), arguments: [chat.rawValue, seconds * 1000, seconds * 1000 + 999]).map(Self.link)
        }
    }

    private static func link(_ row: Row) -> MessageLink {
        MessageLink(
            skypeChat: BridgeChatID(row[0] as String), skypeMessage: RemoteMessageID(row[1] as String),
            mattermostPost: RemoteMessageID(row[2] as String))
    }
}
