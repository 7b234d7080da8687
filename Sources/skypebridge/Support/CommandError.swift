import SkypeBridgeCore

/// Failures that belong to the command line itself rather than to the core.
enum CommandError: CategorizedError, CustomStringConvertible {
    /// The command exists in the tree but a later issue builds it.
    case notImplemented(command: String)
    /// A required value was neither given as an option nor found in the configuration.
    case missingSetting(option: String, key: String)

    var category: ErrorCategory {
        switch self {
        case .notImplemented: .unavailable
        case .missingSetting: .config
        }
    }

    var description: String {
        switch self {
        case let .notImplemented(command):
            "\(command) is not implemented yet"
        case let .missingSetting(option, key):
            "no \(key) configured; pass \(option) or set \(key) in the config file"
        }
    }
}
