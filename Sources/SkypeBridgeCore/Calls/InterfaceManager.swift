import Logging

/// The interfaces of the configuration as the state database keeps them: the first load,
/// listing with live probes, `reload` (add only what is new) and `remove` (only when idle).
public struct InterfaceManager: Sendable {
    /// The stored interfaces.
    public let store: InterfaceStore
    private let settings: [InterfaceSettings]
    private let logger: Logger

    /// A manager of `settings` (the configuration's interfaces) over `store`.
    public init(store: StateStore, settings: [InterfaceSettings], logger: Logger) {
        self.store = InterfaceStore(store: store)
        self.settings = settings
        self.logger = logger
    }

    /// Loads the configured interfaces into the state database the first time any command
    /// needs them; later configuration changes are `reload`'s business.
    public func loadIfNeeded() throws {
        try store.loadOnce(settings)
    }

    /// Every interface with the cursor marked and, when `probe` is set, a live probe of each
    /// endpoint (in parallel); an interface no call owns is recorded DOWN or IDLE accordingly.
    public func list(probe: Bool, balances: Bool) async throws -> [InterfaceStatus] {
        try loadIfNeeded()
        let interfaces = try store.all()
        let cursor = try store.roundRobinCursor()
        var probes: [InterfaceID: InterfaceProbe] = [:]
        if probe {
            probes = await withTaskGroup(of: (InterfaceID, InterfaceProbe).self) { group in
                for interface in interfaces {
                    let options = options(of: interface.name)
                    let logger = logger
                    group.addTask {
                        (interface.id, await InterfaceProbe.run(
                            endpoint: interface.endpoint, expectedUser: interface.skypeUser, options: options, balances: balances, logger: logger))
                    }
                }
                var all: [InterfaceID: InterfaceProbe] = [:]
                for await (id, result) in group { all[id] = result }
                return all
            }
            for (id, result) in probes { try store.recordProbe(id, attached: result.attached) }
        }
        let current = probe ? try store.all() : interfaces
        return current.map { InterfaceStatus(interface: $0, isCursor: $0.id == cursor, probe: probes[$0.id]) }
    }

    /// Re-reads the configuration: adds each new interface that attaches, reports new ones that
    /// do not, and reports (without applying) changes to existing ones.
    public func reload() async throws -> InterfaceReloadReport {
        let loaded = try store.all()
        var report = InterfaceReloadReport()
        for interface in settings {
            if let existing = loaded.first(where: { $0.name == interface.name }) {
                var differences: [String] = []
                if existing.endpoint != interface.endpoint.description {
                    differences.append("endpoint \(existing.endpoint) -> \(interface.endpoint)")
                }
                if existing.skypeUser != interface.skypeUser {
                    differences.append("skype_user \(existing.skypeUser) -> \(interface.skypeUser)")
                }
                if differences.isEmpty {
                    report.unchanged.append(interface.name)
                } else {
                    report.changed.append(.init(name: interface.name, differences: differences))
                }
                continue
            }
            let probe = await InterfaceProbe.run(
                endpoint: interface.endpoint.description, expectedUser: interface.skypeUser, options: interface.options, balances: false,
                logger: logger)
            guard probe.attached else {
                report.failed.append(.init(name: interface.name, reason: probe.reason ?? "not attached"))
                continue
            }
            do {
                try store.add(interface)
                report.added.append(interface.name)
            } catch let error as CallError {
                report.failed.append(.init(name: interface.name, reason: "\(error)"))
            }
        }
        let configured = Set(settings.map(\.name))
        report.notInConfig = loaded.map(\.name).filter { !configured.contains($0) }
        return report
    }

    /// Removes an idle interface named by `#id`, `#name` or Skype user.
    /// - Throws: ``CallError/unknownInterface(_:)``, ``CallError/interfaceBusy(_:)``.
    public func remove(_ reference: InterfaceReference) throws -> InterfaceRecord {
        try loadIfNeeded()
        return try store.remove(reference)
    }

    /// The configured options of `name` (defaults for an interface no longer configured).
    public func options(of name: String) -> InterfaceOptions {
        settings.first { $0.name == name }?.options ?? InterfaceOptions()
    }
}
