import Foundation
import TOMLKit

/// Reads typed settings from one TOML table and turns every problem into a ``ConfigError`` that
/// names the file, the line and the key.
struct ConfigTableReader {
    /// The table being read.
    let table: TOMLTable
    /// The keys leading from the document root to this table (empty for the root).
    let path: [String]
    /// The file name used in error locations.
    let fileName: String
    /// Where each key is written.
    let index: TOMLLineIndex
    /// For every known setting, the sections it belongs in, to point out misplaced keys.
    let keyHomes: [String: [String]]

    /// The section name as written in a header, such as `interfaces.pbx`.
    var sectionName: String { path.joined(separator: ".") }

    /// The location of `key` in this table, or of the table itself when `key` is nil.
    func location(of key: String? = nil) -> ConfigSourceLocation {
        ConfigSourceLocation(file: fileName, line: index.nearestLine(of: key.map { path + [$0] } ?? path))
    }

    /// The table's keys in the order they are written (TOMLKit returns them sorted).
    var keysInFileOrder: [String] {
        let present = table.keys
        let written = index.childKeys(of: path).filter(present.contains)
        return written + present.filter { !written.contains($0) }
    }

    /// The table's keys with their values, in the order they are written.
    var entriesInFileOrder: [(key: String, value: TOMLValueConvertible)] {
        keysInFileOrder.compactMap { key in table[key].map { (key, $0) } }
    }

    /// A reader for an empty table at `key`, for a section that the file does not contain.
    func emptySection(_ key: String) -> ConfigTableReader {
        ConfigTableReader(table: TOMLTable(), path: path + [key], fileName: fileName, index: index, keyHomes: keyHomes)
    }

    /// Throws for the first key, in file order, that is neither in `known` nor in `subsections`:
    /// a literal secret (a key of `literalSecrets`, mapped to the keys to use instead), an unknown
    /// section (a table or an array of tables) or an unknown key, each with the closest known name as a suggestion.
    func checkKeys(_ known: [String], subsections: [String] = [], literalSecrets: [String: [String]] = [:]) throws(ConfigError) {
        for key in keysInFileOrder where !known.contains(key) && !subsections.contains(key) {
            if let alternatives = literalSecrets[key] {
                throw ConfigError.literalSecret(location(of: key), key: key, section: sectionName, alternatives: alternatives)
            }
            if let value = table[key], value.type == .table || value.array?.first?.type == .table {
                let suggestion = KeySuggestion.closest(to: key, among: subsections)
                throw ConfigError.unknownSection(
                    location(of: key), section: qualified(key), suggestion: suggestion.map(qualified))
            }
            throw unknownKey(key, known: known)
        }
    }

    /// The error for a key this table does not know: a likely typo of a `known` key, else a key
    /// that belongs in another section, else simply unknown.
    func unknownKey(_ key: String, known: [String]) -> ConfigError {
        let section = path.isEmpty ? nil : sectionName
        if let suggestion = KeySuggestion.closest(to: key, among: known) {
            return .unknownKey(location(of: key), key: key, section: section, suggestion: suggestion)
        }
        if let homes = keyHomes[key]?.filter({ $0 != section }), !homes.isEmpty {
            return .misplacedKey(location(of: key), key: key, section: section, homes: homes)
        }
        return .unknownKey(location(of: key), key: key, section: section, suggestion: nil)
    }

    /// The section name of the table `key` under this one.
    func qualified(_ key: String) -> String {
        (path + [key]).joined(separator: ".")
    }

    // MARK: Typed values

    /// The table at `key` as a reader, nil when absent.
    func subtable(_ key: String) throws(ConfigError) -> ConfigTableReader? {
        guard let value = table[key] else { return nil }
        guard let subtable = value.table else { throw wrongType(key, expected: "a table", value) }
        return ConfigTableReader(table: subtable, path: path + [key], fileName: fileName, index: index, keyHomes: keyHomes)
    }

    /// The string at `key`, nil when absent.
    func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else { throw wrongType(key, expected: "a string", value) }
        return string
    }

    /// The non-empty string at `key`, nil when absent.
    func nonEmptyString(_ key: String) throws(ConfigError) -> String? {
        guard let string = try string(key) else { return nil }
        guard string.contains(where: { !$0.isWhitespace }) else {
            throw ConfigError.invalidValue(location(of: key), key: key, expected: "a non-empty string", found: "\"\(string)\"")
        }
        return string
    }

    /// A file path at `key` (`~/` allowed, expanded when used), nil when absent.
    func path(_ key: String) throws(ConfigError) -> String? {
        guard let string = try string(key) else { return nil }
        guard !string.isEmpty else {
            throw ConfigError.invalidValue(location(of: key), key: key, expected: "a file path", found: "\"\"")
        }
        return string
    }

    /// The boolean at `key`, nil when absent.
    func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let bool = value.bool else { throw wrongType(key, expected: "true or false", value) }
        return bool
    }

    /// The integer at `key`, at least `minimum`; nil when absent.
    func integer(_ key: String, minimum: Int) throws(ConfigError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let integer = value.int else { throw wrongType(key, expected: "an integer", value) }
        guard integer >= minimum else {
            throw ConfigError.outOfRange(location(of: key), key: key, requirement: "be at least \(minimum)", found: "\(integer)")
        }
        return integer
    }

    /// The duration at `key` (`"30s"` or integer seconds), at least `minimum` and at most
    /// `maximum` if given; nil when absent.
    func duration(_ key: String, minimum: Duration, maximum: Duration? = nil) throws(ConfigError) -> Duration? {
        guard let value = table[key] else { return nil }
        let expected = #"a duration like "30s", "5m" or "500ms""#
        let duration: Duration
        if let seconds = value.int {
            guard let parsed = Duration(configSeconds: seconds) else {
                throw ConfigError.invalidValue(location(of: key), key: key, expected: expected, found: "\(seconds)")
            }
            duration = parsed
        } else if let text = value.string {
            guard let parsed = Duration(configText: text) else {
                throw ConfigError.invalidValue(location(of: key), key: key, expected: expected, found: Self.quoted(text))
            }
            duration = parsed
        } else {
            throw wrongType(key, expected: expected, value)
        }
        guard duration >= minimum, maximum.map({ duration <= $0 }) ?? true else {
            let requirement = maximum.map { "be between \(minimum.configText) and \($0.configText)" }
                ?? "be at least \(minimum.configText)"
            throw ConfigError.outOfRange(location(of: key), key: key, requirement: requirement, found: duration.configText)
        }
        return duration
    }

    /// The byte size at `key` (`"50MiB"` or integer bytes), at least `minimum`; nil when absent.
    func byteSize(_ key: String, minimum: ByteSize) throws(ConfigError) -> ByteSize? {
        guard let value = table[key] else { return nil }
        let expected = #"a byte size like "50MiB""#
        let size: ByteSize
        if let bytes = value.int {
            guard bytes >= 0 else {
                throw ConfigError.invalidValue(location(of: key), key: key, expected: expected, found: "\(bytes)")
            }
            size = ByteSize(bytes: Int64(bytes))
        } else if let text = value.string {
            guard let parsed = ByteSize(configText: text) else {
                throw ConfigError.invalidValue(location(of: key), key: key, expected: expected, found: Self.quoted(text))
            }
            size = parsed
        } else {
            throw wrongType(key, expected: expected, value)
        }
        guard size >= minimum else {
            throw ConfigError.outOfRange(location(of: key), key: key, requirement: "be at least \(minimum)", found: "\(size)")
        }
        return size
    }

    /// The URL at `key`, which must have one of `schemes` and a host; nil when absent.
    func url(_ key: String, schemes: [String]) throws(ConfigError) -> URL? {
        guard let text = try string(key) else { return nil }
        let expected = schemes.count == 1
            ? "a URL starting with \(schemes[0])://"
            : "a URL with scheme " + Self.list(schemes, conjunction: "or")
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), schemes.contains(scheme),
              let host = url.host, !host.isEmpty
        else {
            throw ConfigError.invalidValue(location(of: key), key: key, expected: expected, found: Self.quoted(text))
        }
        return url
    }

    /// The array of non-empty strings at `key`, nil when absent.
    func stringArray(_ key: String) throws(ConfigError) -> [String]? {
        guard let value = table[key] else { return nil }
        let expected = "an array of strings"
        guard let array = value.array else { throw wrongType(key, expected: expected, value) }
        var strings: [String] = []
        for element in array {
            guard let string = element.string else {
                throw ConfigError.wrongType(
                    location(of: key), key: key, expected: expected, found: "an array containing \(Self.article(element.type))")
            }
            guard !string.isEmpty else {
                throw ConfigError.invalidValue(
                    location(of: key), key: key, expected: expected + " that are not empty", found: "\"\"")
            }
            strings.append(string)
        }
        return strings
    }

    /// One of `T`'s raw values at `key`, nil when absent.
    func choice<T: RawRepresentable & CaseIterable>(
        _ key: String, of type: T.Type = T.self
    ) throws(ConfigError) -> T? where T.RawValue == String {
        guard let text = try string(key) else { return nil }
        guard let choice = T(rawValue: text) else {
            let expected = "one of " + Self.list(T.allCases.map { "\"\($0.rawValue)\"" }, conjunction: "or")
            throw ConfigError.invalidValue(location(of: key), key: key, expected: expected, found: Self.quoted(text))
        }
        return choice
    }

    /// A secret given by an environment variable key or a file key (at most one of them); nil
    /// when neither is set.
    func secret(environmentKey: String, fileKey: String) throws(ConfigError) -> SecretReference? {
        let name = try string(environmentKey)
        let file = try path(fileKey)
        if name != nil, file != nil {
            throw ConfigError.conflictingSettings(location(of: fileKey), keys: [environmentKey, fileKey], section: sectionName)
        }
        if let name {
            guard SecretReference.isEnvironmentVariableName(name) else {
                throw ConfigError.invalidValue(
                    location(of: environmentKey), key: environmentKey,
                    expected: "an environment variable name (letters, digits and '_')", found: Self.quoted(name))
            }
            return .environment(name)
        }
        return file.map(SecretReference.file)
    }

    /// The key of the two that is present, for messages about a pair; the first if neither is.
    func presentKey(_ first: String, _ second: String) -> String {
        table.contains(key: first) || !table.contains(key: second) ? first : second
    }

    // MARK: Message helpers

    /// A wrong-type error for `key`, naming the type that was found.
    func wrongType(_ key: String, expected: String, _ value: TOMLValueConvertible) -> ConfigError {
        .wrongType(location(of: key), key: key, expected: expected, found: Self.typeName(value.type))
    }

    /// The user-facing name of a TOML type.
    static func typeName(_ type: TOMLType) -> String {
        switch type {
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "float"
        case .string: return "string"
        case .array: return "array"
        case .table: return "table"
        case .date: return "date"
        case .time: return "time"
        case .dateTime: return "date-time"
        }
    }

    /// The type name with an indefinite article ("an integer", "a table").
    static func article(_ type: TOMLType) -> String {
        let name = typeName(type)
        return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
    }

    /// `text` as a TOML basic string, for quoting a bad value in a message.
    static func quoted(_ text: String) -> String {
        TOMLDocumentWriter.quoted(text)
    }

    /// "a, b or c".
    static func list(_ items: [String], conjunction: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
    }
}
