import Foundation
import SkypeBridgeCore
import Testing

@Suite(.enabled(if: PulseTestServer.address != nil, Comment(rawValue: PulseTestServer.missing)))
struct PulseAudioTests {
    @Test(.timeLimit(.minutes(1)))
    func aTonePlayedIntoANullSinkComesBackFromItsMonitor() async throws {
        let recorded = try await PulseTestServer.withNullSink { sink in
            let speaker = try await PulseSink(device: sink)
            let microphone = try await PulseSource(device: sink + ".monitor")
            let tone = try ToneSource(frequency: 1_000, amplitude: 0.4)
            var recorded: [Int16] = []
            let clock = ContinuousClock()
            var tick = clock.now
            for _ in 0..<200 {
                try await speaker.write(try #require(try await tone.nextFrame()))
                recorded += try #require(try await microphone.nextFrame())
                tick += CallAudioFormat.frameDuration
                try await clock.sleep(until: tick)
            }
            try await speaker.finish()
            return recorded
        }
        let heard = try #require(AudioSignals.strongestWindow(recorded, frequency: 1_000), "nothing came back from the monitor")
        #expect(abs(AudioSignals.dominantFrequency(heard) - 1_000) <= 2)
        #expect(abs(AudioSignals.amplitude(of: 1_000, in: heard) - 0.4) < 0.02)
    }

    @Test func anUnknownDeviceIsReportedAsUnavailable() async throws {
        try await PulseTestServer.requireRunning()
        do {
            _ = try await PulseSink(device: "no-such-sink-\(UUID().uuidString)")
            Issue.record("opening a missing sink succeeded")
        } catch let error as AudioError {
            guard case .pulseUnavailable = error else { throw error }
            #expect(error.category == .unavailable)
            #expect(error.description.contains("pactl info"))
        }
    }
}
