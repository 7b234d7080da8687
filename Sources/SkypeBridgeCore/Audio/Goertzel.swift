import Foundation

/// The Goertzel algorithm: the power of one frequency in a block of samples, cheaper than an
/// FFT when only a few frequencies matter (DTMF detection, tone checks).
public struct Goertzel: Sendable {
    /// The frequency measured, in hertz.
    public let frequency: Double
    /// The sample rate of the blocks, in hertz.
    public let sampleRate: Double
    private let coefficient: Double

    /// A filter for `frequency` in blocks sampled at `sampleRate`.
    public init(frequency: Double, sampleRate: Double) {
        self.frequency = frequency
        self.sampleRate = sampleRate
        coefficient = 2 * cos(2 * Double.pi * frequency / sampleRate)
    }

    /// The amplitude of `frequency` in `samples`: a full-block sine of peak amplitude `a` exactly at
    /// the frequency gives `a` (in the samples' own units).
    public func amplitude(in samples: ArraySlice<Float>) -> Double {
        samples.withUnsafeBufferPointer { buffer in
            run(count: buffer.count) { buffer[$0] }
        }
    }

    /// The amplitude of `frequency` in `samples` (a whole array).
    public func amplitude(in samples: [Float]) -> Double {
        amplitude(in: samples[...])
    }

    /// The amplitude of `frequency` in 16-bit `samples`, in sample units (full scale 32768).
    public func amplitude(in samples: [Int16]) -> Double {
        samples.withUnsafeBufferPointer { buffer in
            run(count: buffer.count) { Float(buffer[$0]) }
        }
    }

    private func run(count: Int, sample: (Int) -> Float) -> Double {
        guard count > 0 else { return 0 }
        var previous = 0.0
        var beforePrevious = 0.0
        for index in 0..<count {
            let current = Double(sample(index)) + coefficient * previous - beforePrevious
            beforePrevious = previous
            previous = current
        }
        let power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious
        return 2 * max(power, 0).squareRoot() / Double(count)
    }
}
