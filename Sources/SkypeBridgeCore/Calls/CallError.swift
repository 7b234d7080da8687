/// Failures talking to a Skype client API endpoint or placing a call through it.
public enum CallError: CategorizedError, Equatable, CustomStringConvertible {
    /// An endpoint string is neither `tcp://host:port` nor `unix:/path`.
    case invalidEndpoint(String)
    /// The endpoint's socket could not be reached.
    case connectionFailed(endpoint: String, message: String)
    /// The client refused the application (`ERROR 68`) or never answered `NAME`.
    case notAuthorized(endpoint: String)
    /// The client is logged in as someone other than the configured `skype_user`.
    case wrongUser(endpoint: String, expected: String, actual: String)
    /// A command got no reply in time.
    case timeout(command: String)
    /// The client answered a command with `ERROR <code> <text>`.
    case commandFailed(command: String, code: Int, message: String)
    /// The call target was not accepted (`ERROR 92`): not a Skype name or a dialable number.
    case unrecognisedTarget(String)
    /// A DTMF digit other than 0-9, `*` or `#`.
    case invalidDTMF(String)
    /// A reply did not have the shape the protocol defines.
    case protocolViolation(String)
    /// The connection closed before the reply arrived.
    case disconnected(endpoint: String)
    /// No interface has this name, id or Skype user.
    case unknownInterface(String)
    /// The interface is on a call (or claimed for one).
    case interfaceBusy(String)
    /// Round robin found no idle interface (all busy or down, or none configured).
    case noIdleInterface
    /// An interface of this name already exists.
    case duplicateInterface(String)
    /// No interface is loaded, so there is nothing to watch.
    case noInterfaces

    /// The exit-code category: config, unavailable, auth, timeout, notFound, dataError or failure.
    public var category: ErrorCategory {
        switch self {
        case .invalidEndpoint, .wrongUser: .config
        case .connectionFailed, .disconnected: .unavailable
        case .notAuthorized: .auth
        case .timeout: .timeout
        case .unrecognisedTarget, .unknownInterface: .notFound
        case .interfaceBusy, .noIdleInterface: .unavailable
        case .duplicateInterface, .noInterfaces: .config
        case .invalidDTMF: .dataError
        case .commandFailed, .protocolViolation: .failure
        }
    }

    /// A short lowercase message saying what to do.
    public var description: String {
        switch self {
        case let .invalidEndpoint(value):
            "endpoint \"\(value)\" is invalid; use tcp://host:port or unix:/path"
        case let .connectionFailed(endpoint, message):
            "cannot connect to the Skype client at \(endpoint): \(message); check that it is running"
        case let .notAuthorized(endpoint):
            "the Skype client at \(endpoint) refused access; allow the application in that client"
        case let .wrongUser(endpoint, expected, actual):
            "the Skype client at \(endpoint) is logged in as \(actual), not \(expected); fix skype_user or log in as \(expected)"
        case let .timeout(command):
            "no reply to \"\(command)\" in time; check that the Skype client is responsive"
        case let .commandFailed(command, code, message):
            "the Skype client refused \"\(command)\": ERROR \(code) \(message)"
        case let .unrecognisedTarget(target):
            "\(target) is not a Skype name or dialable number; check the call target"
        case let .invalidDTMF(digit):
            "\"\(digit)\" is not a DTMF digit; use 0-9, * or #"
        case let .protocolViolation(message):
            "unexpected reply from the Skype client: \(message)"
        case let .disconnected(endpoint):
            "the connection to the Skype client at \(endpoint) closed; check that it is still running"
        case let .unknownInterface(reference):
            "no interface \(reference); see skypebridge interfaces list"
        case let .interfaceBusy(name):
            "interface \(name) is busy with a call; try again when it is idle"
        case .noIdleInterface:
            "no idle interface; wait for a call to end or add interfaces (interfaces reload)"
        case .noInterfaces:
            "no interfaces are loaded; add [interfaces.<name>] sections to the config and run interfaces reload"
        case let .duplicateInterface(name):
            "an interface named \(name) already exists; remove it first to change it"
        }
    }
}
