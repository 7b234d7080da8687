import GRDB

extension StateStore {
    /// Lets this process's commits skip the flush to disk (SQLite `synchronous = NORMAL` in WAL
    /// mode): a commit then costs a fraction of a millisecond instead of an fsync (about 30 ms
    /// on slow disks). Committed data survives the process being killed; only an operating-system
    /// crash or power loss can undo the last commits (the database stays consistent). `bridge run`
    /// uses it, since it commits twice per relayed message.
    public func commitWithoutFlushing() throws {
        do {
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, message: error.message ?? error.description)
        }
    }
}
