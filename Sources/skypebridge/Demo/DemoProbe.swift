import Foundation
import SkypeBridgeCore
import Synchronization

/// Waits for something to be seen on the other side: polls `probe` every 20 ms until it returns
/// a value, and reports how long that took from `start`.
enum DemoProbe {
    static func eventually<Value: Sendable>(
        _ what: String, from start: ContinuousClock.Instant = .now, timeout: Duration = .seconds(15),
        _ probe: @Sendable () async throws -> Value?
    ) async throws -> (value: Value, latency: Duration) {
        let deadline = start + timeout
        var lastError: (any Error)?
        while ContinuousClock.now < deadline {
            do {
                if let value = try await probe() { return (value, ContinuousClock.now - start) }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                lastError = error
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw DemoError.notSeen("\(what) was not seen within \(timeout)" + (lastError.map { " (last error: \($0))" } ?? ""))
    }
}

/// Measures how much of a frequency comes back in a call's received audio (Goertzel).
final class DemoToneMeter: AudioFrameSink {
    private let samples = Mutex<[Int16]>([])

    func write(_ frame: [Int16]) async throws {
        samples.withLock { $0.append(contentsOf: frame) }
    }

    func finish() async throws {}

    /// Received samples, and the amplitude at `frequency` relative to one 200 Hz away.
    func measure(_ frequency: Double) -> (samples: Int, ratio: Double) {
        let received = samples.withLock { $0 }
        let rate = Double(CallAudioFormat.sampleRate)
        let on = Goertzel(frequency: frequency, sampleRate: rate).amplitude(in: received)
        let off = Goertzel(frequency: frequency + 200, sampleRate: rate).amplitude(in: received)
        return (received.count, off > 0 ? on / off : (on > 0 ? .infinity : 0))
    }
}
