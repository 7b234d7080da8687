import Foundation
import Logging
import SkypeBridgeCore
import SkypeBridgeSandbox

/// Everything the demo runs on: the emulators started in-process, the config `sandbox
/// --write-config` would write (loaded back the way `bridge run` loads it), a private state
/// database, and clients for the people on both sides.
struct DemoWorld: Sendable {
    /// The API key the demo's HTTP send API accepts (only ever on 127.0.0.1, for this process).
    static let apiKeyVariable = "SKYPEBRIDGE_DEMO_API_KEY"

    let sandbox: Sandbox
    let services: [String: SandboxServiceInfo]
    let directory: String
    let configuration: Configuration
    let environment: [String: String]
    let store: StateStore
    let logger: Logger

    /// Starts the emulators and prepares config and state in a fresh temporary directory.
    static func start(logger: Logger) async throws -> DemoWorld {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("skypebridge-demo-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let options = Sandbox.Options()
        let sandbox = Sandbox(options: options, services: Sandbox.defaultServices(options: options, logger: logger), logger: logger)
        let services = try await sandbox.start()
        let configPath = directory + "/config.toml"
        try SandboxConfigFile(services: services).write(to: configPath)
        var configuration = try ConfigurationLoader.load(ConfigLocation(path: configPath, source: .argument))
        configuration.bridge.autoAcceptFriends = true
        configuration.http.enabled = true
        configuration.http.listen = ListenAddress(host: "127.0.0.1", port: 0)
        configuration.http.keys = [HTTPSettings.APIKey(name: "demo", secret: .environment(apiKeyVariable))]
        var environment = ProcessInfo.processInfo.environment
        environment[apiKeyVariable] = SendAPIHandler.randomRequestID()
        let store = try StateStore(path: directory + "/state.sqlite", logger: logger)
        return DemoWorld(
            sandbox: sandbox, services: services, directory: directory, configuration: configuration, environment: environment,
            store: store, logger: logger)
    }

    /// Stops the emulators and removes the temporary directory.
    func stop() async {
        await sandbox.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The API key of the demo's HTTP send API.
    var apiKey: String { environment[Self.apiKeyVariable] ?? "" }

    /// A seeded account's secret (`role`: bridge, person, bot, personal-access-token).
    func secret(_ service: String, _ username: String, role: String) throws -> String {
        guard let account = services[service]?.accounts.first(where: { $0.username == username && $0.role == role }) else {
            throw DemoError.setup("the sandbox has no \(role) account \(username) in \(service)")
        }
        return account.secret
    }

    /// A URL the sandbox reported.
    func url(_ service: String, _ key: String) throws -> URL {
        guard let text = services[service]?.urls[key], let url = URL(string: text) else {
            throw DemoError.setup("the sandbox reported no \(key) URL for \(service)")
        }
        return url
    }

    /// The bridge's own Skype session (tokens cached in the demo's state database).
    func bridgeSession() throws -> SkypeSession {
        try SkypeSession.make(settings: configuration.skype, store: store, environment: environment, logger: logger)
    }

    /// A Skype person signed in with the real protocol, as any Skype client would be.
    func skypePerson(_ username: String) throws -> SkypeClient {
        let password = try secret("skype", username, role: "person")
        var settings = configuration.skype
        settings.username = username
        return SkypeClient(session: try SkypeSession.make(settings: settings, store: nil, environment: [:], password: { password }, logger: logger))
    }

    /// A Mattermost person with a personal access token.
    func mattermostPerson(_ username: String) throws -> MattermostClient {
        let token = try secret("mattermost", username, role: "personal-access-token")
        return MattermostClient(baseURL: try url("mattermost", "base"), token: token, transport: try CurlTransport(logger: logger), logger: logger)
    }

    /// The bridge's Mattermost bot.
    func mattermostBot() throws -> MattermostClient {
        let token = try secret("mattermost", "bridge-bot", role: "bot")
        return MattermostClient(baseURL: try url("mattermost", "base"), token: token, transport: try CurlTransport(logger: logger), logger: logger)
    }
}

/// Why the demo could not run a step or set itself up.
enum DemoError: Error, CustomStringConvertible {
    case setup(String)
    case notSeen(String)

    var description: String {
        switch self {
        case .setup(let detail): "demo setup failed: \(detail)"
        case .notSeen(let detail): detail
        }
    }
}
