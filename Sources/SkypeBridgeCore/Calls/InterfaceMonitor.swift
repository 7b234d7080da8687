import Foundation
import Logging

/// Keeps every loaded interface attached and handles what arrives on it: incoming calls by the
/// interface's `incoming_call_action`, contact requests (`auto_accept_contacts`) and chat
/// messages (`report_incoming_chat_messages`), reported as ``InterfaceEvent``s. `listen
/// --interfaces` runs it, and `bridge run` will.
///
/// An answered call claims its interface in the state database like an outgoing one, so round
/// robin skips it and `interfaces list` shows it. When every client of one Skype user rings for
/// the same caller, only the first interface answers (the others let their ring go). A client
/// that goes away is retried every ``reconnectDelay``. With `silent_mode` the client is put in
/// `SILENT_MODE ON` after each attach.
public actor InterfaceMonitor {
    /// The pause between attach attempts of an interface that is down.
    public let reconnectDelay: Duration
    private let manager: InterfaceManager
    private let logger: Logger
    /// (skype user, caller) → when an interface of that user answered that caller.
    private var answeredRings: [String: ContinuousClock.Instant] = [:]

    /// A monitor of `manager`'s interfaces; an answered call's audio is what the interface's
    /// `answer_play` and `answer_record` say.
    public init(manager: InterfaceManager, reconnectDelay: Duration = .seconds(2), logger: Logger) {
        self.manager = manager
        self.reconnectDelay = reconnectDelay
        self.logger = logger
    }

    /// Watches every loaded interface until the task is cancelled.
    /// - Throws: ``CallError/noInterfaces`` when none is loaded; ``StoreError``.
    public func run(events: @escaping @Sendable (InterfaceEvent) async -> Void) async throws {
        try manager.loadIfNeeded()
        let interfaces = try manager.store.all()
        guard !interfaces.isEmpty else { throw CallError.noInterfaces }
        await withDiscardingTaskGroup { group in
            for interface in interfaces {
                group.addTask { await self.watch(interface, events: events) }
            }
        }
    }

    /// Whether this monitor may answer `caller`'s ring for `user`: false when another interface
    /// of the same user answered the same caller within the last second.
    func mayAnswer(user: String, caller: String) -> Bool {
        let key = user.lowercased() + "\u{0}" + caller.lowercased()
        let now = ContinuousClock.now
        if let earlier = answeredRings[key], now - earlier < .seconds(1) { return false }
        answeredRings[key] = now
        return true
    }

    /// Undoes ``mayAnswer(user:caller:)`` when the interface could not take the call after all.
    func forgetAnswer(user: String, caller: String) {
        answeredRings[user.lowercased() + "\u{0}" + caller.lowercased()] = nil
    }

    private nonisolated func watch(_ interface: InterfaceRecord, events: @escaping @Sendable (InterfaceEvent) async -> Void) async {
        let options = manager.options(of: interface.name)
        var lastDownReason: String?
        while !Task.isCancelled {
            do {
                let connection = try await SkypeAPIConnection.connect(
                    to: try SkypeAPIEndpoint(parsing: interface.endpoint), applicationName: options.applicationName,
                    expectedUser: interface.skypeUser, timeout: options.attachTimeout, logger: logger)
                try? manager.store.recordProbe(interface.id, attached: true)
                if options.silentMode { _ = try? await connection.send("SET SILENT_MODE ON", timeout: options.attachTimeout) }
                lastDownReason = nil
                logger.info("interface attached", metadata: ["sb.interface": "\(interface.name)", "sb.user": "\(interface.skypeUser)"])
                await events(.attached(interface: interface.name, user: interface.skypeUser))
                let handler = InterfaceCallHandler(
                    monitor: self, interface: interface, options: options, connection: connection, store: manager.store,
                    events: events, logger: logger)
                await withTaskCancellationHandler {
                    await handler.run()
                } onCancel: {
                    Task { await connection.close() }
                }
                await connection.close()
                guard !Task.isCancelled else { return }
                lastDownReason = "\(CallError.disconnected(endpoint: interface.endpoint))"
                await events(.down(interface: interface.name, reason: lastDownReason ?? ""))
            } catch {
                let reason = "\(error)"
                if reason != lastDownReason {
                    lastDownReason = reason
                    try? manager.store.recordProbe(interface.id, attached: false)
                    logger.warning("interface down", metadata: ["sb.interface": "\(interface.name)", "sb.error": "\(reason)"])
                    await events(.down(interface: interface.name, reason: reason))
                }
            }
            try? await Task.sleep(for: reconnectDelay)
        }
    }
}
