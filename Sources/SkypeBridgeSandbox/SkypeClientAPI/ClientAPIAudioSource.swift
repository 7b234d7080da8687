import Foundation

/// What an emulated call plays into the application's `SET_OUTPUT` port once it is answered.
enum ClientAPIAudioSource: Sendable, Equatable {
    /// The bytes read from the `SET_INPUT` port, looped back (echo123).
    case echo
    /// A sine tone at this frequency in Hz, amplitude 8000.
    case tone(Double)
    /// All-zero frames.
    case silence

    /// The European ringback tone played during EARLYMEDIA.
    static let ringback = ClientAPIAudioSource.tone(425)

    /// Parses `echo`, `tone` (440 Hz), `tone:<hz>` or `silence`.
    init?(name: String) {
        switch name.lowercased() {
        case "echo": self = .echo
        case "silence": self = .silence
        case "tone": self = .tone(440)
        default:
            guard name.lowercased().hasPrefix("tone:"), let hertz = Double(name.dropFirst(5)), hertz > 0, hertz < 8000 else { return nil }
            self = .tone(hertz)
        }
    }

    /// Frame `index` (640 bytes, 320 s16le samples at 16 kHz) of a generated source.
    static func generatedFrame(_ source: ClientAPIAudioSource, index: Int) -> [UInt8] {
        var frame = [UInt8](repeating: 0, count: ClientAPIAudio.frameBytes)
        guard case let .tone(hertz) = source else { return frame }
        for sample in 0..<ClientAPIAudio.frameSamples {
            let time = Double(index * ClientAPIAudio.frameSamples + sample) / 16_000
            let value = UInt16(bitPattern: Int16(8000 * sin(2 * Double.pi * hertz * time)))
            frame[2 * sample] = UInt8(value & 0xFF)
            frame[2 * sample + 1] = UInt8(value >> 8)
        }
        return frame
    }
}
