/// Conversions between the call's 16-bit samples and floating-point samples in -1...1.
enum SampleConversion {
    /// Rounds to 16-bit samples, clipping values outside -1...1.
    static func int16(_ samples: [Float]) -> [Int16] {
        samples.map { Int16(min(max(($0 * 32_768).rounded(), -32_768), 32_767)) }
    }

    /// Averages interleaved channels into one.
    static func mono(_ interleaved: [Float], channels: Int) -> [Float] {
        guard channels > 1 else { return interleaved }
        let frames = interleaved.count / channels
        var mono = [Float](repeating: 0, count: frames)
        interleaved.withUnsafeBufferPointer { input in
            for frame in 0..<frames {
                var sum: Float = 0
                for channel in 0..<channels { sum += input[frame * channels + channel] }
                mono[frame] = sum / Float(channels)
            }
        }
        return mono
    }
}
