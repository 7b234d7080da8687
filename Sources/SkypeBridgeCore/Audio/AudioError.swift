/// Failures of the call audio endpoints: WAV files, pipes and PulseAudio.
public enum AudioError: CategorizedError, Equatable, CustomStringConvertible {
    /// A file could not be opened or created.
    case cannotOpen(path: String, message: String)
    /// A file is not a RIFF/WAVE file or its chunks are malformed.
    case notWAV(path: String, reason: String)
    /// A WAV file uses an encoding other than 8/16/24/32-bit PCM or 32/64-bit float.
    case unsupportedWAV(path: String, reason: String)
    /// Reading a file or pipe failed.
    case readFailed(source: String, message: String)
    /// Writing a file or pipe failed.
    case writeFailed(destination: String, message: String)
    /// A tone frequency outside what 16 kHz audio can carry.
    case invalidFrequency(Double)
    /// libpulse (loaded on first use) is not installed or not usable.
    case pulseNotInstalled(String)
    /// The PulseAudio server could not be reached or refused the stream.
    case pulseUnavailable(device: String, message: String)
    /// A PulseAudio stream failed while running.
    case pulseFailed(device: String, message: String)

    /// The exit-code category: notFound, dataError, unavailable or failure.
    public var category: ErrorCategory {
        switch self {
        case .cannotOpen: .notFound
        case .notWAV, .unsupportedWAV, .invalidFrequency: .dataError
        case .pulseUnavailable, .pulseNotInstalled: .unavailable
        case .readFailed, .writeFailed, .pulseFailed: .failure
        }
    }

    /// A short lowercase message saying what to do.
    public var description: String {
        switch self {
        case let .cannotOpen(path, message):
            "cannot open \(path): \(message); check the path and its permissions"
        case let .notWAV(path, reason):
            "\(path) is not a WAV file (\(reason)); convert it to WAV first"
        case let .unsupportedWAV(path, reason):
            "\(path) uses an unsupported encoding (\(reason)); use 8/16/24/32-bit PCM or float"
        case let .readFailed(source, message):
            "reading \(source) failed: \(message)"
        case let .writeFailed(destination, message):
            "writing \(destination) failed: \(message); check free space and that the reader is still there"
        case let .invalidFrequency(hertz):
            "\(hertz) Hz cannot be sent in 16 kHz audio; use 20 to 8000 Hz"
        case let .pulseNotInstalled(reason):
            "cannot load libpulse (\(reason)); install it with apt install libpulse0"
        case let .pulseUnavailable(device, message):
            "cannot open PulseAudio device \(device): \(message); check that PulseAudio runs (pactl info) or set PULSE_SERVER"
        case let .pulseFailed(device, message):
            "PulseAudio device \(device) failed: \(message)"
        }
    }
}
