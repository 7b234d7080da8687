import Foundation
import GRDB

extension StateStore {
    /// Reads a small named value (for example the interfaces' round-robin cursor).
    public func setting(_ key: String) throws -> String? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
        }
    }

    /// Writes a small named value, replacing any previous one.
    public func setSetting(_ key: String, to value: String) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                    """,
                arguments: [key, value, Date().timeIntervalSince1970]
            )
        }
    }
}
