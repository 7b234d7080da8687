import Foundation
import GRDB

/// The `account_token` table: cached Skype credentials per account, and the refresh lease that
/// keeps two processes (a running `bridge run` and a cron `send`) from refreshing at once.
public struct TokenCache: Sendable {
    private static let upsert = """
        INSERT INTO account_token (account, skypetoken, skypetoken_expires_at, registration_token,
            registration_expires_at, endpoint_id, messaging_host, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(account) DO UPDATE SET
            skypetoken = excluded.skypetoken, skypetoken_expires_at = excluded.skypetoken_expires_at,
            registration_token = excluded.registration_token, registration_expires_at = excluded.registration_expires_at,
            endpoint_id = excluded.endpoint_id, messaging_host = excluded.messaging_host, updated_at = excluded.updated_at
        """
    private static let select = """
        SELECT account, skypetoken, skypetoken_expires_at, registration_token, registration_expires_at,
            endpoint_id, messaging_host FROM account_token WHERE account = ? AND skypetoken IS NOT NULL
        """
    private static let claimLease = """
        INSERT INTO account_token (account, refresh_owner, refresh_until, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(account) DO UPDATE SET refresh_owner = excluded.refresh_owner, refresh_until = excluded.refresh_until
        WHERE account_token.refresh_owner IS NULL OR account_token.refresh_until < ? OR account_token.refresh_owner = excluded.refresh_owner
        """
    private static let releaseLease = "UPDATE account_token SET refresh_owner = NULL, refresh_until = NULL WHERE account = ? AND refresh_owner = ?"

    private let store: StateStore

    /// A cache over `store`.
    public init(store: StateStore) { self.store = store }

    /// The cached credentials of `account`, nil when none are cached.
    public func load(_ account: SkypeUserID) throws -> SkypeCredentials? {
        try store.database.read { db in
            try Row.fetchOne(db, sql: Self.select, arguments: [account.rawValue]).map { row in
                SkypeCredentials(
                    userID: SkypeUserID(row["account"] as String),
                    skypeToken: row["skypetoken"],
                    skypeTokenExpiry: Date(timeIntervalSince1970: row["skypetoken_expires_at"] ?? 0),
                    registrationToken: row["registration_token"],
                    registrationExpiry: (row["registration_expires_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                    endpointID: row["endpoint_id"],
                    messagingHost: row["messaging_host"] ?? ""
                )
            }
        }
    }

    /// The accounts with cached credentials.
    public func accounts() throws -> [SkypeUserID] {
        try store.database.read { db in
            try String.fetchAll(db, sql: "SELECT account FROM account_token WHERE skypetoken IS NOT NULL ORDER BY account")
        }.map { SkypeUserID($0) }
    }

    /// Caches `credentials`, replacing what the account had.
    public func save(_ credentials: SkypeCredentials) throws {
        let arguments: StatementArguments = [
            credentials.userID.rawValue, credentials.skypeToken, credentials.skypeTokenExpiry.timeIntervalSince1970,
            credentials.registrationToken, credentials.registrationExpiry?.timeIntervalSince1970,
            credentials.endpointID, credentials.messagingHost, Date().timeIntervalSince1970,
        ]
        try store.database.write { db in
            try db.execute(sql: Self.upsert, arguments: arguments)
        }
    }

    /// Forgets the account's credentials.
    /// - Returns: whether anything was cached.
    @discardableResult
    public func delete(_ account: SkypeUserID) throws -> Bool {
        try store.database.write { db in
            try db.execute(sql: "DELETE FROM account_token WHERE account = ?", arguments: [account.rawValue])
            return db.changesCount > 0
        }
    }

    /// Tries to become the one process that refreshes `account`'s tokens for `duration`.
    /// - Returns: true when `owner` holds the lease (newly or already); false when another
    ///   live owner does, in which case wait and re-read the cache instead of refreshing.
    public func acquireRefreshLease(_ account: SkypeUserID, owner: String, duration: TimeInterval, now: Date = Date()) throws -> Bool {
        let until = now.addingTimeInterval(duration).timeIntervalSince1970
        let arguments: StatementArguments = [account.rawValue, owner, until, now.timeIntervalSince1970, now.timeIntervalSince1970]
        return try store.database.write { db in
            try db.execute(sql: Self.claimLease, arguments: arguments)
            let holder = try String.fetchOne(db, sql: "SELECT refresh_owner FROM account_token WHERE account = ?", arguments: [account.rawValue])
            return holder == owner
        }
    }

    /// Gives up a lease `owner` holds; a no-op otherwise.
    public func releaseRefreshLease(_ account: SkypeUserID, owner: String) throws {
        try store.database.write { db in
            try db.execute(sql: Self.releaseLease, arguments: [account.rawValue, owner])
        }
    }
}
