import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// Emulated Skype desktop clients for `call originate` and `interfaces`: one stream socket per
/// endpoint speaking the Skype Desktop API text protocol, plus an HTTP control API for tests.
///
/// Each endpoint is one Skype client logged in as its `skype_user` (several may share a user).
/// ``start(host:)`` reports `endpoint.<name>` URLs, `control`, and `endpoint.<name>.skype_user`
/// settings. Behaviour and the control API are described in README.md next to this file.
public final class SkypeClientAPIEmulator: SandboxService {
    /// `client-api`, the key of this service in the sandbox's output and ports.
    public let name = "client-api"

    private struct Running {
        let world: ClientAPIWorld
        let serving: Task<Void, Never>
        let control: ServiceGroup
        let controlTask: Task<Void, Never>
    }

    private let seed: SkypeClientAPISeed
    private let controlPort: Int
    private let logger: Logger
    private let running = Mutex<Running?>(nil)

    /// An emulator of `seed`'s endpoints; its control API binds `controlPort` (0 = ephemeral).
    public init(seed: SkypeClientAPISeed = .default, controlPort: Int = 0, logger: Logger) {
        self.seed = seed
        self.controlPort = controlPort
        self.logger = logger
    }

    /// Binds every endpoint and the control API; returns once all of them accept connections.
    public func start(host: String) async throws -> SandboxServiceInfo {
        guard running.withLock({ $0 == nil }) else { throw SkypeClientAPIEmulatorError.alreadyStarted }
        var names = Set<String>()
        for endpoint in seed.endpoints where !names.insert(endpoint.name).inserted {
            throw SkypeClientAPIEmulatorError.duplicateEndpoint(endpoint.name)
        }
        let world = ClientAPIWorld(seed: seed, logger: logger)
        var listeners: [ClientAPIListener] = []
        do {
            for endpoint in seed.endpoints {
                listeners.append(try await ClientAPIListener.bind(name: endpoint.name, listen: endpoint.listen ?? "tcp://\(host):0"))
            }
        } catch {
            for listener in listeners { await listener.close() }
            throw error
        }
        let bound = listeners
        let serving = Task {
            await withDiscardingTaskGroup { group in
                for listener in bound { group.addTask { await listener.serve(world: world) } }
            }
        }
        let urls = Dictionary(uniqueKeysWithValues: bound.map { ($0.name, $0.url) })
        let control: ServiceGroup, controlTask: Task<Void, Never>, port: Int
        do {
            (control, controlTask, port) = try await startControl(world: world, urls: urls, host: host)
        } catch {
            serving.cancel()
            await serving.value
            throw error
        }
        running.withLock { $0 = Running(world: world, serving: serving, control: control, controlTask: controlTask) }
        var infoURLs = ["control": "http://\(host):\(port)\(ClientAPIControlRouter.prefix)"]
        var settings: [String: String] = [:]
        for endpoint in seed.endpoints {
            infoURLs["endpoint.\(endpoint.name)"] = urls[endpoint.name]
            settings["endpoint.\(endpoint.name).skype_user"] = endpoint.skypeUser
        }
        logger.info("client API emulator listening", metadata: ["sb.endpoints": "\(seed.endpoints.count)", "sb.control.port": "\(port)"])
        return SandboxServiceInfo(urls: infoURLs, settings: settings)
    }

    /// Closes every connection, ends every call and stops the control API.
    public func stop() async {
        guard let state = running.withLock({ state in defer { state = nil }; return state }) else { return }
        await state.world.shutdown()
        state.serving.cancel()
        await state.serving.value
        await state.control.triggerGracefulShutdown()
        await state.controlTask.value
    }

    /// Every call so far with its status history, DTMF and audio counters; empty when stopped.
    public func callReports() async -> [ClientAPICallReport] {
        guard let world = running.withLock({ $0?.world }) else { return [] }
        return await world.callReports()
    }

    private func startControl(world: ClientAPIWorld, urls: [String: String], host: String) async throws -> (ServiceGroup, Task<Void, Never>, Int) {
        let (bound, boundContinuation) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
        var controlLogger = logger
        controlLogger.logLevel = max(logger.logLevel, .warning)
        let app = Application(
            router: ClientAPIControlRouter.make(world: world, urls: urls),
            configuration: .init(address: .hostname(host, port: controlPort), serverName: "skypebridge-client-api"),
            onServerRunning: { channel in boundContinuation.yield(.success(channel.localAddress?.port ?? 0)) },
            logger: controlLogger
        )
        let group = ServiceGroup(configuration: .init(services: [app], logger: controlLogger))
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
        return (group, task, try result.get())
    }
}
