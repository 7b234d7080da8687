import GRDB

/// The numbered schema migrations of the state file, applied in order on open.
///
/// Each migration is an SQL constant in `Migrations/`; a released migration is never edited,
/// a change is a new number.
enum StateMigrations {
    static let all: [(identifier: String, sql: String)] = [
        ("001-initial", Migration001Initial.sql),
        ("002-skype-message-ids-per-chat", Migration002SkypeMessageIDsPerChat.sql),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in all {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }
}
