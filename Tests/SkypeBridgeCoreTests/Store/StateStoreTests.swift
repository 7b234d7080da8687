import Foundation
import GRDB
import Logging
import Synchronization
import Testing
@testable import SkypeBridgeCore

@Suite struct StateStoreTests {
    let logger = Logger(label: "test.store") { _ in SwiftLogNoOpLogHandler() }

    @Test func createsAPrivateFileInAPrivateDirectory() throws {
        let tmp = try TemporaryDirectory()
        let path = tmp.file("state/nested/state.sqlite")
        _ = try StateStore(path: path, logger: logger)
        #expect(try permissions(of: path) == 0o600)
        #expect(try permissions(of: (path as NSString).deletingLastPathComponent) == 0o700)
    }

    @Test func theCheckpointerKeepsTheLogShortSoTheWriterNeedNotCheckpoint() async throws {
        let tmp = try TemporaryDirectory()
        let path = tmp.file("state.sqlite")
        let store = try StateStore(path: path, logger: logger)
        try store.commitWithoutFlushing()
        let checkpointer = try WALCheckpointer.start(store, every: .milliseconds(10), logger: logger)
        let autocheckpoint = { try store.database.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } }
        #expect(try autocheckpoint() == WALCheckpointer.writerLimit)
        // About 4,000 log pages (16 MB) if nothing were checkpointed: one commit per row, in
        // bursts like a bridge's (the log can only start over in a pause).
        let fill = { (round: Int) throws in
            if round == 0 { try store.database.write { try $0.execute(sql: "CREATE TABLE filler (bytes BLOB)") } }
            for _ in 0..<50 {
                try store.database.write { try $0.execute(sql: "INSERT INTO filler VALUES (randomblob(3000))") }
            }
        }
        for round in 0..<30 {
            try fill(round)
            try await Task.sleep(for: .milliseconds(30))
        }
        let before = checkpointer.completed
        #expect(await eventually { checkpointer.completed >= before + 2 })
        let log = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
        #expect(log > 0 && log < 4 << 20, "the log grew to \(log) bytes")
        checkpointer.stop()
        #expect(try autocheckpoint() == 1000)
    }

    @Test func tightensALooserFileAndDirectory() throws {
        let tmp = try TemporaryDirectory()
        let directory = tmp.file("open")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/state.sqlite"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        chmod(directory, 0o755)
        chmod(path, 0o644)
        let recorder = WarningRecorder()
        _ = try StateStore(path: path, logger: Logger(label: "test") { _ in recorder })
        #expect(try permissions(of: path) == 0o600)
        #expect(try permissions(of: directory) == 0o700)
        #expect(recorder.messages.filter { $0.contains("tightened") }.count == 2)
    }

    @Test func migratesFromEmptyToEveryTable() throws {
        let tmp = try TemporaryDirectory()
        let store = try StateStore(path: tmp.file("state.sqlite"), logger: logger)
        #expect(try store.appliedMigrations() == StateMigrations.all.map(\.identifier))
        let tables = try store.database.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name")
        }
        #expect(tables == ["account_token", "call", "channel_link", "chat", "cursor", "interface", "message_link", "outbox", "setting"])
        let journal = try store.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test func reopeningKeepsDataAndDoesNotRemigrate() throws {
        let tmp = try TemporaryDirectory()
        let path = tmp.file("state.sqlite")
        try StateStore(path: path, logger: logger).setSetting("rr.cursor", to: "2")
        let reopened = try StateStore(path: path, logger: logger)
        #expect(try reopened.setting("rr.cursor") == "2")
        #expect(try reopened.appliedMigrations().count == StateMigrations.all.count)
    }

    /// A one-shot command that only reads (a cron `send` with cached tokens) must leave the
    /// state file as it was: no write-ahead log created by a transaction on opening, none
    /// checkpointed on closing. A pool (the concurrent access) does both, so its run is the
    /// control: the file changes although nothing was asked to.
    @Test func aSingleConnectionRunThatOnlyReadsLeavesTheFileAsItWas() throws {
        let tmp = try TemporaryDirectory()
        let path = tmp.file("state.sqlite")
        let contents = { try Data(contentsOf: URL(fileURLWithPath: path)) }
        let single = try StateStore(path: path, access: .single, logger: logger)
        try single.setSetting("token", to: "t1")
        #expect(try single.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        _ = consume single
        let written = try contents()
        #expect(try StateStore(path: path, access: .single, logger: logger).setting("token") == "t1")
        #expect(try contents() == written)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try StateStore(path: path, access: .concurrent, logger: logger).setting("token") == "t1")
        #expect(try contents() != written)
    }

    @Test func messageLinksAreUniqueBothWays() throws {
        let tmp = try TemporaryDirectory()
        let store = try StateStore(path: tmp.file("state.sqlite"), logger: logger)
        let insert = "INSERT INTO message_link (skype_chat_id, skype_message_id, mattermost_post_id, created_at) VALUES (?, ?, ?, 0)"
        try store.database.write { db in try db.execute(sql: insert, arguments: ["8:alice", "1", "p1"]) }
        #expect(throws: (any Error).self) {
            try store.database.write { db in try db.execute(sql: insert, arguments: ["8:alice", "1", "p2"]) }
        }
        #expect(throws: (any Error).self) {
            try store.database.write { db in try db.execute(sql: insert, arguments: ["8:alice", "2", "p1"]) }
        }
    }

    /// A state file written by the first schema keeps its message links when the second
    /// makes Skype message ids unique per chat instead of overall.
    @Test func linksOfTheFirstSchemaSurviveTheMigrationToIDsPerChat() throws {
        let tmp = try TemporaryDirectory()
        let path = tmp.file("state.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            var migrator = DatabaseMigrator()
            migrator.registerMigration(StateMigrations.all[0].identifier) { db in try db.execute(sql: StateMigrations.all[0].sql) }
            try migrator.migrate(queue)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO message_link (skype_chat_id, skype_message_id, mattermost_post_id, created_at) VALUES ('8:alice', '1', 'p1', 0)")
            }
        }
        let store = try StateStore(path: path, logger: logger)
        let links = MessageLinks(store: store)
        #expect(try links.link(of: "1", in: "8:alice", on: .skype)?.mattermostPost == "p1")
        #expect(try links.link(of: "1", in: "8:bob", on: .skype) == nil)
        let insert = "INSERT INTO message_link (skype_chat_id, skype_message_id, mattermost_post_id, created_at) VALUES (?, ?, ?, 0)"
        try store.database.write { db in try db.execute(sql: insert, arguments: ["8:bob", "1", "p2"]) }
        #expect(try links.link(of: "1", in: "8:bob", on: .skype)?.mattermostPost == "p2")
    }

    /// A second process (python3's sqlite3, standing in for a cron `send`) writes the same file
    /// while this process writes too: neither side may see "database is locked".
    @Test func anotherProcessCanWriteConcurrently() throws {
        let tmp = try TemporaryDirectory()
        let path = tmp.file("state.sqlite")
        let store = try StateStore(path: path, logger: logger)
        let writes = 400
        let script = """
            import sqlite3, sys, time
            db = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
            for i in range(int(sys.argv[2])):
                db.execute("BEGIN IMMEDIATE")
                db.execute("INSERT INTO setting (key, value, updated_at) VALUES (?, 'py', 0)", (f"py.{i}",))
                time.sleep(0.001)
                db.execute("COMMIT")
            print("ok")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path, "\(writes)"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        for i in 0..<writes {
            try store.setSetting("swift.\(i)", to: "swift")
        }
        process.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(printed.contains("ok"))
        let counts = try store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT value, count(*) AS n FROM setting GROUP BY value ORDER BY value")
                .map { "\($0["value"] as String)=\($0["n"] as Int)" }
        }
        #expect(counts == ["py=\(writes)", "swift=\(writes)"])
    }
}

/// Collects warning messages a component logs.
struct WarningRecorder: LogHandler {
    private let stored = SharedMessages()
    var messages: [String] { stored.messages.withLock { $0 } }
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        stored.messages.withLock { $0.append("\(event.message)") }
    }
}

/// The shared buffer behind ``WarningRecorder`` (log handlers are copied).
final class SharedMessages: Sendable {
    let messages = Mutex<[String]>([])
}

@Suite struct StateStoreDirectoryTests {
    @Test func aDirectoryTheUserChoseIsNotTightened() throws {
        let tmp = try TemporaryDirectory()
        chmod(tmp.path, 0o755)
        let path = tmp.file("state.sqlite")
        _ = try StateStore(path: path, ownsDirectory: false, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        #expect(try permissions(of: tmp.path) == 0o755)
        #expect(try permissions(of: path) == 0o600)
    }
}
