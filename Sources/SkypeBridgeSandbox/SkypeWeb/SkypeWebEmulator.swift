import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// The Skype web service emulator: login, messaging gateway, contacts, profiles and ASM files on
/// one HTTP origin, faithful enough that unmodified skpy 0.11 works against it.
///
/// URL layout (all on `http://host:port`): messaging `/v1`, Microsoft account `/live`,
/// Skype login `/login`, edge token `/edge/skypetoken`, user API `/api`, contacts `/contacts/v2`,
/// public profiles `/profile/v1`, ASM `/asm` (replaces `https://api.asm.skype.com`), control
/// `/_control/skype`. See ``SkypeWebControlAPI`` for the layout, the seed and the control API.
public final class SkypeWebEmulator: SandboxService {
    /// How the emulator runs.
    public struct Options: Sendable {
        /// Port to bind; 0 picks a free one.
        public var port: Int
        /// Skype token lifetime in seconds (`expiresIn`); default 24 h.
        public var skypeTokenLifetime: Int
        /// Registration token lifetime in seconds (`expires=`); default 24 h.
        public var registrationTokenLifetime: Int
        /// How long a poll waits for events before answering empty, in seconds; default 30.
        public var pollTimeout: Double
        /// Largest request body accepted, in bytes; larger ones get 413.
        public var maxBodySize: Int
        /// The accounts, contacts and chats to start with.
        public var seed: SkypeWebSeed

        /// Options with the documented defaults (24 h tokens, 30 s polls, 50 MiB bodies, the standard seed).
        public init(port: Int = 0, skypeTokenLifetime: Int = 86_400, registrationTokenLifetime: Int = 86_400,
                    pollTimeout: Double = 30, maxBodySize: Int = 50 << 20, seed: SkypeWebSeed = .standard) {
            self.port = port
            self.skypeTokenLifetime = skypeTokenLifetime
            self.registrationTokenLifetime = registrationTokenLifetime
            self.pollTimeout = pollTimeout
            self.maxBodySize = maxBodySize
            self.seed = seed
        }
    }

    /// The service name, `skype`.
    public let name = "skype"
    private let options: Options
    private let logger: Logger
    private let store: SkypeWebStore
    private let faults = SkypeWebFaultBoard()
    private let running = Mutex<(group: ServiceGroup, task: Task<Void, Never>)?>(nil)

    /// Creates the emulator with its seeded state; nothing listens until ``start(host:)``.
    public init(options: Options = Options(), logger: Logger = Logger(label: "skypebridge.sandbox.skype")) {
        self.options = options
        self.logger = logger
        self.store = SkypeWebStore(options: options)
    }

    /// Binds `host:port` and serves in the background.
    /// - Returns: the service URLs (`base`, `messaging`, `login`, `msacc`, `edge`, `api`, `contacts`,
    ///   `profile`, `asm`, `control`) and the seeded accounts.
    public func start(host: String) async throws -> SandboxServiceInfo {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let store = self.store
        let urlHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        let app = Application(
            responder: SkypeWebResponder(store: store, faults: faults, maxBodySize: options.maxBodySize),
            configuration: .init(address: .hostname(host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                await store.setOrigin("http://\(urlHost):\(port)")
                continuation.yield(port)
                continuation.finish()
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let logger = self.logger
        let task = Task {
            do {
                try await group.run()
            } catch {
                logger.error("skype emulator stopped", metadata: ["sb.error": "\(error)"])
            }
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            throw SkypeWebEmulatorError.bindFailed(host: host, port: options.port)
        }
        running.withLock { $0 = (group, task) }
        let origin = "http://\(urlHost):\(port)"
        let urls = [
            "base": origin, "messaging": "\(origin)/v1", "login": "\(origin)/login", "msacc": "\(origin)/live",
            "edge": "\(origin)/edge/skypetoken", "api": "\(origin)/api", "contacts": "\(origin)/contacts/v2",
            "profile": "\(origin)/profile/v1", "asm": "\(origin)/asm", "control": origin + SkypeWebControlAPI.pathPrefix,
        ]
        let accounts = options.seed.users.map { SandboxAccount(username: $0.username, secret: $0.password, role: $0.role) }
        return SandboxServiceInfo(urls: urls, accounts: accounts, settings: ["asmHost": "https://api.asm.skype.com"])
    }

    /// Stops serving, releasing waiting polls first. Safe to call twice.
    public func stop() async {
        guard let current = running.withLock({ value in defer { value = nil }; return value }) else { return }
        await store.releaseAllPolls()
        await current.group.triggerGracefulShutdown()
        await current.task.value
    }

    /// Users (with contacts and invites), conversations with messages, and files, as JSON.
    public func persistentState() async throws -> [UInt8]? {
        Array(try JSONEncoder().encode(await store.snapshot()))
    }

    /// Replaces the seeded state with a saved one.
    public func restore(_ state: [UInt8]) async throws {
        await store.restore(try JSONDecoder().decode(SkypeWebSnapshot.self, from: Data(state)))
    }

    /// Arms a fault from Swift (the same as `POST /_control/skype/faults`).
    public func inject(_ fault: SkypeWebFault) {
        faults.arm(fault)
    }
}

/// Why the Skype emulator could not start.
public enum SkypeWebEmulatorError: Error, CustomStringConvertible {
    /// The address could not be bound.
    case bindFailed(host: String, port: Int)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .bindFailed(let host, let port): "could not bind the skype emulator to \(host):\(port); choose another port"
        }
    }
}
