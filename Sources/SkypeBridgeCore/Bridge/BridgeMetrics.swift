import Foundation
import Synchronization

/// The bridge's counters, served as Prometheus text at `/metrics`: messages relayed and failed
/// per direction, the relay latency histogram (outbox write → confirmed send), reconnects per
/// side, and the outbox depth (read when scraped).
public final class BridgeMetrics: Sendable {
    /// The histogram's upper bounds, in seconds.
    public static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Histogram {
        var counts = [Int](repeating: 0, count: BridgeMetrics.latencyBuckets.count)
        var sum = 0.0
        var count = 0
    }

    private struct State {
        var relayed: [BridgeSideKind: Int] = [:]
        var failures: [BridgeSideKind: Int] = [:]
        var reconnects: [BridgeSideKind: Int] = [:]
        var dropped: [String: Int] = [:]
        var latency: [BridgeSideKind: Histogram] = [:]
    }

    private let state = Mutex(State())

    /// Empty metrics.
    public init() {}

    /// Counts one message relayed to `target`, `latency` after it was queued.
    public func relayed(to target: BridgeSideKind, latency: Duration) {
        let seconds = Double(latency.components.seconds) + Double(latency.components.attoseconds) / 1e18
        state.withLock { state in
            state.relayed[target, default: 0] += 1
            var histogram = state.latency[target] ?? Histogram()
            if let bucket = Self.latencyBuckets.firstIndex(where: { seconds <= $0 }) { histogram.counts[bucket] += 1 }
            histogram.sum += seconds
            histogram.count += 1
            state.latency[target] = histogram
        }
    }

    /// Counts one failed attempt to relay to `target`.
    public func failed(to target: BridgeSideKind) {
        state.withLock { $0.failures[target, default: 0] += 1 }
    }

    /// Counts a reconnect of `side`.
    public func reconnected(_ side: BridgeSideKind) {
        state.withLock { $0.reconnects[side, default: 0] += 1 }
    }

    /// Counts an inbound message not relayed, by reason.
    public func dropped(reason: String) {
        state.withLock { $0.dropped[reason, default: 0] += 1 }
    }

    /// Messages relayed to `target` so far.
    public func relayedCount(to target: BridgeSideKind) -> Int {
        state.withLock { $0.relayed[target] ?? 0 }
    }

    /// The Prometheus text exposition (format 0.0.4).
    /// - Parameter outboxDepth: the number of pending outbox rows now.
    public func render(outboxDepth: Int) -> String {
        let snapshot = state.withLock { $0 }
        var lines: [String] = []
        func direction(_ target: BridgeSideKind) -> String { "direction=\"\(target.other)_to_\(target)\"" }
        lines.append("# HELP skypebridge_relayed_total Messages, edits and deletes relayed.")
        lines.append("# TYPE skypebridge_relayed_total counter")
        for target in BridgeSideKind.allCases { lines.append("skypebridge_relayed_total{\(direction(target))} \(snapshot.relayed[target] ?? 0)") }
        lines.append("# HELP skypebridge_relay_failures_total Failed relay attempts (each retry counts).")
        lines.append("# TYPE skypebridge_relay_failures_total counter")
        for target in BridgeSideKind.allCases { lines.append("skypebridge_relay_failures_total{\(direction(target))} \(snapshot.failures[target] ?? 0)") }
        lines.append("# HELP skypebridge_dropped_total Inbound messages not relayed, by reason.")
        lines.append("# TYPE skypebridge_dropped_total counter")
        for (reason, count) in snapshot.dropped.sorted(by: { $0.key < $1.key }) {
            lines.append("skypebridge_dropped_total{reason=\"\(reason.replacingOccurrences(of: "\"", with: ""))\"} \(count)")
        }
        lines.append("# HELP skypebridge_outbox_depth Relays waiting in the outbox.")
        lines.append("# TYPE skypebridge_outbox_depth gauge")
        lines.append("skypebridge_outbox_depth \(outboxDepth)")
        lines.append("# HELP skypebridge_reconnects_total Reconnects per side.")
        lines.append("# TYPE skypebridge_reconnects_total counter")
        for side in BridgeSideKind.allCases { lines.append("skypebridge_reconnects_total{side=\"\(side)\"} \(snapshot.reconnects[side] ?? 0)") }
        lines.append("# HELP skypebridge_relay_latency_seconds Time from outbox write to confirmed send.")
        lines.append("# TYPE skypebridge_relay_latency_seconds histogram")
        for target in BridgeSideKind.allCases {
            let histogram = snapshot.latency[target] ?? Histogram()
            var cumulative = 0
            for (index, bound) in Self.latencyBuckets.enumerated() {
                cumulative += histogram.counts[index]
                lines.append("skypebridge_relay_latency_seconds_bucket{\(direction(target)),le=\"\(bound)\"} \(cumulative)")
            }
            lines.append("skypebridge_relay_latency_seconds_bucket{\(direction(target)),le=\"+Inf\"} \(histogram.count)")
            lines.append("skypebridge_relay_latency_seconds_sum{\(direction(target))} \(histogram.sum)")
            lines.append("skypebridge_relay_latency_seconds_count{\(direction(target))} \(histogram.count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
