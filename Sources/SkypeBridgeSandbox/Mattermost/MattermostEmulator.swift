import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import ServiceLifecycle
import Synchronization

/// An emulator of a Mattermost v4 server (REST, incoming webhooks and the WebSocket) faithful
/// enough for unmodified `mattermostdriver` 7.3.2, plus a control API for tests and demos.
///
/// Everything is served on one port: `/api/v4/...`, `/api/v4/websocket`, `/hooks/{id}` and
/// `/_control/mattermost/...`. State lives in memory; `persistentState()` and `restore(_:)` carry
/// it across runs.
public final class MattermostEmulator: SandboxService {
    /// How the emulator is configured.
    public struct Options: Sendable {
        /// The port to bind; 0 picks a free one.
        public var port: Int
        /// What a fresh (not restored) emulator holds.
        public var seed: MattermostSeed
        /// Events kept per connection id for WebSocket resume (the server's dead queue: 128).
        public var resumeBufferSize: Int
        /// How long a disconnected connection id stays resumable.
        public var resumeWindow: Duration
        /// `FileSettings.MaxFileSize` in bytes.
        public var maxFileSize: Int
        /// `MaxPostSize` in runes.
        public var maxPostSize: Int
        /// `MaximumPayloadSizeBytes` for JSON bodies.
        public var maxPayloadSize: Int
        /// Unauthenticated sockets are closed after this long.
        public var webSocketAuthTimeout: Duration
        /// Interval of the server's WebSocket ping frames.
        public var webSocketPingInterval: Duration
        /// `EnablePostUsernameOverride`/`EnablePostIconOverride` (the server's default is off;
        /// the sandbox turns them on so a bridge can show remote names).
        public var postOverrides: Bool
        /// `EnableIncomingWebhooks`.
        public var incomingWebhooks: Bool

        /// Creates options; every default is the real server's unless noted.
        public init(
            port: Int = 0, seed: MattermostSeed = .default, resumeBufferSize: Int = 128, resumeWindow: Duration = .seconds(300),
            maxFileSize: Int = 104_857_600, maxPostSize: Int = 16383, maxPayloadSize: Int = 300_000,
            webSocketAuthTimeout: Duration = .seconds(5), webSocketPingInterval: Duration = .seconds(30),
            postOverrides: Bool = true, incomingWebhooks: Bool = true
        ) {
            self.port = port
            self.seed = seed
            self.resumeBufferSize = resumeBufferSize
            self.resumeWindow = resumeWindow
            self.maxFileSize = maxFileSize
            self.maxPostSize = maxPostSize
            self.maxPayloadSize = maxPayloadSize
            self.webSocketAuthTimeout = webSocketAuthTimeout
            self.webSocketPingInterval = webSocketPingInterval
            self.postOverrides = postOverrides
            self.incomingWebhooks = incomingWebhooks
        }
    }

    /// The `X-Version-ID` and `hello.server_version` the emulator reports.
    public static let serverVersion = "9.11.0.9.11.0.sandbox.false"

    /// The service name in the sandbox: `mattermost`.
    public let name = "mattermost"
    private let options: Options
    private let logger: Logger
    private let state: MattermostServerState
    private let faults = MattermostFaults()
    private let restored = Mutex(false)
    private let running = Mutex<(group: ServiceGroup, task: Task<Void, Never>)?>(nil)

    /// Creates a stopped emulator.
    public init(options: Options = Options(), logger: Logger) {
        self.options = options
        self.logger = logger
        self.state = MattermostServerState(
            limits: .init(
                maxPostRunes: options.maxPostSize, maxFileSize: options.maxFileSize, resumeBufferSize: options.resumeBufferSize,
                resumeWindow: options.resumeWindow, usernameOverride: options.postOverrides, serverVersion: Self.serverVersion))
    }

    /// Seeds (unless restored), binds `host:port` and serves until ``stop()``.
    public func start(host: String) async throws -> SandboxServiceInfo {
        if !restored.withLock({ $0 }) {
            do {
                try await state.apply(options.seed)
            } catch {
                throw MattermostEmulatorError.invalidSeed(error.message)
            }
            restored.withLock { $0 = true }
        }
        let port = try await serve(host: host)
        let origin = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        return SandboxServiceInfo(
            urls: [
                "base": origin, "api": "\(origin)/api/v4", "websocket": "ws://\(origin.dropFirst("http://".count))/api/v4/websocket",
                "control": "\(origin)/_control/mattermost",
            ],
            accounts: accounts(),
            settings: ["team": options.seed.team, "version": Self.serverVersion])
    }

    private func serve(host: String) async throws -> Int {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int?.self)
        let responder = MattermostResponder(
            state: state, faults: faults, controlRoutes: MattermostControlAPI.routes(faults: faults, defaultTeam: options.seed.team),
            maxPayloadSize: options.maxPayloadSize, maxFileSize: options.maxFileSize, serverVersion: Self.serverVersion,
            incomingWebhooks: options.incomingWebhooks)
        let session = MattermostWebSocketSession(state: state, authTimeout: options.webSocketAuthTimeout, serverVersion: Self.serverVersion)
        let app = Application(
            responder: responder,
            server: .http1WebSocketUpgrade(
                configuration: .init(ws: .init(maxFrameSize: 1 << 20, autoPing: .enabled(timePeriod: options.webSocketPingInterval)))
            ) { request, _, _ in
                let path = request.path ?? ""
                let route = path.split(separator: "?").first.map(String.init) ?? ""
                guard route == "/api/v4/websocket" || route == "/api/v4/websocket/" else { return .dontUpgrade }
                let upgrade = MattermostWebSocketSession.upgrade(path: path, headers: request.headerFields)
                return .upgrade([:]) { inbound, outbound, _ in
                    await session.run(upgrade, inbound: inbound, outbound: outbound)
                }
            },
            configuration: .init(address: .hostname(host, port: options.port), serverName: nil),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port) },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task {
            do {
                try await group.run()
            } catch {
                logger.error("mattermost emulator stopped", metadata: ["sb.error": "\(error)"])
            }
            portContinuation.yield(nil)
        }
        running.withLock { $0 = (group, task) }
        for await port in ports {
            if let port { return port }
            break
        }
        await stop()
        throw MattermostEmulatorError.bindFailed(host: host, port: options.port)
    }

    /// Closes every socket and stops the server. Safe to call twice.
    public func stop() async {
        guard let current = running.withLock({ value in defer { value = nil }; return value }) else { return }
        _ = await state.closeAllSockets()
        await current.group.triggerGracefulShutdown()
        await current.task.value
    }

    /// The whole state (users, tokens, channels, posts, files) as JSON.
    public func persistentState() async throws -> [UInt8]? {
        Array(try JSONEncoder().encode(await state.snapshot()))
    }

    /// Restores state saved by ``persistentState()``; the seed is then not applied.
    public func restore(_ saved: [UInt8]) async throws {
        await state.restore(try JSONDecoder().decode(MattermostSnapshot.self, from: Data(saved)))
        restored.withLock { $0 = true }
    }

    private func accounts() -> [SandboxAccount] {
        options.seed.users.flatMap { user -> [SandboxAccount] in
            if user.isBot { return user.token.map { [SandboxAccount(username: user.username, secret: $0, role: "bot")] } ?? [] }
            var accounts: [SandboxAccount] = []
            if let password = user.password { accounts.append(SandboxAccount(username: user.username, secret: password, role: "person")) }
            if let token = user.token { accounts.append(SandboxAccount(username: user.username, secret: token, role: "personal-access-token")) }
            return accounts
        }
    }
}
