import Foundation
import GRDB
import Logging

/// The local SQLite state shared by every skypebridge command: tokens, chat ↔ channel links,
/// message links, the durable outbox, cursors, interfaces and calls.
///
/// One file, opened in WAL mode with a busy timeout, so a long-running `bridge run` and a cron
/// `send` can use it at the same time. The file is created `0600` inside a `0700` directory,
/// and tightened (with a warning) when found looser. Opening runs every pending migration.
/// How the file is shared inside the process is ``Access``.
public final class StateStore: Sendable {
    /// How long a writer waits for another process's write lock before failing.
    public static let busyTimeout: TimeInterval = 10

    /// The path of the SQLite file.
    public let path: String
    /// How a process shares the state file among its own tasks.
    public enum Access: Sendable {
        /// One connection for everything, for a command that runs and exits (`send`, `login`,
        /// `friends accept` from cron). Opening writes nothing and a run that only reads leaves
        /// the files as they were, with no flush to disk: a connection pool's first writer
        /// creates the write-ahead log with a transaction (so that its readers can open), and
        /// the last connection to close checkpoints and deletes it again — four `fdatasync`s and
        /// a file created and removed on every run (a `send` took 22.9 ms with a pool, 19.0 ms
        /// with one connection).
        case single
        /// A writer and concurrent readers (GRDB's pool), for long-running commands whose tasks
        /// read while another writes (`bridge run`, `listen`).
        case concurrent
    }

    /// The underlying GRDB connection (``Access``). Table query objects use it.
    public let database: any DatabaseWriter

    /// Opens (creating if needed) the state file at `path` and migrates it to the latest schema.
    /// - Parameters:
    ///   - path: the SQLite file; its directory is created `0700` when missing.
    ///   - ownsDirectory: whether the directory is skypebridge's own (the XDG default), so a
    ///     looser existing one is tightened to `0700`; a directory the user chose is created
    ///     `0700` when missing but otherwise left alone.
    ///   - access: one connection, or a pool with concurrent readers.
    ///   - logger: receives a warning when permissions had to be tightened.
    /// - Throws: ``StoreError`` when the file cannot be created, opened or migrated.
    public init(path: String, ownsDirectory: Bool = true, access: Access = .concurrent, logger: Logger) throws {
        self.path = path
        try StatePermissions.prepare(path: path, tightenExistingDirectory: ownsDirectory, logger: logger)
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "skypebridge.state"
        do {
            switch access {
            case .concurrent:
                database = try DatabasePool(path: path, configuration: configuration)
            case .single:
                configuration.prepareDatabase { db in
                    try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
                }
                database = try DatabaseQueue(path: path, configuration: configuration)
            }
            try StateMigrations.migrator.migrate(database)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, message: error.message ?? error.description)
        }
        try StatePermissions.tightenCompanions(of: path)
    }

    /// Runs a point lookup of the relay's hot path on the writer connection, outside a
    /// transaction. A pooled reader costs a connection checkout, a read-only transaction and,
    /// after every write, re-reading its invalidated pages from the log; the writer's cache is
    /// current, and these reads are short enough to wait behind the relay's short writes.
    public func lookup<T>(_ body: (Database) throws -> T) throws -> T {
        try database.writeWithoutTransaction(body)
    }

    /// The identifiers of the migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try database.read { db in try StateMigrations.migrator.appliedIdentifiers(db) }.sorted()
    }
}
