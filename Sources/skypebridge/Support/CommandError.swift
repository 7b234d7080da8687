import SkypeBridgeCore

/// Failures that belong to the command line itself rather than to the core.
enum CommandError: CategorizedError, CustomStringConvertible {
    /// A required value was neither given as an option nor found in the configuration.
    case missingSetting(option: String, key: String)

    var category: ErrorCategory {
        switch self {
        case .missingSetting: .config
        }
    }

    var description: String {
        switch self {
        case let .missingSetting(option, key):
            "no \(key) configured; pass \(option) or set \(key) in the config file"
        }
    }
}
