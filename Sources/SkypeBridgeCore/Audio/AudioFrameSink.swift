/// Where the audio a call receives goes (a WAV file, a pipe, a speaker, a DTMF detector, a
/// byte counter).
public protocol AudioFrameSink: Sendable {
    /// Takes one received frame of ``CallAudioFormat/frameSamples`` samples (a short final
    /// frame is possible when the remote side stops mid-frame).
    func write(_ frame: [Int16]) async throws
    /// Called once when the call's audio ends; flushes and closes (e.g. fixes a WAV header).
    func finish() async throws
}
