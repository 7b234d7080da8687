/// A call's received audio to a PulseAudio sink (a speaker), through libpulse.
///
/// Received frames go through a ``JitterBuffer`` (start at 60 ms, at most 160 ms: the call pump
/// hands them on in 20 ms steps, so one late frame is a 40 ms gap) to a dedicated
/// thread whose blocking writes keep a 60 ms playback buffer filled; when nothing was received it
/// plays silence, so the stream never stalls.
public final class PulseSink: AudioFrameSink {
    /// The sink's name, or `default`.
    public let device: String
    private let writer: FrameWriterThread

    /// Opens `device` (`nil`: the server's default sink) on the server `PULSE_SERVER` names.
    /// - Throws: ``AudioError/pulseUnavailable(device:message:)``.
    public init(device: String? = nil) async throws {
        self.device = device ?? "default"
        writer = try await FrameWriterThread.start(
            name: "skypebridge pulse out", buffer: JitterBuffer(targetDepth: 3, maximumDepth: 8), paced: true, destination: self.device
        ) {
            try PulseStream(direction: .playback, device: device, streamName: "call speaker")
        }
    }

    deinit {
        writer.stop()
    }

    /// Underruns (nothing received in time) and frames dropped (too much received at once) so far.
    public var statistics: (underruns: Int, dropped: Int) { writer.statistics }

    /// Queues one received frame for playback.
    /// - Throws: ``AudioError/pulseFailed(device:message:)`` once the stream has failed.
    public func write(_ frame: [Int16]) async throws {
        try writer.enqueue(frame)
    }

    /// Plays what is queued, waits until it has been heard, and closes the stream.
    public func finish() async throws {
        try await writer.finish()
    }
}
