import Foundation

/// Makes test audio files and measures what came back from a call, independently of the code
/// under test (this target does not import SkypeBridgeCore).
enum AudioCheck {
    /// 16-bit samples of a sine at `frequency` Hz, peak `amplitude` of full scale.
    static func sine(_ frequency: Double, rate: Int = 16_000, seconds: Double, amplitude: Double) -> [Int16] {
        (0..<Int(seconds * Double(rate))).map { Int16((amplitude * 32_767 * sin(2 * Double.pi * frequency * Double($0) / Double(rate))).rounded()) }
    }

    /// Little-endian bytes of samples (raw s16le).
    static func raw(_ samples: [Int16]) -> Data {
        var data = Data(capacity: samples.count * 2)
        for sample in samples { data.append(contentsOf: [UInt8(truncatingIfNeeded: sample), UInt8(truncatingIfNeeded: sample >> 8)]) }
        return data
    }

    /// Samples of raw s16le bytes.
    static func samples(ofRaw data: Data) -> [Int16] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - 1, by: 2).map { Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8) }
    }

    /// A 16-bit PCM WAV file with `channels` copies of each sample.
    static func writeWAV(_ path: String, samples: [Int16], rate: Int, channels: Int) throws {
        let interleaved = samples.flatMap { [Int16](repeating: $0, count: channels) }
        let data = raw(interleaved)
        var header = Data("RIFF".utf8) + le32(36 + data.count) + Data("WAVEfmt ".utf8) + le32(16)
        header += le16(1) + le16(channels) + le32(rate) + le32(rate * channels * 2) + le16(channels * 2) + le16(16)
        header += Data("data".utf8) + le32(data.count)
        try (header + data).write(to: URL(fileURLWithPath: path))
    }

    /// A 16 kHz WAV of DTMF key presses: 100 ms of both tones (each at -14 dBFS), then 100 ms of silence.
    static func writeDTMF(_ path: String, digits: String) throws {
        let low: [Character: Double] = ["1": 697, "5": 770, "9": 852, "#": 941, "0": 941]
        let high: [Character: Double] = ["1": 1_209, "5": 1_336, "9": 1_477, "#": 1_477, "0": 1_336]
        var samples = [Int16](repeating: 0, count: 4_000)
        for digit in digits {
            guard let row = low[digit], let column = high[digit] else { continue }
            let tones = zip(sine(row, seconds: 0.1, amplitude: 0.2), sine(column, seconds: 0.1, amplitude: 0.2))
            samples += tones.map { $0 &+ $1 } + [Int16](repeating: 0, count: 1_600)
        }
        try writeWAV(path, samples: samples, rate: 16_000, channels: 1)
    }

    /// The samples of a 16 kHz mono 16-bit WAV file, as far as its `data` chunk size says.
    static func readWAV(_ path: String) throws -> (rate: Int, channels: Int, samples: [Int16]) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func field(_ offset: Int, _ size: Int) -> Int { (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) } }
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8) else { throw WAVCheckFailure(message: "\(path) has no RIFF header") }
        var offset = 12
        var rate = 0
        var channels = 0
        while offset + 8 <= bytes.count {
            let size = field(offset + 4, 4)
            if bytes[offset..<(offset + 4)].elementsEqual("fmt ".utf8) {
                channels = field(offset + 10, 2)
                rate = field(offset + 12, 4)
            } else if bytes[offset..<(offset + 4)].elementsEqual("data".utf8) {
                let end = min(offset + 8 + size, bytes.count)
                return (rate, channels, samples(ofRaw: Data(bytes[(offset + 8)..<end])))
            }
            offset += 8 + size + size % 2
        }
        throw WAVCheckFailure(message: "\(path) has no data chunk")
    }

    /// Of the 0.25 s windows (every 50 ms) of the loud part of `samples`, the one where `frequency`
    /// is strongest: live PulseAudio capture on a loaded machine may have a dropout, and one clean
    /// window is enough to show that the tone came back at its level. `nil` if nothing is loud.
    static func strongestWindow(_ samples: [Int16], frequency: Double) -> [Int16]? {
        guard let first = samples.firstIndex(where: { abs($0) > 1_000 }),
              let last = samples.lastIndex(where: { abs($0) > 1_000 }), last - first >= 4_000
        else { return nil }
        let windows = stride(from: first, through: last - 4_000, by: 800).map { Array(samples[$0..<($0 + 4_000)]) }
        return windows.max { amplitude(of: frequency, in: $0) < amplitude(of: frequency, in: $1) }
    }

    /// The peak amplitude of `frequency` (Goertzel) as a fraction of full scale.
    static func amplitude(of frequency: Double, in samples: [Int16]) -> Double {
        let coefficient = 2 * cos(2 * Double.pi * frequency / 16_000)
        var (previous, beforePrevious) = (0.0, 0.0)
        for sample in samples {
            (previous, beforePrevious) = (Double(sample) + coefficient * previous - beforePrevious, previous)
        }
        let power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious
        return 2 * max(power, 0).squareRoot() / Double(max(samples.count, 1)) / 32_768
    }

    /// The strongest frequency: a 10 Hz scan over 1024 samples, refined in 1 Hz steps.
    static func dominantFrequency(_ samples: [Int16]) -> Double {
        func best(_ candidates: some Sequence<Double>, in window: [Int16]) -> Double {
            candidates.map { ($0, amplitude(of: $0, in: window)) }.max { $0.1 < $1.1 }?.0 ?? 0
        }
        let coarse = best(stride(from: 50.0, to: 8_000, by: 10), in: Array(samples.prefix(1_024)))
        return best(stride(from: coarse - 20, through: coarse + 20, by: 1), in: samples)
    }

    private static func le16(_ value: Int) -> Data { Data([UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]) }
    private static func le32(_ value: Int) -> Data { le16(value) + le16(value >> 16) }
}

/// A WAV file written by the binary could not be read.
struct WAVCheckFailure: Error, CustomStringConvertible {
    /// What is wrong.
    let message: String
    var description: String { message }
}
