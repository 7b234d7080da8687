import Foundation
import Logging

/// The running set of emulators behind `skypebridge sandbox`, the demo and the integration tests.
///
/// `Sandbox` only composes services: it starts them in order, collects what they offer,
/// persists their state on request and stops them in reverse order. Each emulator lives in its
/// own folder and conforms to ``SandboxService``.
public actor Sandbox {
    /// How the sandbox is started.
    public struct Options: Sendable {
        /// The address every service binds to. Loopback unless a test host says otherwise.
        public var host: String
        /// Fixed ports per service name (`skype`, `mattermost`, `client-api`); 0 or absent = ephemeral.
        public var ports: [String: Int]
        /// Where `--persist` keeps state between runs, if anywhere.
        public var persistPath: String?

        public init(host: String = "127.0.0.1", ports: [String: Int] = [:], persistPath: String? = nil) {
            self.host = host
            self.ports = ports
            self.persistPath = persistPath
        }
    }

    private let options: Options
    private let services: [any SandboxService]
    private let logger: Logger
    private var started: [any SandboxService] = []

    /// Creates a sandbox over the given services; nothing listens until ``start()``.
    public init(options: Options, services: [any SandboxService], logger: Logger) {
        self.options = options
        self.services = services
        self.logger = logger
    }

    /// Restores persisted state (when configured), then starts every service.
    /// - Returns: what each service offers, keyed by service name.
    public func start() async throws -> [String: SandboxServiceInfo] {
        let saved = try options.persistPath.map(Self.loadPersisted) ?? [:]
        var infos: [String: SandboxServiceInfo] = [:]
        do {
            for service in services {
                if let state = saved[service.name] {
                    try await service.restore(state)
                }
                infos[service.name] = try await service.start(host: options.host)
                started.append(service)
            }
        } catch {
            await stop()
            throw error
        }
        return infos
    }

    /// Persists state (when configured) and stops every started service in reverse order.
    public func stop() async {
        if let path = options.persistPath, !started.isEmpty {
            do {
                try await persist(to: path)
            } catch {
                logger.error("could not persist sandbox state", metadata: ["sb.path": "\(path)", "sb.error": "\(error)"])
            }
        }
        for service in started.reversed() {
            await service.stop()
        }
        started.removeAll()
    }

    private func persist(to path: String) async throws {
        var sections: [String: String] = [:]
        for service in started {
            if let state = try await service.persistentState() {
                sections[service.name] = Data(state).base64EncodedString()
            }
        }
        let data = try JSONEncoder().encode(sections)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static func loadPersisted(_ path: String) throws -> [String: [UInt8]] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let sections = try JSONDecoder().decode([String: String].self, from: data)
        return sections.compactMapValues { Data(base64Encoded: $0).map { [UInt8]($0) } }
    }
}
