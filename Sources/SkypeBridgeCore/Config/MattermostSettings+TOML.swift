extension MattermostSettings {
    /// The keys `[mattermost]` accepts.
    static let tomlKeys = [
        "url", "websocket_url", "team", "token_env", "token_file", "login_id", "password_env", "password_file",
        "request_timeout", "proxy", "ca_file",
    ]

    /// Reads `[mattermost]`; absent keys keep their defaults.
    init(reading reader: ConfigTableReader) throws(ConfigError) {
        try reader.checkKeys(
            Self.tomlKeys,
            literalSecrets: ["token": ["token_env", "token_file"], "password": ["password_env", "password_file"]])
        let url = try reader.url("url", schemes: ["http", "https"])
        let websocketURL = try reader.url("websocket_url", schemes: ["ws", "wss"])
        self.init(
            url: url,
            websocketURL: websocketURL,
            team: try reader.nonEmptyString("team"),
            credentials: try Self.credentials(reading: reader),
            requestTimeout: try reader.duration("request_timeout", minimum: .seconds(1)) ?? .seconds(30),
            proxy: try reader.url("proxy", schemes: SkypeSettings.proxySchemes),
            caFile: try reader.path("ca_file")
        )
    }

    /// A token by default; a session login when `login_id` is set (a token key is then an error).
    private static func credentials(reading reader: ConfigTableReader) throws(ConfigError) -> MattermostCredentials {
        let token = try reader.secret(environmentKey: "token_env", fileKey: "token_file")
        let loginID = try reader.nonEmptyString("login_id")
        let password = try reader.secret(environmentKey: "password_env", fileKey: "password_file")
        if let loginID {
            if token != nil {
                let tokenKey = reader.presentKey("token_env", "token_file")
                throw ConfigError.conflictingSettings(
                    reader.location(of: tokenKey), keys: ["login_id", tokenKey], section: reader.sectionName)
            }
            return .login(loginID: loginID, password: password ?? .environment(defaultPasswordVariable))
        }
        if password != nil {
            let passwordKey = reader.presentKey("password_env", "password_file")
            throw ConfigError.missingSetting(
                reader.location(of: passwordKey), key: "login_id", section: reader.sectionName,
                hint: "'\(passwordKey)' is only used with it; set login_id or use token_env/token_file")
        }
        return .token(token ?? .environment(defaultTokenVariable))
    }

    /// Writes `[mattermost]` with every effective value.
    func render(into writer: inout TOMLDocumentWriter) {
        writer.section("mattermost")
        writer.url("url", url)
        writer.url("websocket_url", websocketURL)
        writer.optionalString("team", team)
        switch credentials {
        case .token(.environment(let name)):
            writer.string("token_env", name)
        case .token(.file(let path)):
            writer.string("token_file", path)
        case .login(let loginID, let password):
            writer.string("login_id", loginID)
            switch password {
            case .environment(let name): writer.string("password_env", name)
            case .file(let path): writer.string("password_file", path)
            }
        }
        writer.duration("request_timeout", requestTimeout)
        writer.url("proxy", proxy)
        writer.optionalString("ca_file", caFile)
    }
}
