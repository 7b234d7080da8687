/// A PulseAudio source (a microphone, or a sink's `.monitor`) into a call, through libpulse.
///
/// A dedicated thread captures 20 ms fragments and keeps the newest five frames; when the
/// microphone's clock runs a little slow against the call's the call gets a silence frame, when
/// it runs fast the oldest frame is dropped, so latency stays under 100 ms.
public final class PulseSource: AudioFrameSource {
    /// The source's name, or `default`.
    public let device: String
    private let reader: FrameReaderThread

    /// Opens `device` (`nil`: the server's default source) on the server `PULSE_SERVER` names.
    /// - Throws: ``AudioError/pulseUnavailable(device:message:)``.
    public init(device: String? = nil) async throws {
        self.device = device ?? "default"
        reader = try await FrameReaderThread.start(name: "skypebridge pulse in", capacity: 5, overflow: .dropOldest, source: self.device) {
            try PulseStream(direction: .record, device: device, streamName: "call microphone")
        }
    }

    deinit {
        reader.stop()
    }

    /// The oldest captured frame not yet sent, or silence if none is there yet.
    /// - Throws: ``AudioError/pulseFailed(device:message:)`` if the stream broke.
    public func nextFrame() async throws -> [Int16]? {
        switch try reader.next() {
        case let .frame(frame): frame
        case .empty: [Int16](repeating: 0, count: CallAudioFormat.frameSamples)
        case .ended: nil
        }
    }
}
