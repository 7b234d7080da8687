import Foundation

/// A streaming sample-rate converter: a polyphase windowed-sinc FIR (Kaiser window) for any
/// rational ratio between two integer rates.
///
/// The low-pass filter has its stop band start at the lower rate's Nyquist frequency and its pass
/// band end 10 % below it, with about 80 dB stop-band attenuation: content above the output's
/// Nyquist frequency is removed before decimation (no aliasing) and the images made by
/// interpolation are removed after it. The filter is centred on each output instant, so output
/// is not delayed: output sample `n` is the signal at input time `n * inputRate / outputRate`.
/// Equal rates pass samples through unchanged.
public struct Resampler: Sendable {
    /// The rate of the samples handed to ``process(_:)``.
    public let inputRate: Int
    /// The rate of the samples returned.
    public let outputRate: Int

    /// Interpolation factor (output rate / gcd).
    private let up: Int
    /// Decimation factor (input rate / gcd).
    private let down: Int
    /// Taps either side of the output instant, in input samples.
    private let halfLength: Int
    /// `up` rows of `2 * halfLength` taps; row `p` is for output instants `p / up` past an input sample.
    private let coefficients: [Float]
    /// Input samples not yet consumed; `pending[0]` is input index `pendingStart`.
    private var pending: [Float]
    private var pendingStart: Int
    private var inputCount = 0
    private var outputCount = 0

    /// Stop-band attenuation the filter is designed for, in dB.
    private static let attenuation = 80.0
    /// Transition band width as a fraction of the lower Nyquist frequency.
    private static let transition = 0.1

    /// A converter from `inputRate` to `outputRate` (both positive).
    public init(inputRate: Int, outputRate: Int) {
        precondition(inputRate > 0 && outputRate > 0, "sample rates must be positive")
        self.inputRate = inputRate
        self.outputRate = outputRate
        let divisor = Self.gcd(inputRate, outputRate)
        up = outputRate / divisor
        down = inputRate / divisor
        guard up != down else {
            halfLength = 0
            coefficients = []
            pending = []
            pendingStart = 0
            return
        }
        let nyquist = Double(min(inputRate, outputRate)) / 2
        let width = Self.transition * nyquist
        let cutoff = (nyquist - width / 2) / Double(inputRate)
        let taps = (Self.attenuation - 8) / (2.285 * 2 * Double.pi * width / Double(inputRate))
        let half = Int((taps / 2).rounded(.up))
        halfLength = half
        let beta = 0.1102 * (Self.attenuation - 8.7)
        let norm = Self.besselI0(beta)
        var table = [Float](repeating: 0, count: up * 2 * half)
        for phase in 0..<up {
            var row = [Double](repeating: 0, count: 2 * half)
            for tap in 0..<(2 * half) {
                let distance = Double(tap - half + 1) - Double(phase) / Double(up)
                let ratio = distance / Double(half)
                let window = Self.besselI0(beta * (max(0, 1 - ratio * ratio)).squareRoot()) / norm
                let argument = 2 * cutoff * distance
                let sinc = argument == 0 ? 1 : sin(Double.pi * argument) / (Double.pi * argument)
                row[tap] = 2 * cutoff * sinc * window
            }
            let gain = row.reduce(0, +)
            for tap in 0..<(2 * half) { table[phase * 2 * half + tap] = Float(row[tap] / gain) }
        }
        coefficients = table
        pending = [Float](repeating: 0, count: half - 1)
        pendingStart = -(half - 1)
    }

    /// Converts the next piece of the input stream and returns the output samples that are
    /// complete so far (the last few wait for more input or ``flush()``).
    public mutating func process(_ input: [Float]) -> [Float] {
        guard up != down else { return input }
        pending += input
        inputCount += input.count
        return produce(available: inputCount)
    }

    /// Ends the stream: returns the remaining output, for a total of
    /// `ceil(inputCount * outputRate / inputRate)` samples.
    public mutating func flush() -> [Float] {
        guard up != down else { return [] }
        pending += [Float](repeating: 0, count: halfLength)
        let total = (inputCount * up + down - 1) / down
        return produce(available: inputCount + halfLength, limit: total)
    }

    private mutating func produce(available: Int, limit: Int = .max) -> [Float] {
        var output: [Float] = []
        let width = 2 * halfLength
        pending.withUnsafeBufferPointer { samples in
            coefficients.withUnsafeBufferPointer { table in
                while outputCount < limit {
                    let position = outputCount * down
                    let base = position / up
                    guard base + halfLength < available else { break }
                    let phase = position % up
                    let first = base - halfLength + 1 - pendingStart
                    let row = phase * width
                    var sum: Float = 0
                    for tap in 0..<width { sum += samples[first + tap] * table[row + tap] }
                    output.append(sum)
                    outputCount += 1
                }
            }
        }
        let keepFrom = (outputCount * down) / up - halfLength + 1
        let drop = min(max(0, keepFrom - pendingStart), pending.count)
        if drop > 0 {
            pending.removeFirst(drop)
            pendingStart += drop
        }
        return output
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// The zeroth-order modified Bessel function of the first kind (power series).
    private static func besselI0(_ x: Double) -> Double {
        var sum = 1.0
        var term = 1.0
        let quarter = x * x / 4
        var k = 1.0
        while term > sum * 1e-12 {
            term *= quarter / (k * k)
            sum += term
            k += 1
        }
        return sum
    }
}
