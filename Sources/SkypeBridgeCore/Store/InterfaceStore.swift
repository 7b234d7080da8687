import Foundation
import GRDB

/// The `interface` and `call` tables: every interface's state, counters and current call, and
/// the round-robin cursor, shared by every process through the state database.
///
/// Changes that decide who owns an interface run in `BEGIN IMMEDIATE` transactions, so two
/// processes never claim the same interface. A busy interface records its owner's pid; an owner
/// that died leaves a stale claim, which any later transaction here turns back into IDLE.
public struct InterfaceStore: Sendable {
    static let cursorKey = "interfaces.round_robin_cursor"
    static let loadedKey = "interfaces.loaded"
    static let selectAll = """
        SELECT i.*, c.direction AS call_direction, c.target AS call_target, c.remote_call_id AS call_remote_id
        FROM interface i LEFT JOIN call c ON c.id = CAST(i.current_call AS INTEGER)
        """

    let store: StateStore
    /// Tells whether a process is alive; injected so tests can fake dead owners.
    let isAlive: @Sendable (Int32) -> Bool

    /// The interfaces of `store`.
    public init(store: StateStore) {
        self.store = store
        isAlive = Self.processIsAlive
    }

    init(store: StateStore, isAlive: @escaping @Sendable (Int32) -> Bool) {
        self.store = store
        self.isAlive = isAlive
    }

    /// Whether `pid` names a running process.
    static func processIsAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Every interface in id order, with stale claims released first.
    public func all() throws -> [InterfaceRecord] {
        try immediate { db in
            try releaseStale(db)
            return try Self.fetchAll(db)
        }
    }

    /// The id where the next round-robin search starts (marked `*` in `interfaces list`); nil without interfaces.
    public func roundRobinCursor() throws -> InterfaceID? {
        try store.database.read { db in try Self.cursorPosition(db, interfaces: try Self.fetchAll(db)) }
    }

    /// Whether the configured interfaces were ever loaded into this database.
    public func isLoaded() throws -> Bool {
        try store.database.read { db in try Row.fetchOne(db, sql: "SELECT 1 FROM setting WHERE key = ?", arguments: [Self.loadedKey]) != nil }
    }

    /// The first load: adds every interface of `settings` unless a load happened before (a later
    /// change of the config is `interfaces reload`'s business).
    /// - Returns: whether this call loaded them.
    @discardableResult
    public func loadOnce(_ settings: [InterfaceSettings]) throws -> Bool {
        try immediate { db in
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM setting WHERE key = ?", arguments: [Self.loadedKey]) == nil else { return false }
            for interface in settings where try Self.fetchOne(db, name: interface.name) == nil {
                try Self.insert(db, interface)
            }
            try Self.setSetting(db, Self.loadedKey, "1")
            return true
        }
    }

    /// Adds a new interface.
    /// - Throws: ``CallError/duplicateInterface(_:)`` when the name exists.
    @discardableResult
    public func add(_ settings: InterfaceSettings) throws -> InterfaceRecord {
        try immediate { db in
            guard try Self.fetchOne(db, name: settings.name) == nil else { throw CallError.duplicateInterface(settings.name) }
            try Self.insert(db, settings)
            try Self.setSetting(db, Self.loadedKey, "1")
            return try Self.fetchOne(db, name: settings.name)!
        }
    }

    /// Removes an idle (or down) interface.
    /// - Throws: ``CallError/unknownInterface(_:)``, ``CallError/interfaceBusy(_:)``.
    public func remove(_ reference: InterfaceReference) throws -> InterfaceRecord {
        try immediate { db in
            try releaseStale(db)
            let interfaces = try Self.fetchAll(db)
            let found: InterfaceRecord? =
                switch reference {
                case let .id(id): interfaces.first { $0.id == id }
                case let .name(name): interfaces.first { $0.name == name }
                case let .skypeUser(user): interfaces.first { $0.skypeUser.lowercased() == user.lowercased() }
                }
            guard let found else { throw CallError.unknownInterface(reference.description) }
            guard !found.state.isBusy else { throw CallError.interfaceBusy(found.name) }
            try db.execute(sql: "DELETE FROM interface WHERE id = ?", arguments: [found.id.rawValue])
            return found
        }
    }

    /// Records the result of a live probe of an interface that no call owns: DOWN when it
    /// failed, IDLE when it attached. A busy interface is left alone.
    public func recordProbe(_ id: InterfaceID, attached: Bool) throws {
        try immediate { db in
            try db.execute(
                sql: "UPDATE interface SET state = ?, updated_at = ? WHERE id = ? AND busy_pid IS NULL",
                arguments: [(attached ? InterfaceState.idle : .down).rawValue, Date().timeIntervalSince1970, id.rawValue])
        }
    }

    // MARK: Helpers

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction (the write lock first, so the read that
    /// decides is never stale).
    func immediate<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try store.database.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw StoreError.database(path: store.path, message: error.message ?? error.description)
        }
    }

    /// Frees every interface whose owner process is gone; its call is closed as `abandoned`.
    func releaseStale(_ db: Database) throws {
        let owned = try Row.fetchAll(db, sql: "SELECT id, busy_pid, current_call FROM interface WHERE busy_pid IS NOT NULL")
        let now = Date().timeIntervalSince1970
        for row in owned {
            let pid: Int32 = row["busy_pid"]
            guard !isAlive(pid) else { continue }
            let id: Int64 = row["id"]
            if let call: String = row["current_call"] {
                try db.execute(
                    sql: "UPDATE call SET state = 'ENDED', outcome = 'abandoned', ended_at = ? WHERE id = ? AND ended_at IS NULL",
                    arguments: [now, Int64(call)])
            }
            try db.execute(
                sql: "UPDATE interface SET state = 'IDLE', busy_pid = NULL, current_call = NULL, updated_at = ? WHERE id = ?",
                arguments: [now, id])
        }
    }

    static func insert(_ db: Database, _ settings: InterfaceSettings) throws {
        try db.execute(
            sql: "INSERT INTO interface (name, skype_user, endpoint, state, updated_at) VALUES (?, ?, ?, 'IDLE', ?)",
            arguments: [settings.name, settings.skypeUser, settings.endpoint.description, Date().timeIntervalSince1970])
    }

    static func setSetting(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(
            sql: """
                INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """,
            arguments: [key, value, Date().timeIntervalSince1970])
    }

    static func fetchAll(_ db: Database) throws -> [InterfaceRecord] {
        try Row.fetchAll(db, sql: selectAll + " ORDER BY i.id").map(record)
    }

    static func fetchOne(_ db: Database, name: String) throws -> InterfaceRecord? {
        try Row.fetchOne(db, sql: selectAll + " WHERE i.name = ?", arguments: [name]).map(record)
    }

    static func fetchOne(_ db: Database, id: InterfaceID) throws -> InterfaceRecord? {
        try Row.fetchOne(db, sql: selectAll + " WHERE i.id = ?", arguments: [id.rawValue]).map(record)
    }

    /// The first interface whose id is at or after the stored cursor, wrapping to the first.
    static func cursorPosition(_ db: Database, interfaces: [InterfaceRecord]) throws -> InterfaceID? {
        let stored = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [cursorKey]).flatMap { Int64($0) } ?? 0
        return (interfaces.first { $0.id.rawValue >= stored } ?? interfaces.first)?.id
    }

    static func record(_ row: Row) -> InterfaceRecord {
        let direction: String? = row["call_direction"]
        return InterfaceRecord(
            id: InterfaceID(rawValue: row["id"]),
            name: row["name"],
            skypeUser: row["skype_user"],
            endpoint: row["endpoint"],
            state: InterfaceState(rawValue: row["state"]) ?? .idle,
            inboundFailed: row["inbound_failed"],
            inboundTotal: row["inbound_total"],
            outboundFailed: row["outbound_failed"],
            outboundTotal: row["outbound_total"],
            call: direction.map { InterfaceCall(direction: $0, partner: row["call_target"] ?? "", skypeCallID: row["call_remote_id"]) },
            ownerPID: row["busy_pid"]
        )
    }
}
