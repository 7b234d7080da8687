import Foundation

/// The `[skype]` section: the Skype account and how to reach the Skype web services.
public struct SkypeSettings: Sendable, Hashable {
    /// `login_method`: which sign-in flow to use.
    public enum LoginMethod: String, Sendable, Hashable, CaseIterable {
        /// Pick the flow from the username, as skpy does: SOAP for e-mail addresses, Live otherwise.
        case auto
        /// The Microsoft account SOAP flow (`RST.srf`).
        case soap
        /// The Live web form flow (`ppsecure/post.srf`).
        case live
    }

    /// The environment variable read for the password when neither key is set.
    public static let defaultPasswordVariable = "SKYPEBRIDGE_SKYPE_PASSWORD"

    /// `username`: the Skype name, e-mail address or phone number to sign in with.
    public var username: String?
    /// `password_env` or `password_file`: where the account password is found.
    public var password: SecretReference
    /// `login_method` (`"auto"`).
    public var loginMethod: LoginMethod
    /// `token_refresh_margin` (`"1h"`): renew the Skype token this long before it expires.
    public var tokenRefreshMargin: Duration
    /// `poll_timeout` (`"30s"`): how long one event poll may wait for events.
    public var pollTimeout: Duration
    /// `request_timeout` (`"30s"`): the limit for any other request.
    public var requestTimeout: Duration
    /// `proxy`: an `http`, `https`, `socks5` or `socks5h` proxy for every Skype request.
    public var proxy: URL?
    /// `ca_file`: a PEM bundle of certificate authorities to trust instead of the system's.
    public var caFile: String?
    /// `login_url` … `profile_url`: the service base URLs.
    public var services: SkypeServiceURLs

    /// Creates Skype settings; every parameter defaults to the documented default.
    public init(
        username: String? = nil,
        password: SecretReference = .environment(SkypeSettings.defaultPasswordVariable),
        loginMethod: LoginMethod = .auto,
        tokenRefreshMargin: Duration = .seconds(3_600),
        pollTimeout: Duration = .seconds(30),
        requestTimeout: Duration = .seconds(30),
        proxy: URL? = nil,
        caFile: String? = nil,
        services: SkypeServiceURLs = .production
    ) {
        self.username = username
        self.password = password
        self.loginMethod = loginMethod
        self.tokenRefreshMargin = tokenRefreshMargin
        self.pollTimeout = pollTimeout
        self.requestTimeout = requestTimeout
        self.proxy = proxy
        self.caFile = caFile
        self.services = services
    }
}
