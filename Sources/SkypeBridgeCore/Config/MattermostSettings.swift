import Foundation

/// The `[mattermost]` section: the Mattermost server and the bridge's account on it.
public struct MattermostSettings: Sendable, Hashable {
    /// The environment variable read for the token when no credential key is set.
    public static let defaultTokenVariable = "SKYPEBRIDGE_MATTERMOST_TOKEN"
    /// The environment variable read for the password when `login_id` is set without a password key.
    public static let defaultPasswordVariable = "SKYPEBRIDGE_MATTERMOST_PASSWORD"

    /// `url`: the server's base URL, such as `http://127.0.0.1:8065` (the API is under `/api/v4`).
    public var url: URL?
    /// `websocket_url`: the event stream; derived from ``url`` (`ws(s)://…/api/v4/websocket`) unless set.
    public var websocketURL: URL?
    /// `team`: the team (by name) in which the bridge's channels live.
    public var team: String?
    /// `token_env` / `token_file`, or `login_id` with `password_env` / `password_file`.
    public var credentials: MattermostCredentials
    /// `request_timeout` (`"30s"`): the limit for one REST request.
    public var requestTimeout: Duration
    /// `proxy`: an `http`, `https`, `socks5` or `socks5h` proxy for Mattermost requests.
    public var proxy: URL?
    /// `ca_file`: a PEM bundle of certificate authorities to trust instead of the system's.
    public var caFile: String?

    /// Creates Mattermost settings; a nil `websocketURL` is derived from `url`.
    public init(
        url: URL? = nil,
        websocketURL: URL? = nil,
        team: String? = nil,
        credentials: MattermostCredentials = .token(.environment(MattermostSettings.defaultTokenVariable)),
        requestTimeout: Duration = .seconds(30),
        proxy: URL? = nil,
        caFile: String? = nil
    ) {
        self.url = url
        self.websocketURL = websocketURL ?? url.flatMap(Self.derivedWebSocketURL(from:))
        self.team = team
        self.credentials = credentials
        self.requestTimeout = requestTimeout
        self.proxy = proxy
        self.caFile = caFile
    }

    /// `ws://host/…/api/v4/websocket` for an `http` server URL, `wss://…` for an `https` one.
    public static func derivedWebSocketURL(from url: URL) -> URL? {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return nil }
        components.scheme = components.scheme?.lowercased() == "https" ? "wss" : "ws"
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        components.path = path + "/api/v4/websocket"
        components.query = nil
        components.fragment = nil
        return components.url
    }
}
