import Foundation
import Logging

/// A signed-in Skype account: keeps its skypetoken and registration valid, shares them with other
/// processes through the state database, and signs every request with the header its service
/// wants (skype-web.md §1.5).
///
/// Refreshing is coordinated: before signing in or registering again, the session takes the
/// account's refresh lease in the ``TokenCache``; a process that cannot get it waits for the
/// holder's fresh tokens instead of refreshing too.
public actor SkypeSession {
    /// What a session needs besides the transport.
    public struct Configuration: Sendable {
        /// The sign-in name (Skype name, `live:` id or e-mail address).
        public var username: String
        /// The service URLs.
        public var services: SkypeServiceURLs
        /// `auto`, `soap` or `live`.
        public var loginMethod: SkypeSettings.LoginMethod
        /// Tokens are renewed when less than this is left.
        public var refreshMargin: TimeInterval
        /// How long to wait for another process's refresh before trying ourselves.
        public var leaseWait: TimeInterval

        public init(username: String, services: SkypeServiceURLs, loginMethod: SkypeSettings.LoginMethod = .auto, refreshMargin: TimeInterval = 3600, leaseWait: TimeInterval = 30) {
            self.username = username
            self.services = services
            self.loginMethod = loginMethod
            self.refreshMargin = refreshMargin
            self.leaseWait = leaseWait
        }
    }

    /// The service URLs this session uses.
    public nonisolated let services: SkypeServiceURLs
    /// The transport every request goes through.
    public nonisolated let transport: any HTTPTransport
    private let configuration: Configuration
    private let cache: TokenCache?
    private let password: @Sendable () throws -> String?
    private let logger: Logger
    private let leaseOwner = "pid\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    private var current: SkypeCredentials?

    /// Creates a session; nothing is sent until credentials are needed.
    /// - Parameters:
    ///   - cache: where tokens are shared between processes; nil keeps them in memory only.
    ///   - password: called only when a sign-in is needed; nil means "no password available".
    public init(
        configuration: Configuration, transport: any HTTPTransport, cache: TokenCache?,
        password: @escaping @Sendable () throws -> String?, logger: Logger
    ) {
        self.configuration = configuration
        self.services = configuration.services
        self.transport = transport
        self.cache = cache
        self.password = password
        self.logger = logger
    }

    /// Valid credentials: from memory, the shared cache, or by refreshing what is stale.
    public func credentials() async throws -> SkypeCredentials {
        if let current, isFresh(current) { return current }
        if let cached = try cache?.load(configuration.username), isFresh(cached) {
            current = cached
            return cached
        }
        return try await refresh(invalidating: nil)
    }

    /// Signs in with the password now, even if a token is cached (`login` after `--logout`).
    public func signInNow() async throws -> SkypeCredentials {
        try await refresh(invalidating: .skypeToken)
    }

    /// Forgets the cached tokens (`login --logout`).
    /// - Returns: whether anything was cached.
    public func forget() throws -> Bool {
        current = nil
        return try cache?.delete(configuration.username) ?? false
    }

    /// Adopts credentials from elsewhere (an imported skpy token file) and caches them.
    public func adopt(_ credentials: SkypeCredentials) throws {
        current = credentials
        try cache?.save(credentials, account: configuration.username)
    }

    /// The cached credentials without any refresh (for `login --status`).
    public func cachedCredentials() throws -> SkypeCredentials? {
        try current ?? cache?.load(configuration.username)
    }

    /// What went stale, so a refresh knows how much to redo.
    enum Staleness: Sendable { case skypeToken, registration }

    /// Marks part of the credentials invalid (after a 401 or a lost endpoint) and refreshes.
    func refresh(invalidating staleness: Staleness?) async throws -> SkypeCredentials {
        let deadline = Date().addingTimeInterval(configuration.leaseWait)
        while true {
            if let cache, try !cache.acquireRefreshLease(configuration.username, owner: leaseOwner, duration: 60) {
                if let shared = try cache.load(configuration.username), isFresh(shared), shared != current {
                    current = shared
                    return shared
                }
                guard Date() < deadline else {
                    throw SkypeError.unavailable("another skypebridge process is refreshing the tokens and has not finished")
                }
                try await Task.sleep(for: .milliseconds(200))
                continue
            }
            defer { try? cache?.releaseRefreshLease(configuration.username, owner: leaseOwner) }
            var base = try cache?.load(configuration.username) ?? current
            if let shared = base, shared != current, isFresh(shared), staleness == nil {
                current = shared
                return shared
            }
            if staleness == .skypeToken { base = nil }
            if staleness == .registration { base?.registrationToken = nil }
            let renewed = try await renew(base)
            try cache?.save(renewed, account: configuration.username)
            current = renewed
            return renewed
        }
    }

    /// Registers a new endpoint with the existing skypetoken when it looks valid (signing in
    /// again if the service refuses it), otherwise signs in first.
    private func renew(_ existing: SkypeCredentials?) async throws -> SkypeCredentials {
        if let existing, existing.skypeTokenValid(at: Date(), margin: configuration.refreshMargin) {
            do {
                return try await register(existing)
            } catch let error as SkypeError where error.category == .auth {
                logger.info("skype refused the cached skypetoken; signing in again")
            }
        }
        return try await register(try await signIn())
    }

    private func signIn() async throws -> SkypeCredentials {
        guard let password = try password(), !password.isEmpty else {
            throw SkypeError.missingPassword("the skype token has expired; set SKYPEBRIDGE_SKYPE_PASSWORD, [skype] password_env or password_file, or run `skypebridge login`")
        }
        let authenticator = SkypeAuthenticator(services: services, transport: transport, logger: logger)
        let token = try await authenticator.signIn(username: configuration.username, password: password, method: configuration.loginMethod)
        return SkypeCredentials(userID: token.userID, skypeToken: token.skypeToken, skypeTokenExpiry: token.expiry, messagingHost: SkypeServiceURLs.base(services.messaging))
    }

    private func register(_ signedIn: SkypeCredentials) async throws -> SkypeCredentials {
        var credentials = signedIn
        let registrar = SkypeRegistrar(transport: transport, logger: logger)
        let registration = try await registrar.register(skypeToken: credentials.skypeToken, messagingBase: SkypeServiceURLs.base(services.messaging))
        credentials.registrationToken = registration.token
        credentials.registrationExpiry = registration.expiry
        credentials.endpointID = registration.endpointID
        credentials.messagingHost = registration.messagingHost
        logger.info("skype endpoint registered", metadata: ["sb.skype.user": "\(credentials.userID)", "sb.skype.host": "\(registration.messagingHost)"])
        return credentials
    }

    private func isFresh(_ credentials: SkypeCredentials) -> Bool {
        let now = Date()
        return credentials.skypeTokenValid(at: now, margin: configuration.refreshMargin)
            && credentials.registrationValid(at: now, margin: min(configuration.refreshMargin, 60))
    }
}
