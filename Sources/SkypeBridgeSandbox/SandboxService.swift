import Logging

/// One emulator in the sandbox (Skype web service, Mattermost server, Skype client API).
///
/// A service binds on `start`, serves in the background until `stop`, and describes what it
/// serves in a ``SandboxServiceInfo`` so the `sandbox` command can print it and write a config.
public protocol SandboxService: AnyObject, Sendable {
    /// A short stable name: `skype`, `mattermost`, `client-api`.
    var name: String { get }
    /// Binds the listening socket(s) on `host` and starts serving in the background.
    /// - Returns: the URLs and accounts the service offers. Must not return before it accepts connections.
    func start(host: String) async throws -> SandboxServiceInfo
    /// Stops serving and closes every connection. Safe to call twice.
    func stop() async
    /// Serialises the service's state for `sandbox --persist`; nil when it keeps none.
    func persistentState() async throws -> [UInt8]?
    /// Restores state saved by ``persistentState()``. Called before ``start(host:)``.
    func restore(_ state: [UInt8]) async throws
}

/// What a running ``SandboxService`` offers, as printed by `skypebridge sandbox --json`.
public struct SandboxServiceInfo: Sendable, Codable, Equatable {
    /// Named base URLs, e.g. `"base": "http://127.0.0.1:4123"`, `"control": "http://127.0.0.1:4123/_control"`.
    public var urls: [String: String]
    /// Accounts people and tests can use, e.g. `"alice": "password"`.
    public var accounts: [SandboxAccount]
    /// Settings a client config needs beyond URLs (for example the Mattermost team name).
    public var settings: [String: String]

    public init(urls: [String: String], accounts: [SandboxAccount] = [], settings: [String: String] = [:]) {
        self.urls = urls
        self.accounts = accounts
        self.settings = settings
    }
}

/// A login the sandbox has seeded.
public struct SandboxAccount: Sendable, Codable, Equatable {
    /// The login name (Skype id, Mattermost username).
    public var username: String
    /// The password, or a token for token-only accounts. Sandbox secrets are not real secrets.
    public var secret: String
    /// What the account is for, e.g. `bridge`, `person`, `bot`.
    public var role: String

    public init(username: String, secret: String, role: String) {
        self.username = username
        self.secret = secret
        self.role = role
    }
}

extension SandboxService {
    /// Default: the service keeps no state worth persisting.
    public func persistentState() async throws -> [UInt8]? { nil }
    /// Default: nothing to restore.
    public func restore(_ state: [UInt8]) async throws {}
}
