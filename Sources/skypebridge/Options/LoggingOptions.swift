import ArgumentParser
import Logging

/// `-v`/`-vv`/`-q`: how much is logged to stderr. Command output on stdout is never affected.
struct LoggingOptions: ParsableArguments, Sendable {
    @Flag(name: .shortAndLong, help: "Log more to stderr: -v info, -vv debug.")
    var verbose: Int

    @Flag(name: .shortAndLong, help: "Log only errors to stderr.")
    var quiet = false

    func validate() throws {
        if quiet && verbose > 0 {
            throw ValidationError("--quiet and --verbose cannot be combined.")
        }
    }

    /// The log level these flags select (default: warnings).
    var level: Logger.Level {
        if quiet { return .error }
        switch verbose {
        case 0: return .warning
        case 1: return .info
        case 2: return .debug
        default: return .trace
        }
    }
}
