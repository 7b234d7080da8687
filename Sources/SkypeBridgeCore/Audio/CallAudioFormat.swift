/// The audio format of a call on the Skype client API's loopback ports: signed 16-bit
/// little-endian PCM, mono, 16 kHz, moved in 20 ms frames of 320 samples (640 bytes).
public enum CallAudioFormat {
    /// Samples per second.
    public static let sampleRate = 16_000
    /// Channels per frame.
    public static let channels = 1
    /// Samples in one 20 ms frame.
    public static let frameSamples = 320
    /// Bytes in one frame on the wire.
    public static let frameBytes = frameSamples * 2
    /// The duration of one frame.
    public static let frameDuration = Duration.milliseconds(20)
}
