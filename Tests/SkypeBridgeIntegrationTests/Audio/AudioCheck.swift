import Foundation
import SkypeBridgeCore

/// Makes test audio files and measures what came back from a call.
enum AudioCheck {
    /// A 16-bit WAV file of a sine at `frequency` Hz (peak `amplitude` of full scale) in `format`.
    static func writeTone(_ path: String, frequency: Double, seconds: Double, amplitude: Double = 0.4, format: WAVFormat) throws {
        let count = Int(seconds * Double(format.sampleRate))
        var interleaved: [Float] = []
        interleaved.reserveCapacity(count * format.channels)
        for index in 0..<count {
            let value = Float(amplitude * sin(2 * Double.pi * frequency * Double(index) / Double(format.sampleRate)))
            interleaved += [Float](repeating: value, count: format.channels)
        }
        let data = format.encoding.encode(interleaved)
        try Data(WAVHeader.bytes(format: format, dataLength: data.count) + data).write(to: URL(fileURLWithPath: path))
    }

    /// A WAV file of DTMF key presses: 100 ms of both tones (each at -14 dBFS) then 100 ms of silence per digit.
    static func writeDTMF(_ path: String, digits: String) throws {
        let rows: [Character: Double] = ["1": 697, "5": 770, "9": 852, "#": 941, "0": 941]
        let columns: [Character: Double] = ["1": 1_209, "5": 1_336, "9": 1_477, "#": 1_477, "0": 1_336]
        var samples: [Float] = [Float](repeating: 0, count: 4_000)
        for digit in digits {
            guard let low = rows[digit], let high = columns[digit] else { continue }
            samples += (0..<1_600).map { Float(0.2 * sin(2 * Double.pi * low * Double($0) / 16_000) + 0.2 * sin(2 * Double.pi * high * Double($0) / 16_000)) }
            samples += [Float](repeating: 0, count: 1_600)
        }
        let data = WAVSampleEncoding.pcm16.encode(samples)
        try Data(WAVHeader.bytes(format: .call, dataLength: data.count) + data).write(to: URL(fileURLWithPath: path))
    }

    /// Every 16 kHz sample of a WAV file.
    static func readWAV(_ path: String) async throws -> [Int16] {
        let source = try WAVFileSource(path: path)
        var samples: [Int16] = []
        while let frame = try await source.nextFrame() { samples += frame }
        return samples
    }

    /// Raw s16le bytes as samples.
    static func samples(ofRaw data: Data) -> [Int16] {
        stride(from: 0, to: data.count - 1, by: 2).map { Int16(bitPattern: UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8) }
    }

    /// Up to 8000 samples (0.5 s) starting 50 ms after the first loud one, or `nil` if none is loud.
    static func heardSegment(_ samples: [Int16]) -> [Int16]? {
        guard let start = samples.firstIndex(where: { abs($0) > 1_000 }) else { return nil }
        let segment = Array(samples[start...].dropFirst(800).prefix(8_000))
        return segment.count >= 4_000 ? segment : nil
    }

    /// The strongest frequency: a 10 Hz scan over 1024 samples, refined in 1 Hz steps.
    static func dominantFrequency(_ samples: [Int16]) -> Double {
        func best(_ candidates: some Sequence<Double>, in window: [Int16]) -> Double {
            let scored = candidates.map { ($0, Goertzel(frequency: $0, sampleRate: 16_000).amplitude(in: window)) }
            return scored.max { $0.1 < $1.1 }?.0 ?? 0
        }
        let coarse = best(stride(from: 50.0, to: 8_000, by: 10), in: Array(samples.prefix(1_024)))
        return best(stride(from: coarse - 20, through: coarse + 20, by: 1), in: samples)
    }

    /// The peak amplitude of `frequency` as a fraction of full scale.
    static func amplitude(of frequency: Double, in samples: [Int16]) -> Double {
        Goertzel(frequency: frequency, sampleRate: 16_000).amplitude(in: samples) / 32_768
    }
}
