import Foundation
import GRDB
import Logging

/// The local SQLite state shared by every skypebridge command: tokens, chat ↔ channel links,
/// message links, the durable outbox, cursors, interfaces and calls.
///
/// One file, opened in WAL mode with a busy timeout, so a long-running `bridge run` and a cron
/// `send` can use it at the same time. The file is created `0600` inside a `0700` directory,
/// and tightened (with a warning) when found looser. Opening runs every pending migration.
public final class StateStore: Sendable {
    /// How long a writer waits for another process's write lock before failing.
    public static let busyTimeout: TimeInterval = 10

    /// The path of the SQLite file.
    public let path: String
    /// The underlying GRDB pool (one writer, concurrent readers). Table query objects use it.
    public let database: DatabasePool

    /// Opens (creating if needed) the state file at `path` and migrates it to the latest schema.
    /// - Parameters:
    ///   - path: the SQLite file; its directory is created `0700` when missing.
    ///   - ownsDirectory: whether the directory is skypebridge's own (the XDG default), so a
    ///     looser existing one is tightened to `0700`; a directory the user chose is created
    ///     `0700` when missing but otherwise left alone.
    ///   - logger: receives a warning when permissions had to be tightened.
    /// - Throws: ``StoreError`` when the file cannot be created, opened or migrated.
    public init(path: String, ownsDirectory: Bool = true, logger: Logger) throws {
        self.path = path
        try StatePermissions.prepare(path: path, tightenExistingDirectory: ownsDirectory, logger: logger)
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "skypebridge.state"
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try StateMigrations.migrator.migrate(database)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, message: error.message ?? error.description)
        }
        try StatePermissions.tightenCompanions(of: path)
    }

    /// The identifiers of the migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try database.read { db in try StateMigrations.migrator.appliedIdentifiers(db) }.sorted()
    }
}
