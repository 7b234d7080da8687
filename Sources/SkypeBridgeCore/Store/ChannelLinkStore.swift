import Foundation
import GRDB

/// The `channel_link` and `chat` tables: which Mattermost channel mirrors which Skype chat, and
/// the name each chat was last bridged under.
public struct ChannelLinkStore: Sendable {
    private static let selectLinks = """
        SELECT l.skype_chat_id, l.mattermost_channel_id, l.channel_name, c.display_name
        FROM channel_link l LEFT JOIN chat c ON c.id = l.skype_chat_id
        """
    private static let upsertChat = """
        INSERT INTO chat (id, kind, display_name, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, display_name = excluded.display_name, updated_at = excluded.updated_at
        """
    private static let insertLink = """
        INSERT INTO channel_link (skype_chat_id, mattermost_channel_id, channel_name, created_at) VALUES (?, ?, ?, ?)
        """

    /// A link with the display name its chat was last bridged under.
    public struct Entry: Sendable, Hashable {
        /// The link.
        public var link: ChannelLink
        /// The chat's display name when it was last created or updated (the id when unknown).
        public var displayName: String

        /// An entry for `link` under `displayName`.
        public init(link: ChannelLink, displayName: String) {
            self.link = link
            self.displayName = displayName
        }
    }

    private let store: StateStore

    /// The tables of `store`.
    public init(store: StateStore) { self.store = store }

    /// The link of `chat`, nil when it has none.
    public func entry(for chat: SkypeChatID) throws -> Entry? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: Self.selectLinks + " WHERE l.skype_chat_id = ?"), arguments: [chat.rawValue]).map(Self.entry)
        }
    }

    /// The link whose channel is `channel`, nil when none is.
    public func entry(for channel: MattermostChannelID) throws -> Entry? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: Self.selectLinks + " WHERE l.mattermost_channel_id = ?"), arguments: [channel.rawValue])
                .map(Self.entry)
        }
    }

    /// The link whose channel is named `name`, nil when none is.
    public func entry(named name: String) throws -> Entry? {
        try read { db in
            try Row.fetchOne(db, sql: Self.selectLinks + " WHERE l.channel_name = ?", arguments: [name]).map(Self.entry)
        }
    }

    /// Every link, ordered by channel name.
    public func entries() throws -> [Entry] {
        try read { db in
            try Row.fetchAll(db, sql: Self.selectLinks + " ORDER BY l.channel_name").map(Self.entry)
        }
    }

    /// Records `link` and its chat's kind and display name in one transaction.
    /// - Throws: ``StoreError`` when the chat or the channel is already linked elsewhere.
    public func insert(_ link: ChannelLink, chat: BridgedChat) throws {
        try save(newLinks: [Entry(link: link, displayName: chat.displayName)], chats: [])
    }

    /// Records the display name `chat` is now bridged under.
    public func updateChat(_ chat: BridgedChat) throws {
        try save(newLinks: [], chats: [chat])
    }

    /// Records new links (with their chats) and chats' new display names in one transaction,
    /// so a batch costs one disk sync; nothing is written when any row is refused.
    /// - Throws: ``StoreError`` when a chat or a channel is already linked elsewhere.
    public func save(newLinks: [Entry], chats: [BridgedChat]) throws {
        guard !newLinks.isEmpty || !chats.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        try write { db in
            for entry in newLinks {
                let chat = BridgedChat(id: entry.link.chat, displayName: entry.displayName)
                try db.execute(sql: Self.upsertChat, arguments: [chat.id.rawValue, chat.kind, chat.displayName, now])
                try db.execute(
                    sql: Self.insertLink, arguments: [entry.link.chat.rawValue, entry.link.channel.rawValue, entry.link.channelName, now])
            }
            for chat in chats {
                try db.execute(sql: Self.upsertChat, arguments: [chat.id.rawValue, chat.kind, chat.displayName, now])
            }
        }
    }

    /// Forgets the link of `chat` (its channel no longer exists); the chat row stays.
    public func removeLink(of chat: SkypeChatID) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM channel_link WHERE skype_chat_id = ?", arguments: [chat.rawValue])
        }
    }

    private static func entry(_ row: Row) -> Entry {
        let chat = SkypeChatID(row["skype_chat_id"] as String)
        return Entry(
            link: ChannelLink(chat: chat, channel: MattermostChannelID(rawValue: row["mattermost_channel_id"]), channelName: row["channel_name"]),
            displayName: row["display_name"] ?? chat.rawValue
        )
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try store.database.read(body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: store.path, message: error.message ?? error.description)
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try store.database.write(body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: store.path, message: error.message ?? error.description)
        }
    }
}
