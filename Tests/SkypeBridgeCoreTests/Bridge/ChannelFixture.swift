import Foundation
import Logging
import SkypeBridgeCore
import SkypeBridgeSandbox
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Mattermost emulator on a free port, the bridge bot's client, an admin's client (acting as a
/// person who edits channels by hand) and a fresh state file, for provisioner tests.
struct ChannelFixture {
    static let logger = Logger(label: "test.channels") { _ in SwiftLogNoOpLogHandler() }

    let emulator: MattermostEmulator
    let info: SandboxServiceInfo
    let directory: TemporaryDirectory
    let store: StateStore
    let bot: MattermostClient
    let admin: MattermostClient
    let botUser: MattermostUser
    let team: MattermostTeam

    /// Runs `body` against a started fixture, stopping the emulator afterwards.
    static func with(_ body: (ChannelFixture) async throws -> Void) async throws {
        let emulator = MattermostEmulator(logger: logger)
        let info = try await emulator.start(host: "127.0.0.1")
        do {
            let fixture = try await ChannelFixture(emulator: emulator, info: info)
            try await body(fixture)
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }

    private init(emulator: MattermostEmulator, info: SandboxServiceInfo) async throws {
        self.emulator = emulator
        self.info = info
        directory = try TemporaryDirectory()
        store = try StateStore(path: directory.file("state.sqlite"), logger: Self.logger)
        let base = URL(string: info.urls["base"]!)!
        let botToken = info.accounts.first { $0.role == "bot" }!.secret
        let adminToken = info.accounts.first { $0.username == "mia" && $0.role == "personal-access-token" }!.secret
        bot = MattermostClient(baseURL: base, token: botToken, transport: try CurlTransport(logger: Self.logger), logger: Self.logger)
        admin = MattermostClient(baseURL: base, token: adminToken, transport: try CurlTransport(logger: Self.logger), logger: Self.logger)
        botUser = try await bot.me()
        team = try await bot.team(named: info.settings["team"]!)
    }

    /// A provisioner as `bridge run` would build it.
    func provisioner(prefix: String = "skype-") -> ChannelProvisioner {
        ChannelProvisioner(
            client: bot, store: store, team: team, bot: botUser, settings: BridgeSettings(channelPrefix: prefix), logger: Self.logger)
    }

    /// A `channels sync` as the command builds it.
    func sync(indexChannel: String? = nil) -> ChannelSync {
        ChannelSync(client: bot, store: store, team: team, bot: botUser, settings: BridgeSettings(), indexChannel: indexChannel, logger: Self.logger)
    }

    /// Calls the emulator's control API (`/_control/mattermost/<path>`) with a JSON body.
    @discardableResult
    func control(_ path: String, _ body: [String: any Sendable]) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: info.urls["control"]! + "/" + path)!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Every post in `channel`, oldest first, deleted ones included (control API).
    func history(_ channel: MattermostChannelID) async throws -> [[String: Any]] {
        let url = URL(string: info.urls["control"]! + "/channels/\(channel.rawValue)/posts")!
        let (data, _) = try await URLSession.shared.data(from: url)
        let object = try JSONSerialization.jsonObject(with: data)
        return (object as? [[String: Any]]) ?? ((object as? [String: Any])?["posts"] as? [[String: Any]]) ?? []
    }
}
