/// Where the audio a call sends comes from (a WAV file, a tone, a pipe, a microphone, silence).
///
/// The call pumps one frame every 20 ms from a monotonic clock and asks the source for it; a
/// source never paces itself. Frames are ``CallAudioFormat/frameSamples`` samples long.
public protocol AudioFrameSource: Sendable {
    /// The next frame, or `nil` when the source has ended (the call then sends silence or
    /// hangs up, as the caller decides).
    func nextFrame() async throws -> [Int16]?
}
