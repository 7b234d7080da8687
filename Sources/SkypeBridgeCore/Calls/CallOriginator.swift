import Foundation
import Logging

/// `call originate` in the core: claims an interface (named or round robin) in the state
/// database, attaches to its client, runs a ``CallSession``, mirrors the call's progress into
/// the interface's state, and gives the interface back with its counters updated.
///
/// A round-robin pick that cannot attach is marked DOWN and the next idle interface is tried;
/// a named interface that cannot attach is an error. When no interface is idle no `CALL` is sent.
public struct CallOriginator: Sendable {
    private let interfaces: InterfaceStore
    private let settings: [String: InterfaceSettings]
    private let logger: Logger

    /// An originator over the interfaces of `store`; `settings` (the configuration) gives each
    /// interface's options by name.
    public init(store: StateStore, settings: [InterfaceSettings], logger: Logger) {
        interfaces = InterfaceStore(store: store)
        self.settings = Dictionary(settings.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.logger = logger
    }

    /// The options of interface `name` from the configuration (defaults for one no longer there).
    public func interfaceOptions(_ name: String) -> InterfaceOptions {
        settings[name]?.options ?? InterfaceOptions()
    }

    /// Places a call to `target` and runs it to its end.
    /// - Parameters:
    ///   - options: builds the call's options from the chosen interface's configured options.
    ///   - audio: the pump for the call's audio.
    /// - Throws: ``CallError`` — noIdleInterface, unknownInterface, interfaceBusy, an attach
    ///   failure of a named interface, unrecognisedTarget; ``StoreError``.
    public func originate(
        target: String, via selection: InterfaceSelection, options: @Sendable (InterfaceOptions) -> CallOptions, audio: CallAudioPump,
        hangupSignal: @escaping @Sendable () async -> Void, events: @escaping @Sendable (CallEvent) async -> Void
    ) async throws -> CallResult {
        let pid = ProcessInfo.processInfo.processIdentifier
        var tried: Set<InterfaceID> = []
        while true {
            let claim = try interfaces.claim(selection, pid: pid, direction: .outbound, partner: target, excluding: tried)
            tried.insert(claim.interface.id)
            await events(.interfaceSelected(claim.interface))
            let interfaceOptions = interfaceOptions(claim.interface.name)
            let connection: SkypeAPIConnection
            do {
                let endpoint = try SkypeAPIEndpoint(parsing: claim.interface.endpoint)
                connection = try await SkypeAPIConnection.connect(
                    to: endpoint, applicationName: interfaceOptions.applicationName, expectedUser: claim.interface.skypeUser,
                    timeout: interfaceOptions.attachTimeout, logger: logger)
            } catch {
                try interfaces.release(claim, outcome: "attach-failed", answered: false, down: true)
                guard selection == .roundRobin else { throw error }
                await events(.interfaceDown(name: claim.interface.name, reason: "\(error)"))
                continue
            }
            do {
                let result = try await run(
                    claim: claim, connection: connection, target: target, options: options(interfaceOptions), audio: audio,
                    hangupSignal: hangupSignal, events: events)
                await connection.close()
                return result
            } catch {
                await connection.close()
                throw error
            }
        }
    }

    private func run(
        claim: InterfaceClaim, connection: SkypeAPIConnection, target: String, options: CallOptions, audio: CallAudioPump,
        hangupSignal: @escaping @Sendable () async -> Void, events: @escaping @Sendable (CallEvent) async -> Void
    ) async throws -> CallResult {
        let session = CallSession(connection: connection, interfaceName: claim.interface.name, options: options, pump: audio, logger: logger)
        let interfaces = interfaces
        let logger = logger
        let result: CallResult
        do {
            result = try await session.run(target: target, hangupSignal: hangupSignal) { event in
                do {
                    switch event {
                    case let .placed(id):
                        try interfaces.update(claim, state: .dialing, skypeCallID: id)
                    case let .status(status):
                        try interfaces.update(claim, state: Self.interfaceState(for: status), answered: status == .inProgress)
                    case .hangingUp:
                        try interfaces.update(claim, state: .hangingUp)
                    default:
                        break
                    }
                } catch {
                    logger.warning("cannot record the call's progress", metadata: ["sb.error": "\(error)"])
                }
                await events(event)
            }
        } catch {
            try? interfaces.release(claim, outcome: "error", answered: false)
            throw error
        }
        try interfaces.release(
            claim, outcome: result.outcome.rawValue, answered: result.answered, bytesIn: result.audio?.received.bytes ?? 0,
            bytesOut: result.audio?.sent.bytes ?? 0)
        return result
    }

    /// The interface state that mirrors a call status.
    static func interfaceState(for status: CallStatus) -> InterfaceState {
        switch status {
        case .ringing: .ringing
        case .inProgress, .remoteHold, .onHold, .localHold: .up
        case _ where status.isTerminal: .hangingUp
        default: .dialing
        }
    }
}
