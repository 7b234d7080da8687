/// What moved over one call's audio sockets, as the control API reports it.
public struct ClientAPIAudioStatistics: Sendable, Codable, Equatable {
    /// The `SET_INPUT` port the emulator was told to read from.
    public var inputPort: Int?
    /// The `SET_OUTPUT` port the emulator was told to write to.
    public var outputPort: Int?
    /// Whether the emulator's connection to the input port succeeded.
    public var inputConnected = false
    /// Whether the emulator's connection to the output port succeeded.
    public var outputConnected = false
    /// Bytes read from the input port (what the remote party would hear).
    public var bytesIn = 0
    /// Bytes written to the output port (the remote party's voice).
    public var bytesOut = 0
    /// Whole 640-byte frames read.
    public var framesIn = 0
    /// 640-byte frames written.
    public var framesOut = 0
    /// The largest absolute sample value read from the input port.
    public var peakIn = 0

    /// Counters before any audio moved.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case inputPort = "input_port"
        case outputPort = "output_port"
        case inputConnected = "input_connected"
        case outputConnected = "output_connected"
        case bytesIn = "bytes_in"
        case bytesOut = "bytes_out"
        case framesIn = "frames_in"
        case framesOut = "frames_out"
        case peakIn = "peak_in"
    }
}
