import Foundation

/// Where skypebridge's configuration and state files live.
///
/// Pure functions of an environment dictionary (pass `ProcessInfo.processInfo.environment` in
/// production), following the XDG base directory rules: an unset, empty or relative
/// `XDG_CONFIG_HOME`/`XDG_STATE_HOME` falls back to `~/.config` and `~/.local/state`.
public enum ConfigurationPaths {
    /// The environment variable naming the configuration file.
    public static let configVariable = "SKYPEBRIDGE_CONFIG"
    /// The environment variable naming the state database.
    public static let stateVariable = "SKYPEBRIDGE_STATE"

    /// The configuration file to read: `explicitPath` (from `--config`), else `SKYPEBRIDGE_CONFIG`,
    /// else `$XDG_CONFIG_HOME/skypebridge/config.toml`.
    public static func configLocation(explicitPath: String?, environment: [String: String]) -> ConfigLocation {
        if let explicitPath, !explicitPath.isEmpty {
            return ConfigLocation(path: expandingTilde(in: explicitPath, environment: environment), source: .argument)
        }
        if let path = environment[configVariable], !path.isEmpty {
            return ConfigLocation(path: expandingTilde(in: path, environment: environment), source: .environment)
        }
        let base = xdgDirectory("XDG_CONFIG_HOME", fallback: ".config", environment: environment)
        return ConfigLocation(path: base + "/skypebridge/config.toml", source: .defaultPath)
    }

    /// The state database: `explicitPath` (from `--state`), else `SKYPEBRIDGE_STATE`, else
    /// `$XDG_STATE_HOME/skypebridge/state.sqlite`. Creating the file and its directory is the
    /// store's job.
    public static func statePath(explicitPath: String?, environment: [String: String]) -> String {
        if let explicitPath, !explicitPath.isEmpty {
            return expandingTilde(in: explicitPath, environment: environment)
        }
        if let path = environment[stateVariable], !path.isEmpty {
            return expandingTilde(in: path, environment: environment)
        }
        let base = xdgDirectory("XDG_STATE_HOME", fallback: ".local/state", environment: environment)
        return base + "/skypebridge/state.sqlite"
    }

    /// `path` with a leading `~` or `~/` replaced by the home directory; other paths unchanged.
    public static func expandingTilde(in path: String, environment: [String: String]) -> String {
        if path == "~" { return homeDirectory(environment: environment) }
        guard path.hasPrefix("~/") else { return path }
        return homeDirectory(environment: environment) + path.dropFirst(1)
    }

    /// `$HOME`, or the account's home directory when `HOME` is unset or empty.
    static func homeDirectory(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty {
            return home.count > 1 && home.hasSuffix("/") ? String(home.dropLast()) : home
        }
        return NSHomeDirectory()
    }

    private static func xdgDirectory(_ variable: String, fallback: String, environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") {
            return value.count > 1 && value.hasSuffix("/") ? String(value.dropLast()) : value
        }
        let home = homeDirectory(environment: environment)
        return (home == "/" ? "" : home) + "/" + fallback
    }
}
