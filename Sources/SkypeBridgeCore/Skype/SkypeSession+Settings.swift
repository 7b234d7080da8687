import Foundation
import Logging

extension SkypeSession {
    /// A session built from the `[skype]` settings: a libcurl transport with the configured proxy,
    /// CA file and timeouts, tokens shared through `store`, and the password read from its
    /// reference only when a sign-in is actually needed.
    /// - Parameters:
    ///   - username: overrides `[skype] username`.
    ///   - password: overrides the configured password reference (`--password-stdin`, a prompt).
    public static func make(
        settings: SkypeSettings, username: String? = nil, store: StateStore?, environment: [String: String],
        password: (@Sendable () throws -> String?)? = nil, logger: Logger
    ) throws -> SkypeSession {
        guard let account = username ?? settings.username, !account.isEmpty else {
            throw SkypeError.notConfigured("no skype account: set [skype] username in the config or pass --username")
        }
        let transport = try CurlTransport(
            configuration: HTTPClientConfiguration(
                proxy: settings.proxy?.absoluteString,
                caFile: settings.caFile.map { ConfigurationPaths.expandingTilde(in: $0, environment: environment) },
                requestTimeout: settings.requestTimeout
            ),
            logger: logger
        )
        let reference = settings.password
        let readPassword: @Sendable () throws -> String? = password ?? {
            try reference.resolve(environment: environment, logger: logger)
        }
        return SkypeSession(
            configuration: Configuration(
                username: account, services: settings.services, loginMethod: settings.loginMethod,
                refreshMargin: settings.tokenRefreshMargin.timeInterval
            ),
            transport: transport,
            cache: store.map(TokenCache.init(store:)),
            password: readPassword,
            logger: logger
        )
    }
}

extension Duration {
    /// The duration in seconds, as Foundation wants it.
    public var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
