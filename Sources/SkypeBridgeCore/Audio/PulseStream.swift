import CPulse

/// One libpulse "simple" stream in the call format (s16le, 16 kHz, mono), for playback or
/// capture. Every call blocks, so a stream is opened, used and freed on one dedicated thread.
final class PulseStream: BlockingFrameReader, BlockingFrameWriter {
    /// Which way the audio goes.
    enum Direction {
        /// To a sink (a speaker).
        case playback
        /// From a source (a microphone, a sink's monitor).
        case record
    }

    private let handle: OpaquePointer
    private let device: String
    private let pulse: PulseLibrary

    /// Playback buffer target: three frames (60 ms), refilled a frame at a time.
    static let playbackTarget = UInt32(3 * CallAudioFormat.frameBytes)
    /// Capture fragment: one frame (20 ms), so each read returns as soon as a frame is there.
    static let recordFragment = UInt32(CallAudioFormat.frameBytes)

    /// Connects to the server (`PULSE_SERVER` or the default) and opens a stream on `device`
    /// (`nil`: the default sink or source).
    /// - Throws: ``AudioError/pulseNotInstalled(_:)``, ``AudioError/pulseUnavailable(device:message:)``.
    init(direction: Direction, device: String?, streamName: String, library: Result<PulseLibrary, AudioError> = PulseLibrary.shared) throws {
        let pulse = try library.get()
        self.pulse = pulse
        self.device = device ?? "default"
        var spec = pa_sample_spec(format: PA_SAMPLE_S16LE, rate: UInt32(CallAudioFormat.sampleRate), channels: UInt8(CallAudioFormat.channels))
        let unset = UInt32.max
        var attributes = switch direction {
        case .playback:
            pa_buffer_attr(maxlength: unset, tlength: Self.playbackTarget, prebuf: unset, minreq: UInt32(CallAudioFormat.frameBytes), fragsize: unset)
        case .record:
            pa_buffer_attr(maxlength: unset, tlength: unset, prebuf: unset, minreq: unset, fragsize: Self.recordFragment)
        }
        var error: Int32 = 0
        let handle = pulse.new(
            nil, "skypebridge", direction == .playback ? PA_STREAM_PLAYBACK : PA_STREAM_RECORD, device, streamName,
            &spec, nil, &attributes, &error
        )
        guard let handle else { throw AudioError.pulseUnavailable(device: self.device, message: pulse.message(error)) }
        self.handle = handle
    }

    /// Blocks until one frame has been captured.
    func readFrame() throws -> [Int16]? {
        var frame = [Int16](repeating: 0, count: CallAudioFormat.frameSamples)
        var error: Int32 = 0
        let result = frame.withUnsafeMutableBytes { pulse.read(handle, $0.baseAddress, $0.count, &error) }
        guard result >= 0 else { throw AudioError.pulseFailed(device: device, message: pulse.message(error)) }
        return frame.map { Int16(littleEndian: $0) }
    }

    /// Blocks until the server has room for the frame.
    func writeFrame(_ frame: [Int16]) throws {
        var error: Int32 = 0
        let bytes = frame.map { $0.littleEndian }
        let result = bytes.withUnsafeBytes { pulse.write(handle, $0.baseAddress, $0.count, &error) }
        guard result >= 0 else { throw AudioError.pulseFailed(device: device, message: pulse.message(error)) }
    }

    /// Frees the stream without waiting for queued audio.
    func close() {
        pulse.free(handle)
    }

    /// Waits until the queued audio has played, then frees the stream.
    func drainAndClose() throws {
        defer { pulse.free(handle) }
        var error: Int32 = 0
        guard pulse.drain(handle, &error) >= 0 else { throw AudioError.pulseFailed(device: device, message: pulse.message(error)) }
    }
}

extension PulseLibrary {
    /// libpulse's words for an error code.
    func message(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
