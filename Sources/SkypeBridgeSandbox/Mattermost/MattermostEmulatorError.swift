/// Why the Mattermost emulator could not start.
public enum MattermostEmulatorError: Error, CustomStringConvertible, Sendable {
    /// The seed breaks a server rule (for example an invalid channel name).
    case invalidSeed(String)
    /// Nothing could listen on the address.
    case bindFailed(host: String, port: Int)

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .invalidSeed(let reason): "invalid mattermost seed: \(reason); fix the seed"
        case .bindFailed(let host, let port): "mattermost emulator could not listen on \(host):\(port); pick another port"
        }
    }
}
