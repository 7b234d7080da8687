import Foundation
import Synchronization

/// Whether each side is connected, for `/healthz`.
public final class BridgeHealth: Sendable {
    private let connected = Mutex<[BridgeSideKind: Bool]>([:])
    private let expected: [BridgeSideKind]

    /// Tracks the sides in `expected` (both, unless the service runs only some).
    public init(expected: [BridgeSideKind] = BridgeSideKind.allCases) {
        self.expected = expected
    }

    /// Records that `side` is (or is no longer) connected.
    public func set(_ side: BridgeSideKind, connected isConnected: Bool) {
        connected.withLock { $0[side] = isConnected }
    }

    /// Whether every side is connected.
    public var isHealthy: Bool {
        connected.withLock { state in expected.allSatisfy { state[$0] == true } }
    }

    /// `{"status": "ok"|"starting", "skype": true|false, "mattermost": true|false, "outbox_depth": n}`.
    public func json(outboxDepth: Int) -> String {
        let state = connected.withLock { $0 }
        let sides = expected.map { "\"\($0)\":\(state[$0] == true)" }.joined(separator: ",")
        return "{\"status\":\"\(isHealthy ? "ok" : "starting")\",\(sides),\"outbox_depth\":\(outboxDepth)}\n"
    }
}
