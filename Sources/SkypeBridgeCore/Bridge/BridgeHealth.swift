import Foundation
import Synchronization

/// Whether each side is connected, for `/healthz`.
public final class BridgeHealth: Sendable {
    private let connected = Mutex<[BridgeSideKind: Bool]>([:])

    /// Nothing connected yet.
    public init() {}

    /// Records that `side` is (or is no longer) connected.
    public func set(_ side: BridgeSideKind, connected isConnected: Bool) {
        connected.withLock { $0[side] = isConnected }
    }

    /// Whether every side is connected.
    public var isHealthy: Bool {
        connected.withLock { state in BridgeSideKind.allCases.allSatisfy { state[$0] == true } }
    }

    /// `{"status": "ok"|"starting", "skype": true|false, "mattermost": true|false, "outbox_depth": n}`.
    public func json(outboxDepth: Int) -> String {
        let state = connected.withLock { $0 }
        let sides = BridgeSideKind.allCases.map { "\"\($0)\":\(state[$0] == true)" }.joined(separator: ",")
        return "{\"status\":\"\(isHealthy ? "ok" : "starting")\",\(sides),\"outbox_depth\":\(outboxDepth)}\n"
    }
}
