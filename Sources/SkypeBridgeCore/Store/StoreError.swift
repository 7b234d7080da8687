/// Failures of the local state store.
public enum StoreError: CategorizedError, Equatable, CustomStringConvertible {
    /// The state directory or file could not be created or its permissions fixed.
    case filesystem(path: String, message: String)
    /// SQLite refused to open, migrate, read or write the file.
    case database(path: String, message: String)

    public var category: ErrorCategory { .failure }

    public var description: String {
        switch self {
        case let .filesystem(path, message):
            "cannot prepare state file \(path): \(message); check the directory exists and is writable, or pass --state"
        case let .database(path, message):
            "state database \(path): \(message)"
        }
    }
}
