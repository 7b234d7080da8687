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
    public func amplitude<C: Collection>(in samples: C) -> Double where C.Element: BinaryFloatingPoint {
        amplitude(count: samples.count, samples.lazy.map { Double($0) })
    }

    /// The amplitude of `frequency` in 16-bit `samples`, in sample units (full scale 32768).
    public func amplitude<C: Collection>(in samples: C) -> Double where C.Element == Int16 {
        amplitude(count: samples.count, samples.lazy.map { Double($0) })
    }

    private func amplitude<S: Sequence>(count: Int, _ samples: S) -> Double where S.Element == Double {
        guard count > 0 else { return 0 }
        var previous = 0.0
        var beforePrevious = 0.0
        for sample in samples {
            let current = sample + coefficient * previous - beforePrevious
            beforePrevious = previous
            previous = current
        }
        let power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious
        return 2 * max(power, 0).squareRoot() / Double(count)
    }
}
