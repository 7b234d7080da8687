import ArgumentParser
import SkypeBridgeCore

/// Every exit code skypebridge uses, in one place. The root `--help` and the man page list them.
///
/// The numbers follow sysexits(3) where one fits, so scripts can tell "try again later" from
/// "fix your config" without parsing messages.
enum ExitCodes: Int32, CaseIterable {
    /// Everything asked for was done.
    case success = 0
    /// A failure that fits no other code.
    case failure = 1
    /// The command line was wrong (unknown option, missing argument).
    case usage = 2
    /// The input handed in (a message body, a file) is unusable.
    case dataError = 65
    /// A chat, contact, interface or other named thing does not exist.
    case notFound = 67
    /// A service or feature is unavailable now (down, refused, or not built yet).
    case unavailable = 69
    /// An operation did not finish in time.
    case timeout = 75
    /// Credentials were refused or no valid token could be obtained.
    case auth = 77
    /// The configuration file or a setting is invalid.
    case config = 78
    /// `call originate`: the callee was busy.
    case callBusy = 80
    /// `call originate`: the callee refused the call.
    case callRefused = 81
    /// `call originate`: nobody answered before the ring timeout.
    case callNoAnswer = 82
    /// `call originate`: the call failed (the client gave a failure reason or went away).
    case callFailed = 83
    /// `call originate`: no idle interface (all busy or down); no call was placed.
    case noInterface = 84
    /// The named interface is busy with a call (`call originate --interface`, `interfaces remove`).
    case interfaceBusy = 85
    /// Stopped by SIGINT/SIGTERM before the work was done.
    case interrupted = 130

    /// The code for an error category reported by the core.
    init(category: ErrorCategory) {
        switch category {
        case .failure: self = .failure
        case .config: self = .config
        case .auth: self = .auth
        case .notFound: self = .notFound
        case .unavailable: self = .unavailable
        case .timeout: self = .timeout
        case .interrupted: self = .interrupted
        case .dataError: self = .dataError
        }
    }

    /// One line of the exit code table.
    var meaning: String {
        switch self {
        case .success: "success"
        case .failure: "failure that fits no other code"
        case .usage: "wrong command line (unknown option, missing argument)"
        case .dataError: "unusable input (message body, file)"
        case .notFound: "unknown chat, contact, interface or other name"
        case .unavailable: "service or feature unavailable (down, refused, not built yet)"
        case .timeout: "timed out"
        case .auth: "credentials refused or no valid token"
        case .config: "invalid configuration"
        case .callBusy: "call: the callee was busy"
        case .callRefused: "call: the callee refused"
        case .callNoAnswer: "call: no answer before the ring timeout"
        case .callFailed: "call: failed (failure reason, or the client went away)"
        case .noInterface: "call: no idle interface, nothing was dialled"
        case .interfaceBusy: "the named interface is busy with a call"
        case .interrupted: "interrupted by SIGINT or SIGTERM"
        }
    }

    /// The table shown in `skypebridge --help` and the man page.
    /// Built with a plain loop: the generic `joined(separator:)` costs runtime conformance
    /// lookups at every start, since the root command's help is built even for `send`.
    static var table: String {
        var text = ""
        for code in allCases {
            let number = String(code.rawValue)
            if !text.isEmpty { text += "\n" }
            text += "  " + number + String(repeating: " ", count: max(1, 5 - number.count)) + code.meaning
        }
        return text
    }
}

extension ExitCodes {
    /// The code `call originate` ends with for a call that ended this way.
    init(outcome: CallOutcome) {
        switch outcome {
        case .completed: self = .success
        case .busy: self = .callBusy
        case .refused: self = .callRefused
        case .noAnswer: self = .callNoAnswer
        case .failed: self = .callFailed
        case .interrupted: self = .interrupted
        }
    }

    /// The code of an interface error that has one of its own (no idle interface, interface
    /// busy); nil for errors mapped by their category.
    init?(interfaceError error: any Error) {
        switch error as? CallError {
        case .noIdleInterface: self = .noInterface
        case .interfaceBusy: self = .interfaceBusy
        default: return nil
        }
    }

    /// Runs `body`; an interface error with its own code is reported and ends the command with it.
    static func mappingInterfaceErrors<T>(_ context: CommandContext, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            guard let code = ExitCodes(interfaceError: error) else { throw error }
            context.reportError(error)
            throw ExitCode(code.rawValue)
        }
    }
}
