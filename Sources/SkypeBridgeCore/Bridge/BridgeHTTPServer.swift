import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// The `[http]` listener of `bridge run`: `/healthz` (200 when both sides are connected, else
/// 503, JSON either way) and Prometheus `/metrics` (when `[http] metrics` is on). More routes —
/// the HTTP send API — are mounted by passing route installers; they post through the
/// ``OutboxWorker`` like the relay does.
public final class BridgeHTTPServer: Sendable {
    /// Adds routes to the listener's router.
    public typealias RouteInstaller = @Sendable (Router<BasicRequestContext>) -> Void

    private let listen: ListenAddress
    private let serveMetrics: Bool
    private let metrics: BridgeMetrics
    private let health: BridgeHealth
    private let outboxDepth: @Sendable () -> Int
    private let installers: [RouteInstaller]
    private let logger: Logger
    private let running = Mutex<(group: ServiceGroup, task: Task<Void, Never>)?>(nil)

    /// Creates the listener; nothing listens before ``start()``.
    /// - Parameters:
    ///   - listen: the address (`[http] listen`); port 0 picks a free port.
    ///   - serveMetrics: whether to serve `/metrics` (`[http] metrics`).
    ///   - outboxDepth: reads the number of pending outbox rows.
    ///   - routes: extra routes (the HTTP send API).
    public init(
        listen: ListenAddress, serveMetrics: Bool, metrics: BridgeMetrics, health: BridgeHealth, outboxDepth: @escaping @Sendable () -> Int,
        routes: [RouteInstaller] = [], logger: Logger
    ) {
        self.listen = listen
        self.serveMetrics = serveMetrics
        self.metrics = metrics
        self.health = health
        self.outboxDepth = outboxDepth
        self.installers = routes
        self.logger = logger
    }

    /// Starts listening.
    /// - Returns: the bound port.
    /// - Throws: when the address cannot be bound.
    public func start() async throws -> Int {
        let router = Router()
        let health = health
        let metrics = metrics
        let outboxDepth = outboxDepth
        router.get("/healthz") { _, _ in
            let body = health.json(outboxDepth: outboxDepth())
            return Response(
                status: health.isHealthy ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
        if serveMetrics {
            router.get("/metrics") { _, _ in
                Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.render(outboxDepth: outboxDepth()))))
            }
        }
        for install in installers { install(router) }
        let (bound, boundContinuation) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "skypebridge"),
            onServerRunning: { channel in boundContinuation.yield(.success(channel.localAddress?.port ?? 0)) },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task {
            do {
                try await group.run()
                boundContinuation.yield(.failure(CancellationError()))
            } catch {
                boundContinuation.yield(.failure(error))
            }
            boundContinuation.finish()
        }
        var iterator = bound.makeAsyncIterator()
        guard let result = await iterator.next() else { throw CancellationError() }
        running.withLock { $0 = (group, task) }
        return try result.get()
    }

    /// Stops listening and waits for open requests to finish.
    public func stop() async {
        guard let state = running.withLock({ state in defer { state = nil }; return state }) else { return }
        await state.group.triggerGracefulShutdown()
        await state.task.value
    }
}
