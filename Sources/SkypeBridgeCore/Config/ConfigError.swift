import Foundation

/// Everything that can be wrong with a configuration file or with a secret it refers to.
///
/// Every case from a file carries a ``ConfigSourceLocation``, and ``description`` is the one line a
/// user sees: `config.toml:7: unknown key 'pasword_env' in [skype]; did you mean 'password_env'?`.
public enum ConfigError: CategorizedError, Hashable, CustomStringConvertible, LocalizedError {
    /// A configuration file that was asked for explicitly does not exist.
    case fileNotFound(path: String)
    /// The configuration file exists but could not be read (permissions, a directory, not UTF-8).
    case unreadableFile(path: String, reason: String)
    /// The text is not valid TOML; `column` and `message` come from the TOML parser.
    case syntax(ConfigSourceLocation, column: Int?, message: String)
    /// A section (table) that skypebridge does not know, with the closest known name if any.
    case unknownSection(ConfigSourceLocation, section: String, suggestion: String?)
    /// A key that the section does not know (`section` is nil at the top level).
    case unknownKey(ConfigSourceLocation, key: String, section: String?, suggestion: String?)
    /// A key that belongs in other sections (`homes`) than the one it is in (`section`, nil at the
    /// top level).
    case misplacedKey(ConfigSourceLocation, key: String, section: String?, homes: [String])
    /// A value of the wrong TOML type, such as a boolean where a byte size belongs.
    case wrongType(ConfigSourceLocation, key: String, expected: String, found: String)
    /// A value of the right TOML type that cannot be understood, such as `"5 parsecs"` as a duration.
    case invalidValue(ConfigSourceLocation, key: String, expected: String, found: String)
    /// A value outside its allowed range; `requirement` reads like "be at least 1".
    case outOfRange(ConfigSourceLocation, key: String, requirement: String, found: String)
    /// A secret written into the file itself instead of being referenced.
    case literalSecret(ConfigSourceLocation, key: String, section: String, alternatives: [String])
    /// A required setting is missing; `hint` says where to put it.
    case missingSetting(ConfigSourceLocation, key: String, section: String, hint: String)
    /// Two settings that exclude each other are both present in one section.
    case conflictingSettings(ConfigSourceLocation, keys: [String], section: String)
    /// A table name (an interface or API key name) breaks its naming rule.
    case invalidName(ConfigSourceLocation, kind: String, name: String, rule: String)
    /// A secret's environment variable is not set.
    case secretVariableNotSet(name: String)
    /// A secret's environment variable or file holds nothing.
    case secretEmpty(SecretReference)
    /// A secret file does not exist.
    case secretFileNotFound(path: String)
    /// A secret file exists but could not be read.
    case secretFileUnreadable(path: String, reason: String)

    /// Every configuration error is in the ``ErrorCategory/config`` category.
    public var category: ErrorCategory { .config }

    /// The one line shown to the user.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): config file not found; check --config and SKYPEBRIDGE_CONFIG"
        case .unreadableFile(let path, let reason):
            return "\(path): cannot read config file: \(reason)"
        case .syntax(let location, let column, let message):
            let position = column.map { "\(location):\($0)" } ?? location.description
            return "\(position): invalid TOML: \(message)"
        case .unknownSection(let location, let section, let suggestion):
            let hint = suggestion.map { "; did you mean [\($0)]?" } ?? "; remove it or check its spelling"
            return "\(location): unknown section [\(section)]\(hint)"
        case .unknownKey(let location, let key, let section, let suggestion):
            guard let section else {
                return "\(location): unknown key '\(key)' at the top level; settings belong in a section such as [skype]"
            }
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? "; remove it or check its spelling"
            return "\(location): unknown key '\(key)' in [\(section)]\(hint)"
        case .misplacedKey(let location, let key, let section, let homes):
            let places = homes.map { "[\($0)]" }.joined(separator: " or ")
            guard let section else { return "\(location): '\(key)' belongs in \(places); put it after that section's header" }
            return "\(location): '\(key)' belongs in \(places), not [\(section)]"
        case .wrongType(let location, let key, let expected, let found):
            return "\(location): '\(key)' expects \(expected), got \(found)"
        case .invalidValue(let location, let key, let expected, let found):
            return "\(location): '\(key)' expects \(expected), got \(found)"
        case .outOfRange(let location, let key, let requirement, let found):
            return "\(location): '\(key)' must \(requirement), got \(found)"
        case .literalSecret(let location, let key, let section, let alternatives):
            let choices = alternatives.joined(separator: " or ")
            return "\(location): '\(key)' in [\(section)] must not hold the secret itself; use \(choices)"
        case .missingSetting(let location, let key, let section, let hint):
            return "\(location): [\(section)] has no '\(key)'; \(hint)"
        case .conflictingSettings(let location, let keys, let section):
            let names = keys.map { "'\($0)'" }.joined(separator: " and ")
            return "\(location): [\(section)] sets both \(names); keep only one"
        case .invalidName(let location, let kind, let name, let rule):
            return "\(location): \(kind) '\(name)' is invalid; \(rule)"
        case .secretVariableNotSet(let name):
            return "environment variable \(name) is not set; export it with the secret or change the reference"
        case .secretEmpty(let reference):
            switch reference {
            case .environment(let name):
                return "environment variable \(name) is empty; put the secret in it"
            case .file(let path):
                return "secret file '\(path)' is empty; put the secret in it"
            }
        case .secretFileNotFound(let path):
            return "secret file '\(path)' does not exist; create it (mode 600) or change the reference"
        case .secretFileUnreadable(let path, let reason):
            return "cannot read secret file '\(path)': \(reason)"
        }
    }

    /// The same line as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }
}

extension ConfigError {
    /// The line the error points at, if it comes from a file.
    var line: Int? {
        switch self {
        case .syntax(let location, _, _), .unknownSection(let location, _, _), .unknownKey(let location, _, _, _),
             .misplacedKey(let location, _, _, _),
             .wrongType(let location, _, _, _), .invalidValue(let location, _, _, _), .outOfRange(let location, _, _, _),
             .literalSecret(let location, _, _, _), .missingSetting(let location, _, _, _),
             .conflictingSettings(let location, _, _), .invalidName(let location, _, _, _):
            return location.line
        case .fileNotFound, .unreadableFile, .secretVariableNotSet, .secretEmpty, .secretFileNotFound,
             .secretFileUnreadable:
            return nil
        }
    }
}
