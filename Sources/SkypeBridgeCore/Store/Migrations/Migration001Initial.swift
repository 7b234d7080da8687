/// The first schema: every table DESIGN.md names.
enum Migration001Initial {
    static let sql = """
        -- Cached Skype credentials per account (skypetoken, registration token, endpoint, messaging host).
        -- refresh_owner/refresh_until let two processes agree who refreshes a token.
        CREATE TABLE account_token (
            account TEXT PRIMARY KEY NOT NULL,
            skypetoken TEXT,
            skypetoken_expires_at REAL,
            registration_token TEXT,
            registration_expires_at REAL,
            endpoint_id TEXT,
            messaging_host TEXT,
            refresh_owner TEXT,
            refresh_until REAL,
            updated_at REAL NOT NULL
        );

        -- Skype conversations the bridge knows about.
        CREATE TABLE chat (
            id TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL,
            display_name TEXT,
            updated_at REAL NOT NULL
        );

        -- One Mattermost channel per Skype chat, unique both ways.
        CREATE TABLE channel_link (
            skype_chat_id TEXT PRIMARY KEY NOT NULL,
            mattermost_channel_id TEXT NOT NULL UNIQUE,
            channel_name TEXT NOT NULL,
            created_at REAL NOT NULL
        );

        -- A relayed message: the Skype message id and the Mattermost post id, unique both ways,
        -- so a replayed event is a no-op.
        CREATE TABLE message_link (
            id INTEGER PRIMARY KEY,
            skype_chat_id TEXT NOT NULL,
            skype_message_id TEXT NOT NULL UNIQUE,
            mattermost_post_id TEXT NOT NULL UNIQUE,
            created_at REAL NOT NULL
        );
        CREATE INDEX message_link_chat ON message_link (skype_chat_id);

        -- Durable pending sends, written before the send and completed after it.
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            transaction_id TEXT NOT NULL UNIQUE,
            direction TEXT NOT NULL,
            target TEXT NOT NULL,
            payload TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL,
            remote_id TEXT,
            last_error TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE INDEX outbox_pending ON outbox (state, next_attempt_at);

        -- The last position seen per side and channel, for backfill after a reconnect.
        CREATE TABLE cursor (
            side TEXT NOT NULL,
            channel TEXT NOT NULL,
            position TEXT NOT NULL,
            updated_at REAL NOT NULL,
            PRIMARY KEY (side, channel)
        );

        -- Skype client API interfaces (calls) with their state and counters.
        CREATE TABLE interface (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            skype_user TEXT NOT NULL,
            endpoint TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'IDLE',
            inbound_failed INTEGER NOT NULL DEFAULT 0,
            inbound_total INTEGER NOT NULL DEFAULT 0,
            outbound_failed INTEGER NOT NULL DEFAULT 0,
            outbound_total INTEGER NOT NULL DEFAULT 0,
            current_call TEXT,
            busy_pid INTEGER,
            updated_at REAL NOT NULL
        );

        -- Calls placed or received through an interface.
        CREATE TABLE call (
            id INTEGER PRIMARY KEY,
            interface_name TEXT NOT NULL,
            remote_call_id TEXT,
            target TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('outbound', 'inbound')),
            state TEXT NOT NULL,
            outcome TEXT,
            bytes_in INTEGER NOT NULL DEFAULT 0,
            bytes_out INTEGER NOT NULL DEFAULT 0,
            started_at REAL NOT NULL,
            answered_at REAL,
            ended_at REAL
        );

        -- Small named values: the round-robin cursor, schema-independent settings.
        CREATE TABLE setting (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL,
            updated_at REAL NOT NULL
        );
        """
}
