import Foundation
import SkypeBridgeCore
import Testing

@Suite struct ToneSourceTests {
    private func frames(_ source: ToneSource, _ count: Int) async throws -> [Int16] {
        var samples: [Int16] = []
        for _ in 0..<count { samples += try #require(try await source.nextFrame()) }
        return samples
    }

    @Test(arguments: [350.0, 440, 1_000, 1_633, 3_150.5, 7_000])
    func toneHasTheRequestedFrequencyAndLevel(_ frequency: Double) async throws {
        let samples = try await frames(try ToneSource(frequency: frequency, amplitude: 0.25), 25)
        #expect(samples.count == 25 * CallAudioFormat.frameSamples)
        #expect(abs(AudioSignals.dominantFrequency(samples) - frequency) <= 1)
        #expect(abs(AudioSignals.rms(samples) - 0.25 / 2.0.squareRoot()) < 0.002)
        #expect(samples.map { abs(Int($0)) }.max()! <= 8_192)
    }

    @Test func framesJoinWithoutAPhaseJump() async throws {
        let samples = try await frames(try ToneSource(frequency: 997), 50)
        let expected = (0..<samples.count).map { Int16((0.5 * 32_767 * sin(2 * Double.pi * 997 * Double($0) / 16_000)).rounded()) }
        #expect(zip(samples, expected).allSatisfy { abs(Int($0) - Int($1)) <= 1 })
    }

    @Test(arguments: [0.0, 19, 8_001, -440])
    func frequenciesOutside16kHzAudioAreRejected(_ frequency: Double) {
        #expect(throws: AudioError.invalidFrequency(frequency)) { try ToneSource(frequency: frequency) }
    }
}
