import Foundation
import GRDB

/// The `outbox` table: durable pending relays. A row is written before its send (together with
/// the cursor of the event that caused it) and completed with the remote id after; a replayed
/// event yields the same transaction id, so writing it again changes nothing.
public struct Outbox: Sendable {
    private static let insert = """
        INSERT INTO outbox (transaction_id, direction, target, payload, state, attempts, next_attempt_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT(transaction_id) DO NOTHING
        """
    private static let columns = "id, transaction_id, direction, payload, state, attempts, next_attempt_at, remote_id, created_at"
    private static let pendingOfChat = """
        SELECT \(columns) FROM outbox WHERE state = 'pending' AND direction = ? AND target = ? ORDER BY id LIMIT ?
        """
    private static let pendingChats = "SELECT DISTINCT direction, target FROM outbox WHERE state = 'pending'"
    private static let byTransaction = "SELECT \(columns) FROM outbox WHERE transaction_id = ?"
    private static let finish = """
        UPDATE outbox SET state = ?, remote_id = ?, last_error = ?, updated_at = ? WHERE id = ? AND state = 'pending'
        """
    private static let postpone = """
        UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ? AND state = 'pending'
        """
    private static let upsertCursor = """
        INSERT INTO cursor (side, channel, position, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(side, channel) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
        WHERE CAST(excluded.position AS INTEGER) > CAST(cursor.position AS INTEGER)
        """
    private static let linkMessage = """
        INSERT INTO message_link (skype_chat_id, skype_message_id, mattermost_post_id, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT DO NOTHING
        """

    private let store: StateStore

    /// The outbox of `store`.
    public init(store: StateStore) { self.store = store }

    /// Writes a pending row for `request` and moves `cursors` forward, in one transaction.
    /// - Returns: false when a row with the same transaction id already exists (nothing written
    ///   but the cursors).
    @discardableResult
    public func enqueue(_ request: OutboxRequest, cursors: [CursorPosition] = [], now: Date = Date()) throws -> Bool {
        try enqueue([request], cursors: cursors, now: now)
    }

    /// Writes pending rows for `requests`, in order, and moves `cursors` forward, in one
    /// transaction (a message and the files that follow it are queued together or not at all).
    /// - Returns: whether any row was new.
    @discardableResult
    public func enqueue(_ requests: [OutboxRequest], cursors: [CursorPosition] = [], now: Date = Date()) throws -> Bool {
        let payloads = requests.map(OutboxPayload.text(of:))
        return try store.database.write { db in
            var inserted = false
            for (request, payload) in zip(requests, payloads) {
                try db.cachedStatement(sql: Self.insert).execute(
                    arguments: [request.message.transactionID.rawValue, request.target.rawValue, request.message.chat.rawValue, payload,
                                now.timeIntervalSince1970, now.timeIntervalSince1970, now.timeIntervalSince1970])
                inserted = inserted || db.changesCount > 0
            }
            for cursor in cursors { try Self.write(cursor, db, now: now) }
            return inserted
        }
    }

    /// Moves cursors forward (never back) without writing a row.
    public func advance(_ cursors: [CursorPosition], now: Date = Date()) throws {
        guard !cursors.isEmpty else { return }
        try store.database.write { db in
            for cursor in cursors { try Self.write(cursor, db, now: now) }
        }
    }

    /// The chats that have pending rows, per target side.
    public func pendingChats() throws -> [(side: BridgeSideKind, chat: BridgeChatID)] {
        try store.database.read { db in
            try Row.fetchAll(db, sql: Self.pendingChats).compactMap { row in
                guard let side = BridgeSideKind(rawValue: row[0]) else { return nil }
                return (side, BridgeChatID(row[1] as String))
            }
        }
    }

    /// The oldest pending rows for one chat, in send order.
    public func pending(for side: BridgeSideKind, chat: BridgeChatID, limit: Int = 64) throws -> [OutboxEntry] {
        try store.lookup { db in
            try Row.fetchAll(db.cachedStatement(sql: Self.pendingOfChat), arguments: [side.rawValue, chat.rawValue, limit]).map(Self.entry)
        }
    }

    /// The side the row with `transaction` was sent to, and the row itself while it is pending
    /// (the echo guard's question; a finished row's payload is not read). Nil without such a row.
    public func echo(of transaction: TransactionID) throws -> (target: BridgeSideKind, pending: OutboxEntry?)? {
        try store.lookup { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Self.byTransaction), arguments: [transaction.rawValue]),
                  let target = BridgeSideKind(rawValue: row["direction"])
            else { return nil }
            guard (row["state"] as String) == "pending" else { return (target, nil) }
            return (target, try Self.entry(row))
        }
    }

    /// The row with `transaction`, if any.
    public func entry(_ transaction: TransactionID) throws -> OutboxEntry? {
        try store.database.read { db in
            try Row.fetchOne(db.cachedStatement(sql: Self.byTransaction), arguments: [transaction.rawValue]).map(Self.entry)
        }
    }

    /// The number of pending rows.
    public func depth() throws -> Int {
        try store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE state = 'pending'") ?? 0 }
    }

    /// A sent row to mark done: the id the target gave, and the link from the copy to its origin.
    public struct Completion: Sendable {
        /// The row.
        public var entry: OutboxEntry
        /// The id the target gave the copy, if any.
        public var remoteID: RemoteMessageID?
        /// The link to write, for a new message.
        public var link: MessageLink?

        /// A completion of `entry`.
        public init(entry: OutboxEntry, remoteID: RemoteMessageID?, link: MessageLink?) {
            self.entry = entry
            self.remoteID = remoteID
            self.link = link
        }
    }

    /// Marks a pending row done with the id the target gave, and links the copy to its origin.
    /// - Returns: false when the row was no longer pending (completed by its echo, or by another attempt).
    @discardableResult
    public func complete(_ entry: OutboxEntry, remoteID: RemoteMessageID?, link: MessageLink?, now: Date = Date()) throws -> Bool {
        try !complete([Completion(entry: entry, remoteID: remoteID, link: link)], now: now).isEmpty
    }

    /// Marks sent rows done and writes their links, in one transaction.
    /// - Returns: the rows that were still pending (the others were completed by their echoes).
    public func complete(_ completions: [Completion], now: Date = Date()) throws -> [OutboxEntry] {
        guard !completions.isEmpty else { return [] }
        return try store.database.write { db in
            var changed: [OutboxEntry] = []
            for completion in completions {
                try db.cachedStatement(sql: Self.finish).execute(
                    arguments: ["done", completion.remoteID?.rawValue, nil, now.timeIntervalSince1970, completion.entry.id])
                if db.changesCount > 0 { changed.append(completion.entry) }
                if let link = completion.link {
                    try db.cachedStatement(sql: Self.linkMessage).execute(
                        arguments: [link.skypeChat.rawValue, link.skypeMessage.rawValue, link.mattermostPost.rawValue, now.timeIntervalSince1970])
                }
            }
            return changed
        }
    }

    /// Gives up on a row for good (the target refused it in a way a retry cannot fix).
    public func fail(_ entry: OutboxEntry, error: String, now: Date = Date()) throws {
        try store.database.write { db in
            try db.execute(sql: Self.finish, arguments: ["failed", nil, error, now.timeIntervalSince1970, entry.id])
        }
    }

    /// Counts a failed attempt and schedules the next one.
    public func retryLater(_ entry: OutboxEntry, at next: Date, error: String, now: Date = Date()) throws {
        try store.database.write { db in
            try db.execute(sql: Self.postpone, arguments: [next.timeIntervalSince1970, error, now.timeIntervalSince1970, entry.id])
        }
    }

    private static func write(_ cursor: CursorPosition, _ db: Database, now: Date) throws {
        let milliseconds = Int64((cursor.time.timeIntervalSince1970 * 1000).rounded())
        try db.cachedStatement(sql: upsertCursor).execute(arguments: [cursor.side.rawValue, cursor.chat.rawValue, String(milliseconds), now.timeIntervalSince1970])
    }

    private static func entry(_ row: Row) throws -> OutboxEntry {
        let payload: String = row["payload"]
        return OutboxEntry(
            id: row["id"],
            transactionID: TransactionID(row["transaction_id"] as String),
            request: try OutboxPayload.request(from: payload),
            state: row["state"],
            attempts: row["attempts"],
            nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]),
            remoteID: (row["remote_id"] as String?).map { RemoteMessageID($0) },
            createdAt: Date(timeIntervalSince1970: row["created_at"])
        )
    }
}
