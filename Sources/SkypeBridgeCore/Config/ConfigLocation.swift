/// Which configuration file to read, and whether it must exist.
public struct ConfigLocation: Sendable, Hashable {
    /// How the path was chosen.
    public enum Source: String, Sendable, Hashable {
        /// From the `--config` option.
        case argument
        /// From the `SKYPEBRIDGE_CONFIG` environment variable.
        case environment
        /// The XDG default, `$XDG_CONFIG_HOME/skypebridge/config.toml`.
        case defaultPath
    }

    /// The file's path, with any leading `~/` already expanded.
    public var path: String
    /// How the path was chosen.
    public var source: Source

    /// Creates a location for `path` chosen by `source`.
    public init(path: String, source: Source) {
        self.path = path
        self.source = source
    }

    /// Whether a missing file is an error: true when the user named the file, false for the
    /// default path (a missing default file means "use the built-in defaults").
    public var isRequired: Bool { source != .defaultPath }
}
