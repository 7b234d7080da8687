import Foundation
import Logging
import SkypeBridgeCore

/// What every command gets: its global options, a stderr logger at the chosen level, and
/// lazily the configuration and the state store.
struct CommandContext: Sendable {
    /// The options shared by every command.
    let global: GlobalOptions
    /// The process environment (injected so tests can vary it).
    let environment: [String: String]
    /// Logs to stderr at the level `-v`/`-vv`/`-q` chose.
    let logger: Logger

    init(global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.global = global
        self.environment = environment
        let level = global.logging.level
        var logger = Logger(label: "skypebridge") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = level
        self.logger = logger
    }

    /// Where the configuration comes from: `--config`, `$SKYPEBRIDGE_CONFIG`, or the XDG default.
    var configLocation: ConfigLocation {
        ConfigurationLoader.locate(explicitPath: global.config, environment: environment)
    }

    /// Loads and validates the configuration (defaults when the XDG default file is absent).
    func configuration() throws -> Configuration {
        try ConfigurationLoader.load(configLocation)
    }

    /// Opens the state database at `--state`, `$SKYPEBRIDGE_STATE`, or the XDG default; only
    /// the default directory is skypebridge's own to tighten.
    /// - Parameter access: `.concurrent` for long-running commands whose tasks read while
    ///   another writes; one-shot commands keep the default single connection.
    func openStore(access: StateStore.Access = .single) throws -> StateStore {
        let chosen = global.state ?? environment[ConfigurationPaths.stateVariable]
        let path = ConfigurationPaths.statePath(explicitPath: global.state, environment: environment)
        return try StateStore(path: path, ownsDirectory: chosen?.isEmpty ?? true, access: access, logger: logger)
    }

    /// Prints a failure as one line on stderr.
    func reportError(_ error: any Error) {
        let message = "\(error)"
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data("error: \(oneLine)\n".utf8))
    }
}
