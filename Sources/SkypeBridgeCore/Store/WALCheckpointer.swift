import Foundation
import GRDB
import Logging
import Synchronization

/// Checkpoints the state file's write-ahead log from a connection and a thread of its own, so
/// that commits never wait for a checkpoint's flushes to disk.
///
/// Left to itself, SQLite runs a checkpoint inside whichever commit pushes the log past 1,000
/// pages. `bridge run` commits twice per relayed message, so every few hundred messages one
/// commit — and the relay waiting on it — also copied the log into the database and waited for
/// two `fdatasync`s, which on a busy disk took up to hundreds of milliseconds (the relay
/// benchmark's p99). While a checkpointer runs, a passive checkpoint (which never blocks the
/// writer or readers) runs every interval instead, and the writer checkpoints by itself only if
/// the log still passes ``writerLimit`` pages (possible while writes never pause: the log can
/// only start over once a checkpoint has caught up with it).
public final class WALCheckpointer: Sendable {
    /// The log size, in pages, at which the writer checkpoints by itself after all (40 MB).
    public static let writerLimit = 10_000

    private let store: StateStore
    private let stopped = Atomic(false)
    private let checkpoints = Atomic(0)

    private init(store: StateStore) {
        self.store = store
    }

    /// Raises the writer's automatic checkpoints to ``writerLimit`` and starts checkpointing every `interval`.
    /// - Throws: ``StoreError`` when the second connection cannot be opened.
    public static func start(_ store: StateStore, every interval: Duration = .milliseconds(250), logger: Logger) throws -> WALCheckpointer {
        let checkpointer = WALCheckpointer(store: store)
        let connection: DatabaseQueue
        do {
            var configuration = GRDB.Configuration()
            configuration.label = "skypebridge.checkpoint"
            connection = try DatabaseQueue(path: store.path, configuration: configuration)
            try store.database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = \(writerLimit)") }
        } catch let error as DatabaseError {
            throw StoreError.database(path: store.path, message: error.message ?? error.description)
        }
        let thread = Thread { checkpointer.run(connection, every: interval, logger: logger) }
        thread.name = "skypebridge.checkpoint"
        thread.start()
        return checkpointer
    }

    /// Passive checkpoints that completed so far.
    public var completed: Int { checkpoints.load(ordering: .relaxed) }

    /// Stops checkpointing (within one interval) and gives the writer its automatic checkpoints back.
    public func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        try? store.database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000") }
    }

    private func run(_ connection: DatabaseQueue, every interval: Duration, logger: Logger) {
        var reported = false
        while !stopped.load(ordering: .relaxed) {
            Thread.sleep(forTimeInterval: Double(interval.milliseconds) / 1000)
            do {
                _ = try connection.inDatabase { db in try db.checkpoint(.passive) }
                checkpoints.add(1, ordering: .relaxed)
            } catch {
                if !reported { logger.warning("cannot checkpoint the state file's log", metadata: ["sb.error": "\(error)"]) }
                reported = true
            }
        }
    }
}
