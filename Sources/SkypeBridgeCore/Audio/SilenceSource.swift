/// A source that never ends and always has a frame of silence (sample value 0).
public struct SilenceSource: AudioFrameSource {
    private static let frame = [Int16](repeating: 0, count: CallAudioFormat.frameSamples)

    /// Silence.
    public init() {}

    /// One frame of zeros.
    public func nextFrame() async throws -> [Int16]? { Self.frame }
}
