import Foundation
import Logging

/// `bridge run` assembled: the Skype and Mattermost sides, the channel map, the router, the
/// outbox worker and the optional `[http]` listener. ``run(until:)`` connects (retrying with
/// backoff and jitter while the services are unreachable), relays until told to stop, then
/// stops intake, drains the outbox for up to `[bridge] drain_timeout` and closes everything.
public final class BridgeService: Sendable {
    /// The outbox: other components (the HTTP send API) post through it, exactly once.
    public let outbox: OutboxWorker
    /// The counters served at `/metrics`.
    public let metrics: BridgeMetrics
    /// Which sides are connected, served at `/healthz`.
    public let health: BridgeHealth

    private let sides: [any BridgeSide]
    private let router: BridgeRouter
    private let store: StateStore
    private let configuration: Configuration
    private let routes: [BridgeHTTPServer.RouteInstaller]
    private let relays: Bool
    private let logger: Logger

    /// Builds the service over a signed-in Skype session and the `[mattermost]` account.
    /// - Parameter routes: extra routes for the `[http]` listener.
    /// - Throws: ``ChannelError/noTeam`` without `[mattermost] team`; Mattermost client errors
    ///   (bad token, unknown team).
    public static func make(
        configuration: Configuration, session: SkypeSession, store: StateStore, environment: [String: String],
        routes: [BridgeHTTPServer.RouteInstaller] = [], logger: Logger
    ) async throws -> BridgeService {
        guard let teamName = configuration.mattermost.team, !teamName.isEmpty else { throw ChannelError.noTeam }
        guard let url = configuration.mattermost.url,
              let websocketURL = configuration.mattermost.websocketURL ?? MattermostSettings.derivedWebSocketURL(from: url)
        else { throw MattermostError.notConfigured("set url in [mattermost]") }
        let settings = configuration.bridge
        let client = try await MattermostClient.make(settings: configuration.mattermost, environment: environment, logger: logger)
        let bot = try await client.me()
        let team = try await client.team(named: teamName)
        let channels = ProvisionedChannelMap(
            provisioner: ChannelProvisioner(client: client, store: store, team: team, bot: bot, settings: settings, logger: logger))
        let skype = SkypeSide(
            client: SkypeClient(session: session), streamOptions: SkypeEventStream.Options(pollTimeout: configuration.skype.pollTimeout),
            template: AttributionTemplate(settings.skypeTemplate), contactPollInterval: settings.autoAcceptFriends ? .seconds(5) : nil,
            logger: logger)
        let mattermost = MattermostSide(
            client: client, websocketURL: websocketURL, template: AttributionTemplate(settings.mattermostTemplate),
            allowMassMentions: settings.allowMassMentions, mentions: settings.mentionResolver,
            channels: { (try? await channels.links().map(\.mattermost)) ?? [] }, logger: logger)
        return BridgeService(
            sides: [skype, mattermost], channels: channels, store: store, configuration: configuration, routes: routes, logger: logger)
    }

    /// Assembles a service from its sides (tests pass their own).
    /// - Parameter relays: false for a service that only sends what is queued in its outbox
    ///   (`bridge run --http-only`): no events are read and nothing is relayed.
    public init(
        sides: [any BridgeSide], channels: any ChannelMap, store: StateStore, configuration: Configuration,
        routes: [BridgeHTTPServer.RouteInstaller] = [], relays: Bool = true, logger: Logger
    ) {
        let metrics = BridgeMetrics()
        let outbox = OutboxWorker(
            outbox: Outbox(store: store), links: MessageLinks(store: store), sides: sides, metrics: metrics,
            maxFileSize: configuration.bridge.maxFileSize.bytes, logger: logger)
        self.outbox = outbox
        self.metrics = metrics
        self.health = BridgeHealth(expected: sides.map(\.kind))
        self.sides = sides
        self.router = BridgeRouter(
            sides: sides, channels: channels, worker: outbox, store: store, settings: configuration.bridge, metrics: metrics,
            health: health, logger: logger)
        self.store = store
        self.configuration = configuration
        self.routes = routes
        self.relays = relays
        self.logger = logger
    }

    /// Relays until `stop` returns, then shuts down gracefully. `stop` is started at once, so a
    /// signal handler it installs is in place while the sides connect.
    /// - Parameter listening: told the `[http]` listener's port once it listens (port 0 in the
    ///   config picks a free one; the demo needs to know which).
    /// - Returns: the number of relays still pending after the drain (sent by the next run).
    /// - Throws: when a side refuses the credentials or the `[http]` address cannot be bound.
    public func run(until stop: @escaping @Sendable () async -> Void, listening: (@Sendable (Int) -> Void)? = nil) async throws -> Int {
        try store.commitWithoutFlushing()
        let checkpointer = try WALCheckpointer.start(store, logger: logger)
        defer { checkpointer.stop() }
        let stopped = Task { await stop() }
        let server: BridgeHTTPServer?
        do {
            server = configuration.http.enabled ? try await startServer(listening: listening) : nil
            do {
                for side in sides { try await connect(side) }
            } catch {
                await server?.stop()
                throw error
            }
        } catch {
            stopped.cancel()
            throw error
        }
        try await outbox.start()
        let router = router
        let relaying = relays ? Task { await router.run() } : Task {}
        logger.info(relays ? "bridge running" : "send API running (no relay)")
        StartupPages.release()
        await stopped.value
        logger.info("bridge stopping; draining the outbox", metadata: ["sb.timeout": "\(configuration.bridge.drainTimeout)"])
        for side in sides { await side.disconnect() }
        relaying.cancel()
        await relaying.value
        let pending = await outbox.drain(timeout: configuration.bridge.drainTimeout)
        await server?.stop()
        if pending > 0 { logger.warning("relays still pending; the next run sends them", metadata: ["sb.count": "\(pending)"]) }
        return pending
    }

    private func startServer(listening: (@Sendable (Int) -> Void)?) async throws -> BridgeHTTPServer {
        let outboxTable = Outbox(store: store)
        let server = BridgeHTTPServer(
            listen: configuration.http.listen, serveMetrics: configuration.http.metrics, metrics: metrics, health: health,
            outboxDepth: { (try? outboxTable.depth()) ?? 0 }, routes: routes, logger: logger)
        let port = try await server.start()
        logger.info("http listener ready", metadata: ["sb.http.port": "\(port)"])
        listening?(port)
        return server
    }

    /// Connects a side, retrying with backoff and jitter while the service is unreachable;
    /// refused credentials and bad settings are thrown at once.
    private func connect(_ side: any BridgeSide) async throws {
        var failures = 0
        while true {
            do {
                try await side.connect()
                health.set(side.kind, connected: true)
                return
            } catch {
                let category = (error as? any CategorizedError)?.category ?? .failure
                guard [.unavailable, .timeout].contains(category), !Task.isCancelled else { throw error }
                failures += 1
                metrics.reconnected(side.kind)
                let delay = min(Duration.milliseconds(500) * (1 << min(failures, 7)), .seconds(60)) * Double.random(in: 0.5...1)
                logger.warning("cannot connect; retrying", metadata: ["sb.side": "\(side.kind)", "sb.error": "\(error)", "sb.retry.in": "\(delay)"])
                try await Task.sleep(for: delay)
            }
        }
    }
}
