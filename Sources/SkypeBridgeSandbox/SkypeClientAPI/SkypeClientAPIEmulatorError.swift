/// Why the Skype client API emulator could not start.
public enum SkypeClientAPIEmulatorError: Error, Equatable, CustomStringConvertible {
    /// An endpoint's `listen` is neither `tcp://host:port` nor `unix:/path`.
    case invalidListenAddress(String)
    /// Two endpoints share a name.
    case duplicateEndpoint(String)
    /// ``SkypeClientAPIEmulator/start(host:)`` was called on a running emulator.
    case alreadyStarted

    /// What went wrong and what to do, in lower case.
    public var description: String {
        switch self {
        case let .invalidListenAddress(value): "endpoint address \(value) is invalid; use tcp://127.0.0.1:0 or unix:/path"
        case let .duplicateEndpoint(name): "endpoint name \(name) is used twice; give every endpoint its own name"
        case .alreadyStarted: "the client API emulator is already running; stop it first"
        }
    }
}
