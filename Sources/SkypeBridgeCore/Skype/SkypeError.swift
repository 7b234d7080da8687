/// Failures of the Skype client.
public enum SkypeError: CategorizedError, Equatable, CustomStringConvertible {
    /// Username or password refused (the service's own words attached).
    case authenticationFailed(String)
    /// No password is configured or given.
    case missingPassword(String)
    /// No tokens are cached for the account.
    case notSignedIn(String)
    /// A required `[skype]` setting is missing.
    case notConfigured(String)
    /// A file to send cannot be read.
    case unreadableFile(String)
    /// A file to send as a picture is not one.
    case notAPicture(String)
    /// A token file could not be read.
    case malformedTokenFile(String)
    /// The service answered in a shape the client cannot use.
    case unexpectedResponse(String)
    /// The chat, contact or message does not exist.
    case notFound(String)
    /// The service refused for now (rate limit, quarantine, outage).
    case unavailable(String)

    public var category: ErrorCategory {
        switch self {
        case .authenticationFailed, .missingPassword, .notSignedIn: .auth
        case .notConfigured: .config
        case .malformedTokenFile, .unreadableFile, .notAPicture: .dataError
        case .unexpectedResponse: .failure
        case .notFound: .notFound
        case .unavailable: .unavailable
        }
    }

    public var description: String {
        switch self {
        case let .authenticationFailed(detail): "skype sign-in refused: \(detail)"
        case let .missingPassword(hint): "no skype password: \(hint)"
        case let .notSignedIn(account): "not signed in as \(account); run `skypebridge login`"
        case let .notConfigured(detail): detail
        case let .unreadableFile(path): "cannot read \(path); check the path and permissions"
        case let .notAPicture(path): "\(path) is not a \(ImageFormat.listed) picture; send it with --file"
        case let .malformedTokenFile(detail): "malformed token file: \(detail)"
        case let .unexpectedResponse(detail): "unexpected answer from skype: \(detail)"
        case let .notFound(what): "not found on skype: \(what)"
        case let .unavailable(detail): "skype unavailable: \(detail)"
        }
    }
}
