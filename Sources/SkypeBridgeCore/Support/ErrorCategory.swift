/// What kind of failure an error is, as far as a caller (and a shell script's exit code) cares.
///
/// Every error type in the core conforms to ``CategorizedError`` so the command line can map it to
/// one documented exit code without knowing the concrete type.
public enum ErrorCategory: String, Sendable, CaseIterable {
    /// Something went wrong that fits no other category.
    case failure
    /// The configuration file or a setting is invalid.
    case config
    /// Credentials were refused or a token could not be obtained.
    case auth
    /// A chat, contact, interface or other named thing does not exist.
    case notFound
    /// A service or feature is unavailable (down, not built yet, refused for now).
    case unavailable
    /// An operation did not finish in the time allowed.
    case timeout
    /// The operation was interrupted by a signal or cancelled.
    case interrupted
    /// The input handed in (a message body, a file) is unusable.
    case dataError
}

/// An error that knows its ``ErrorCategory``.
public protocol CategorizedError: Error {
    /// The category used to pick an exit code.
    var category: ErrorCategory { get }
}
