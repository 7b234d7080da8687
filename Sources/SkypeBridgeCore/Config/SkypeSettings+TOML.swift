extension SkypeSettings {
    /// The keys `[skype]` accepts.
    static let tomlKeys = [
        "username", "password_env", "password_file", "login_method", "token_refresh_margin", "poll_timeout",
        "request_timeout", "proxy", "ca_file",
    ] + SkypeServiceURLs.keys.map(\.key)

    /// The URL schemes a `proxy` may use.
    static let proxySchemes = ["http", "https", "socks5", "socks5h"]

    /// Reads `[skype]`; absent keys keep their defaults.
    init(reading reader: ConfigTableReader) throws(ConfigError) {
        try reader.checkKeys(Self.tomlKeys, literalSecrets: ["password": ["password_env", "password_file"]])
        self.init()
        username = try reader.nonEmptyString("username")
        if let secret = try reader.secret(environmentKey: "password_env", fileKey: "password_file") {
            password = secret
        }
        loginMethod = try reader.choice("login_method") ?? loginMethod
        tokenRefreshMargin = try reader.duration("token_refresh_margin", minimum: .zero, maximum: .seconds(23 * 3_600))
            ?? tokenRefreshMargin
        pollTimeout = try reader.duration("poll_timeout", minimum: .seconds(1)) ?? pollTimeout
        requestTimeout = try reader.duration("request_timeout", minimum: .seconds(1)) ?? requestTimeout
        proxy = try reader.url("proxy", schemes: Self.proxySchemes)
        caFile = try reader.path("ca_file")
        for (key, path) in SkypeServiceURLs.keys {
            if let url = try reader.url(key, schemes: ["http", "https"]) {
                services[keyPath: path] = url
            }
        }
    }

    /// Writes `[skype]` with every effective value.
    func render(into writer: inout TOMLDocumentWriter) {
        writer.section("skype")
        writer.optionalString("username", username)
        switch password {
        case .environment(let name): writer.string("password_env", name)
        case .file(let path): writer.string("password_file", path)
        }
        writer.string("login_method", loginMethod.rawValue)
        writer.duration("token_refresh_margin", tokenRefreshMargin)
        writer.duration("poll_timeout", pollTimeout)
        writer.duration("request_timeout", requestTimeout)
        writer.url("proxy", proxy)
        writer.optionalString("ca_file", caFile)
        for (key, path) in SkypeServiceURLs.keys {
            writer.url(key, services[keyPath: path])
        }
    }
}
