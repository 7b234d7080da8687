/// The sample layout of a WAV file: encoding, rate and channel count.
public struct WAVFormat: Sendable, Equatable, CustomStringConvertible {
    /// How each sample is stored.
    public var encoding: WAVSampleEncoding
    /// Frames (samples per channel) per second.
    public var sampleRate: Int
    /// Interleaved channels per frame.
    public var channels: Int

    /// A format; `sampleRate` and `channels` must be positive.
    public init(encoding: WAVSampleEncoding, sampleRate: Int, channels: Int) {
        self.encoding = encoding
        self.sampleRate = sampleRate
        self.channels = channels
    }

    /// The call's own format: 16-bit PCM, 16 kHz, mono.
    public static let call = WAVFormat(encoding: .pcm16, sampleRate: CallAudioFormat.sampleRate, channels: CallAudioFormat.channels)

    /// Bytes per frame (all channels of one sample instant), the `fmt ` chunk's block align.
    public var bytesPerFrame: Int { encoding.bytesPerSample * channels }

    /// E.g. `16-bit PCM, 44100 Hz, 2 channels`.
    public var description: String { "\(encoding), \(sampleRate) Hz, \(channels) channel\(channels == 1 ? "" : "s")" }
}
