import Foundation
import Logging

/// A Mattermost v4 REST client over an ``HTTPTransport`` (``CurlTransport`` in production).
///
/// Sends `Authorization: Bearer <token>` on every request and reads answers liberally: header
/// names in any case, unknown JSON keys ignored, missing optional fields empty, `""` ids as nil.
/// A non-2xx answer becomes a ``MattermostError`` built from the server's error object
/// (`id`, `message`, `status_code`); a transfer that fails after the transport's retries becomes
/// ``MattermostError/transport(_:)``. Cancelling the calling task throws `CancellationError`.
///
/// ```swift
/// let client = try await MattermostClient.make(settings: config.mattermost, environment: env, logger: logger)
/// let team = try await client.team(named: "skype")
/// let channel = try await client.channel(named: "town-square", inTeam: team.id)
/// _ = try await client.createPost(NewMattermostPost(channelID: channel!.id, message: "hello"))
/// ```
public actor MattermostClient {
    /// The server's base URL (the API is under `/api/v4`).
    public nonisolated let baseURL: URL
    let token: String
    let transport: any HTTPTransport
    let requestTimeout: Duration
    let logger: Logger
    /// `…/api/v4`, without a trailing slash.
    nonisolated let apiBase: String
    /// The most posts one `since=` answer holds on a real server; a full answer is followed by paging.
    let sinceLimit: Int
    /// The page size used when paging.
    let pageSize: Int

    /// Creates a client that authenticates with `token` (bot token, personal access token or session token).
    public init(baseURL: URL, token: String, transport: any HTTPTransport, requestTimeout: Duration = .seconds(30), logger: Logger) {
        self.init(baseURL: baseURL, token: token, transport: transport, requestTimeout: requestTimeout, logger: logger, sinceLimit: 1000, pageSize: 200)
    }

    /// Creates a client with its paging limits (tests shrink them to exercise paging).
    init(baseURL: URL, token: String, transport: any HTTPTransport, requestTimeout: Duration, logger: Logger, sinceLimit: Int, pageSize: Int) {
        self.baseURL = baseURL
        self.token = token
        self.transport = transport
        self.requestTimeout = requestTimeout
        self.logger = logger
        self.apiBase = Self.apiBase(of: baseURL)
        self.sinceLimit = sinceLimit
        self.pageSize = pageSize
    }

    /// Resolves the credentials of `settings` (token from env/file, or session login with login id
    /// and password) and builds the client over a ``CurlTransport`` configured with the settings'
    /// proxy and CA file.
    /// - Throws: ``MattermostError/notConfigured(_:)`` without a URL, ``ConfigError`` for a missing
    ///   secret, ``MattermostError/unauthorized(_:)`` for a refused login.
    public static func make(settings: MattermostSettings, environment: [String: String], logger: Logger) async throws -> MattermostClient {
        guard let url = settings.url else { throw MattermostError.notConfigured("set url in [mattermost]") }
        let configuration = HTTPClientConfiguration(
            proxy: settings.proxy?.absoluteString, caFile: settings.caFile, requestTimeout: settings.requestTimeout)
        let transport: CurlTransport
        do {
            transport = try CurlTransport(configuration: configuration, logger: logger)
        } catch {
            throw MattermostError.notConfigured(error.description)
        }
        let token: String
        switch settings.credentials {
        case .token(let reference):
            token = try reference.resolve(environment: environment, logger: logger)
        case .login(let loginID, let passwordReference):
            let password = try passwordReference.resolve(environment: environment, logger: logger)
            token = try await login(baseURL: url, loginID: loginID, password: password, transport: transport, logger: logger)
        }
        return MattermostClient(baseURL: url, token: token, transport: transport, requestTimeout: settings.requestTimeout, logger: logger)
    }

    /// Signs in with `POST /users/login` and returns the session token from the `Token` header.
    ///
    /// Bots cannot sign in this way; they use their token directly.
    /// - Throws: ``MattermostError/unauthorized(_:)`` for wrong credentials.
    public static func login(
        baseURL: URL, loginID: String, password: String, transport: any HTTPTransport, requestTimeout: Duration = .seconds(30), logger: Logger
    ) async throws -> String {
        let body = JSONValue.object([
            "login_id": .string(loginID), "password": .string(password), "token": .string(""), "device_id": .string(""),
        ])
        let request = HTTPRequest(
            method: .post, url: apiBase(of: baseURL) + "/users/login", headers: ["Content-Type": "application/json", "Accept": "application/json"],
            body: .bytes(try body.jsonData()), timeout: requestTimeout, retryable: true)
        let response = try await exchange(request, transport: transport)
        guard let token = response.headers["Token"], !token.isEmpty else {
            throw MattermostError.unexpectedResponse("login answered without a Token header")
        }
        logger.debug("mattermost session login", metadata: ["sb.mm.login": "\(loginID)"])
        return token
    }

    static func apiBase(of baseURL: URL) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base.hasSuffix("/api/v4") ? base : base + "/api/v4"
    }
}
