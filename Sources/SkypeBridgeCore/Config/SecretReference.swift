import Foundation
import Logging

/// Where a secret (a password, a token, an API key) can be found; the configuration never holds the
/// secret itself.
///
/// Written in the configuration either as a dedicated key (`password_env = "NAME"`,
/// `token_file = "/path"`) or, where one string must say both, as `"env:NAME"` or `"file:/path"`.
/// Its ``description`` is that reference, never the secret, so it is safe to print and log.
public enum SecretReference: Sendable, Hashable, CustomStringConvertible {
    /// The secret is the value of this environment variable.
    case environment(String)
    /// The secret is the content of this file (a leading `~/` means the home directory; a relative
    /// path is relative to the working directory).
    case file(String)

    /// Parses `"env:NAME"` or `"file:/path"`; nil for anything else, such as a literal secret.
    public init?(reference: String) {
        if reference.hasPrefix("env:") {
            let name = String(reference.dropFirst(4))
            guard Self.isEnvironmentVariableName(name) else { return nil }
            self = .environment(name)
        } else if reference.hasPrefix("file:") {
            let path = String(reference.dropFirst(5))
            guard !path.isEmpty else { return nil }
            self = .file(path)
        } else {
            return nil
        }
    }

    /// `env:NAME` or `file:/path`.
    public var description: String {
        switch self {
        case .environment(let name): return "env:\(name)"
        case .file(let path): return "file:\(path)"
        }
    }

    /// Reads the secret: the environment variable's value, or the file's content without one
    /// trailing newline.
    ///
    /// A secret file that its group or others may read is still used, but a warning naming the
    /// file and the `chmod` that fixes it is logged on `logger`. The secret itself is never logged.
    /// - Throws: ``ConfigError`` when the variable is unset, the file is missing or unreadable, or
    ///   the secret is empty.
    public func resolve(environment: [String: String], logger: Logger) throws(ConfigError) -> String {
        switch self {
        case .environment(let name):
            guard let value = environment[name] else { throw ConfigError.secretVariableNotSet(name: name) }
            guard !value.isEmpty else { throw ConfigError.secretEmpty(self) }
            return value
        case .file(let written):
            let path = ConfigurationPaths.expandingTilde(in: written, environment: environment)
            let content = try Self.readSecretFile(at: path)
            if let warning = Self.permissionWarning(forFileAt: path) {
                logger.warning("\(warning)", metadata: ["sb.config.secret": "\(self)"])
            }
            let secret = Self.droppingOneTrailingNewline(content)
            guard !secret.isEmpty else { throw ConfigError.secretEmpty(self) }
            return secret
        }
    }

    /// Whether `name` can be an environment variable name: letters, digits and `_`, not starting
    /// with a digit.
    static func isEnvironmentVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
    }

    /// A warning when the file at `path` can be read by its group or by others, else nil.
    static func permissionWarning(forFileAt path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue,
              permissions & 0o077 != 0
        else { return nil }
        let mode = String(permissions & 0o777, radix: 8)
        return "secret file '\(path)' is readable by group or others (mode \(mode)); run chmod 600 '\(path)'"
    }

    private static func readSecretFile(at path: String) throws(ConfigError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError.secretFileNotFound(path: path)
        }
        guard !isDirectory.boolValue else {
            throw ConfigError.secretFileUnreadable(path: path, reason: "it is a directory")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError.secretFileUnreadable(path: path, reason: "permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError.secretFileUnreadable(path: path, reason: "it is not UTF-8 text")
        }
        return text
    }

    private static func droppingOneTrailingNewline(_ text: String) -> String {
        // "\r\n" is a single Character in Swift, so one dropLast() removes either ending.
        text.hasSuffix("\n") || text.hasSuffix("\r\n") ? String(text.dropLast()) : text
    }
}
