import Foundation
import Synchronization

/// A sine tone at a fixed frequency and level, phase-continuous across frames.
///
/// Each sample's phase comes from the running sample count, so the tone never drifts in phase
/// however long it plays, and the frames join without clicks.
public final class ToneSource: AudioFrameSource {
    /// The tone's frequency in hertz.
    public let frequency: Double
    /// Peak amplitude as a fraction of full scale (0...1).
    public let amplitude: Double
    private let samplesSent = Mutex(0)

    /// A tone of `frequency` Hz (20 to 8000) at `amplitude` of full scale (default half, -6 dBFS).
    /// - Throws: ``AudioError/invalidFrequency(_:)`` outside 20...8000 Hz.
    public init(frequency: Double, amplitude: Double = 0.5) throws {
        guard (20...Double(CallAudioFormat.sampleRate / 2)).contains(frequency) else { throw AudioError.invalidFrequency(frequency) }
        self.frequency = frequency
        self.amplitude = min(max(amplitude, 0), 1)
    }

    /// The next 320 samples of the tone; a tone never ends.
    public func nextFrame() async throws -> [Int16]? {
        let size = CallAudioFormat.frameSamples
        let start = samplesSent.withLock { count in
            defer { count += size }
            return count
        }
        let rate = Double(CallAudioFormat.sampleRate)
        let peak = amplitude * 32_767
        return (start..<(start + size)).map { index in
            let cycles = (frequency * Double(index) / rate).truncatingRemainder(dividingBy: 1)
            return Int16((peak * sin(2 * Double.pi * cycles)).rounded())
        }
    }
}
