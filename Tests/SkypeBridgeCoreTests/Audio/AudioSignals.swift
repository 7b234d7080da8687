import Foundation
import SkypeBridgeCore

/// Test signals and measurements for the audio tests.
enum AudioSignals {
    /// `count` samples of a sine of `amplitude` (fraction of full scale) at `frequency` Hz.
    static func sine(_ frequency: Double, rate: Int, count: Int, amplitude: Double = 0.5, phase: Double = 0) -> [Float] {
        (0..<count).map { Float(amplitude * sin(2 * Double.pi * frequency * Double($0) / Double(rate) + phase)) }
    }

    /// Sample-wise sum of signals of equal length.
    static func mix(_ signals: [Float]...) -> [Float] {
        signals.dropFirst().reduce(signals[0]) { zip($0, $1).map { $0 + $1 } }
    }

    /// Deterministic white noise of `amplitude` (uniform, seeded).
    static func noise(count: Int, amplitude: Double, seed: UInt64 = 42) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(amplitude * (Double(state >> 11) / Double(1 << 53) * 2 - 1))
        }
    }

    /// 16-bit samples of float ones.
    static func int16(_ samples: [Float]) -> [Int16] {
        samples.map { Int16(min(max(($0 * 32_768).rounded(), -32_768), 32_767)) }
    }

    /// Root mean square of float samples.
    static func rms(_ samples: ArraySlice<Float>) -> Double {
        guard !samples.isEmpty else { return 0 }
        return (samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)).squareRoot()
    }

    /// Root mean square of 16-bit samples as a fraction of full scale.
    static func rms(_ samples: [Int16]) -> Double {
        rms(samples.map { Float($0) / 32_768 }[...])
    }

    /// The frequency with the largest Goertzel amplitude between 50 Hz and the Nyquist frequency:
    /// a 10 Hz scan over the first 1024 samples, refined in 1 Hz steps over up to 8000.
    static func dominantFrequency(_ samples: [Float], rate: Int) -> Double {
        func best(_ candidates: some Sequence<Double>, in window: ArraySlice<Float>) -> Double {
            let scored = candidates.map { ($0, Goertzel(frequency: $0, sampleRate: Double(rate)).amplitude(in: window)) }
            return scored.max { $0.1 < $1.1 }?.0 ?? 0
        }
        let coarse = best(stride(from: 50.0, to: Double(rate) / 2, by: 10), in: samples.prefix(1_024))
        return best(stride(from: coarse - 20, through: coarse + 20, by: 1), in: samples.prefix(8_000))
    }

    /// The dominant frequency of 16-bit samples.
    static func dominantFrequency(_ samples: [Int16], rate: Int = CallAudioFormat.sampleRate) -> Double {
        dominantFrequency(samples.map { Float($0) / 32_768 }, rate: rate)
    }

    /// Amplitude (fraction of full scale) of `frequency` in 16-bit samples.
    static func amplitude(of frequency: Double, in samples: [Int16], rate: Int = CallAudioFormat.sampleRate) -> Double {
        Goertzel(frequency: frequency, sampleRate: Double(rate)).amplitude(in: samples) / 32_768
    }

    /// Of the 0.25 s windows (every 50 ms) of the loud part of 16 kHz `samples`, the one where
    /// `frequency` is strongest (live capture on a loaded machine may have a dropout); `nil` if
    /// less than a window is loud.
    static func strongestWindow(_ samples: [Int16], frequency: Double) -> [Int16]? {
        guard let first = samples.firstIndex(where: { abs($0) > 1_000 }),
              let last = samples.lastIndex(where: { abs($0) > 1_000 }), last - first >= 4_000
        else { return nil }
        let windows = stride(from: first, through: last - 4_000, by: 800).map { Array(samples[$0..<($0 + 4_000)]) }
        return windows.max { amplitude(of: frequency, in: $0) < amplitude(of: frequency, in: $1) }
    }

    /// Writes a WAV file of interleaved float samples in `format`.
    static func writeWAV(_ path: String, format: WAVFormat, interleaved: [Float]) throws {
        let data = format.encoding.encode(interleaved)
        try Data(WAVHeader.bytes(format: format, dataLength: data.count) + data).write(to: URL(fileURLWithPath: path))
    }

    /// Every frame of a source until it ends.
    static func readAll(_ source: some AudioFrameSource) async throws -> [Int16] {
        var samples: [Int16] = []
        while let frame = try await source.nextFrame() { samples += frame }
        return samples
    }
}
