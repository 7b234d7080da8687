/// Decides whether one block of 16 kHz audio holds a DTMF digit: Goertzel amplitudes at the
/// eight DTMF frequencies, then level, twist, peak and purity tests (ITU-T Q.24 style).
struct DTMFClassifier: Sendable {
    /// Row (low group) frequencies in hertz.
    static let rowFrequencies = [697.0, 770, 852, 941]
    /// Column (high group) frequencies in hertz.
    static let columnFrequencies = [1209.0, 1336, 1477, 1633]
    /// The keypad, row by row.
    static let keys: [[Character]] = [["1", "2", "3", "A"], ["4", "5", "6", "B"], ["7", "8", "9", "C"], ["*", "0", "#", "D"]]

    /// Each tone's minimum peak amplitude, in 16-bit units (about -40 dBFS).
    var minimumAmplitude = 330.0
    /// How much louder the high tone may be than the low one (reverse twist), as an amplitude ratio (4 dB).
    var reverseTwist = 1.585
    /// How much louder the low tone may be than the high one (normal twist), as an amplitude ratio (8 dB).
    var normalTwist = 2.512
    /// How far above the other frequencies of its group each tone must stand, as an amplitude ratio (8 dB).
    var peakRatio = 2.512
    /// The share of the block's power the two tones must carry.
    var purity = 0.65

    private let rows = rowFrequencies.map { Goertzel(frequency: $0, sampleRate: Double(CallAudioFormat.sampleRate)) }
    private let columns = columnFrequencies.map { Goertzel(frequency: $0, sampleRate: Double(CallAudioFormat.sampleRate)) }

    /// The digit in `block`, or `nil` for none (silence, speech, noise, other tones).
    func digit(in block: ArraySlice<Float>) -> Character? {
        guard !block.isEmpty else { return nil }
        let rowAmplitudes = rows.map { $0.amplitude(in: block) }
        let columnAmplitudes = columns.map { $0.amplitude(in: block) }
        guard let (row, low) = Self.peak(rowAmplitudes, ratio: peakRatio),
              let (column, high) = Self.peak(columnAmplitudes, ratio: peakRatio),
              low >= minimumAmplitude, high >= minimumAmplitude,
              high <= low * reverseTwist, low <= high * normalTwist
        else { return nil }
        let power = block.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(block.count)
        guard (low * low + high * high) / 2 >= purity * power else { return nil }
        return Self.keys[row][column]
    }

    /// The strongest value's index and value, if it exceeds every other by `ratio`.
    private static func peak(_ values: [Double], ratio: Double) -> (Int, Double)? {
        guard let best = values.indices.max(by: { values[$0] < values[$1] }) else { return nil }
        for (index, value) in values.enumerated() where index != best && value * ratio > values[best] {
            return nil
        }
        return (best, values[best])
    }
}
