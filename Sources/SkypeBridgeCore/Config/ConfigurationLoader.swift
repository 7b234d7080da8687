import Foundation
import TOMLKit

/// Finds, reads and validates skypebridge's TOML configuration.
///
/// Typical use: `try ConfigurationLoader.load(ConfigurationLoader.locate(explicitPath: options.config,
/// environment: ProcessInfo.processInfo.environment))`. Loading never resolves secrets; that is
/// ``SecretReference/resolve(environment:logger:)``'s job, done where a secret is needed.
public enum ConfigurationLoader {
    /// The top-level sections a configuration file may contain, in the order they are rendered.
    static let sections = ["skype", "mattermost", "bridge", "http", "interfaces"]

    /// For every setting, the sections that accept it.
    static let keyHomes: [String: [String]] = {
        let keysBySection = [
            ("skype", SkypeSettings.tomlKeys), ("mattermost", MattermostSettings.tomlKeys),
            ("bridge", BridgeSettings.tomlKeys), ("http", HTTPSettings.tomlKeys), ("interfaces", InterfaceSettings.tomlKeys),
        ]
        var homes: [String: [String]] = [:]
        for (section, keys) in keysBySection {
            for key in keys { homes[key, default: []].append(section) }
        }
        return homes
    }()

    /// Which file to read: `--config`, else `SKYPEBRIDGE_CONFIG`, else the XDG default.
    public static func locate(explicitPath: String?, environment: [String: String]) -> ConfigLocation {
        ConfigurationPaths.configLocation(explicitPath: explicitPath, environment: environment)
    }

    /// Reads and validates the file at `location`.
    ///
    /// A missing file at the default location gives the built-in defaults; a missing file that was
    /// named explicitly is an error.
    /// - Throws: ``ConfigError`` naming the file (and line) of the first problem.
    public static func load(_ location: ConfigLocation) throws(ConfigError) -> Configuration {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory) else {
            if location.isRequired { throw ConfigError.fileNotFound(path: location.path) }
            return Configuration()
        }
        guard !isDirectory.boolValue else {
            throw ConfigError.unreadableFile(path: location.path, reason: "it is a directory")
        }
        guard let data = FileManager.default.contents(atPath: location.path) else {
            throw ConfigError.unreadableFile(path: location.path, reason: "permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError.unreadableFile(path: location.path, reason: "it is not UTF-8 text")
        }
        return try parse(text, fileName: location.path)
    }

    /// Parses and validates configuration text; `fileName` is only used in error messages.
    ///
    /// When several sections have problems, the one written first in the file is reported.
    /// - Throws: ``ConfigError``.
    public static func parse(_ text: String, fileName: String) throws(ConfigError) -> Configuration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            let parseError = error as? TOMLParseError
            throw .syntax(
                ConfigSourceLocation(file: fileName, line: parseError?.source.begin.line),
                column: parseError?.source.begin.column,
                message: lowercasingFirstLetter(parseError?.description ?? "\(error)"))
        }
        let root = ConfigTableReader(
            table: table, path: [], fileName: fileName, index: TOMLLineIndex(text: text), keyHomes: keyHomes)
        let topLevel = Result { () throws(ConfigError) in try root.checkKeys([], subsections: sections) }
        func section(_ name: String) throws(ConfigError) -> ConfigTableReader {
            try root.subtable(name) ?? root.emptySection(name)
        }
        let skype = Result { () throws(ConfigError) in try SkypeSettings(reading: section("skype")) }
        let mattermost = Result { () throws(ConfigError) in try MattermostSettings(reading: section("mattermost")) }
        let bridge = Result { () throws(ConfigError) in try BridgeSettings(reading: section("bridge")) }
        let http = Result { () throws(ConfigError) in try HTTPSettings(reading: section("http")) }
        let interfaces = Result { () throws(ConfigError) in try InterfaceSettings.readAll(from: section("interfaces")) }
        let failures = [topLevel.failure, skype.failure, mattermost.failure, bridge.failure, http.failure, interfaces.failure]
        if let first = failures.compactMap({ $0 }).min(by: { ($0.line ?? .max) < ($1.line ?? .max) }) {
            throw first
        }
        let (interfaceDefaults, interfaceList) = try interfaces.get()
        return Configuration(
            skype: try skype.get(), mattermost: try mattermost.get(), bridge: try bridge.get(), http: try http.get(),
            interfaceDefaults: interfaceDefaults, interfaces: interfaceList)
    }

    /// toml++ starts its messages with a capital ("Error while parsing …"); ours are lowercase.
    private static func lowercasingFirstLetter(_ message: String) -> String {
        message.prefix(1).lowercased() + message.dropFirst()
    }
}

extension Result {
    /// The error of a failed result, nil for a success.
    fileprivate var failure: Failure? {
        guard case .failure(let error) = self else { return nil }
        return error
    }
}
