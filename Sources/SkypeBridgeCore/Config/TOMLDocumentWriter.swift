import Foundation

/// Builds the TOML text of `config show`: sections in a fixed order, one `key = value` per line,
/// unset optional settings as comments, and passwords and secret-looking query values inside URLs
/// redacted. Also used by `sandbox --write-config`.
public struct TOMLDocumentWriter: Sendable {
    /// What replaces a password found inside a URL.
    static let redaction = "REDACTED"

    /// The document so far.
    public private(set) var text = ""

    /// An empty document.
    public init() {}

    /// Appends a `# comment` line.
    public mutating func comment(_ line: String) {
        text += "# \(line)\n"
    }

    /// Starts the section `[name]`, separated from what precedes it by a blank line.
    public mutating func section(_ name: String) {
        if !text.isEmpty { text += "\n" }
        text += "[\(name)]\n"
    }

    /// Writes `key = "value"`.
    public mutating func string(_ key: String, _ value: String) {
        raw(key, Self.quoted(value))
    }

    /// Writes `key = "value"`, or a comment saying the key is not set.
    mutating func optionalString(_ key: String, _ value: String?) {
        guard let value else { return unset(key) }
        string(key, value)
    }

    /// Writes `key = true|false`.
    mutating func bool(_ key: String, _ value: Bool) {
        raw(key, value ? "true" : "false")
    }

    /// Writes `key = 42`.
    mutating func integer(_ key: String, _ value: Int) {
        raw(key, String(value))
    }

    /// Writes a duration as `key = "30s"`.
    mutating func duration(_ key: String, _ value: Duration) {
        string(key, value.configText)
    }

    /// Writes a byte size as `key = "50MiB"`.
    mutating func byteSize(_ key: String, _ value: ByteSize) {
        string(key, value.description)
    }

    /// Writes a URL with secrets inside it replaced, or a comment saying the key is not set.
    mutating func url(_ key: String, _ value: URL?) {
        optionalString(key, value.map(Self.redacted))
    }

    /// Writes `key = ["a", "b"]`.
    mutating func strings(_ key: String, _ values: [String]) {
        raw(key, "[" + values.map(Self.quoted).joined(separator: ", ") + "]")
    }

    /// Writes a comment line saying `key` is not set (TOML has no null).
    mutating func unset(_ key: String) {
        comment("\(key) is not set")
    }

    private mutating func raw(_ key: String, _ literal: String) {
        text += "\(Self.key(key)) = \(literal)\n"
    }

    /// `key` bare when TOML allows it (A-Z, a-z, 0-9, `-`, `_`), else quoted (`"8:alice"`).
    static func key(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        return bare ? key : quoted(key)
    }

    /// `text` as a TOML basic string with the required escapes.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += String(format: "\\u%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Query parameter names whose values are treated as secrets (matched as substrings, ignoring case).
    static let secretQueryNames = ["token", "secret", "password", "passwd", "key", "sig", "auth"]

    /// The URL's text with its password and any secret-looking query value replaced by ``redaction``.
    static func redacted(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        if components.password != nil {
            components.percentEncodedPassword = redaction
        }
        components.percentEncodedQueryItems = components.percentEncodedQueryItems?.map { item in
            let name = item.name.lowercased()
            guard item.value != nil, secretQueryNames.contains(where: name.contains) else { return item }
            return URLQueryItem(name: item.name, value: redaction)
        }
        return components.string ?? url.absoluteString
    }
}
