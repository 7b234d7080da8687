/// Skype message ids are the message's arrival time in milliseconds, so two chats can each have
/// a message with the same id: a link is unique per (chat, message id), not per message id.
/// Under the first schema a new message that arrived in the same millisecond as an already
/// relayed one in another chat was taken for a replay and dropped, and its link could not be
/// written. SQLite cannot drop a column's constraint, so the table is rebuilt.
enum Migration002SkypeMessageIDsPerChat {
    static let sql = """
        CREATE TABLE message_link_new (
            id INTEGER PRIMARY KEY,
            skype_chat_id TEXT NOT NULL,
            skype_message_id TEXT NOT NULL,
            mattermost_post_id TEXT NOT NULL UNIQUE,
            created_at REAL NOT NULL,
            UNIQUE (skype_chat_id, skype_message_id)
        );
        INSERT INTO message_link_new (id, skype_chat_id, skype_message_id, mattermost_post_id, created_at)
            SELECT id, skype_chat_id, skype_message_id, mattermost_post_id, created_at FROM message_link;
        DROP TABLE message_link;
        ALTER TABLE message_link_new RENAME TO message_link;
        """
}
