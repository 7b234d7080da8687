import Foundation

/// The audio of a call an interface answers (`incoming_call_action = "answer"`): what the caller
/// hears (`answer_play`) and where their voice goes (`answer_record`).
public struct AnsweredCallAudio: Sendable, Hashable {
    /// `answer_play`: `"silence"`, `"tone:HZ"`, `"pulse"`, `"pulse:SOURCE"` or a WAV file path.
    public enum Source: Sendable, Hashable {
        /// Silence frames (the default).
        case silence
        /// A sine tone at this frequency.
        case tone(Double)
        /// A WAV file (any common format, converted), then silence.
        case file(String)
        /// A PulseAudio source (nil: the server's default microphone).
        case pulse(device: String?)
    }

    /// `answer_record`: a directory path or `"pulse"`, `"pulse:SINK"`; unset discards the audio.
    public enum Destination: Sendable, Hashable {
        /// Counted, then dropped (the default).
        case discard
        /// One WAV file per call in this directory, named after the interface, call and time.
        case directory(String)
        /// A PulseAudio sink (nil: the server's default speaker).
        case pulse(device: String?)
    }

    /// What the caller hears.
    public var source: Source
    /// Where the caller's voice goes.
    public var destination: Destination

    /// Audio of answered calls; silence out and nothing kept unless told otherwise.
    public init(source: Source = .silence, destination: Destination = .discard) {
        self.source = source
        self.destination = destination
    }

    /// Reads an `answer_play` value; nil when it is none of the documented forms.
    public static func source(parsing text: String) -> Source? {
        if text == "silence" { return .silence }
        if text.hasPrefix("tone:") {
            guard let hertz = Double(text.dropFirst(5)), (20...8000).contains(hertz) else { return nil }
            return .tone(hertz)
        }
        if let device = pulseDevice(text) { return .pulse(device: device.isEmpty ? nil : device) }
        return isPath(text) ? .file(text) : nil
    }

    /// Reads an `answer_record` value; nil when it is none of the documented forms.
    public static func destination(parsing text: String) -> Destination? {
        if let device = pulseDevice(text) { return .pulse(device: device.isEmpty ? nil : device) }
        return isPath(text) ? .directory(text) : nil
    }

    /// The `answer_play` text of ``source``.
    var sourceText: String {
        switch source {
        case .silence: "silence"
        case let .tone(hertz): "tone:\(hertz.rounded() == hertz ? String(Int(hertz)) : String(hertz))"
        case let .file(path): path
        case let .pulse(device): device.map { "pulse:" + $0 } ?? "pulse"
        }
    }

    /// The `answer_record` text of ``destination``; nil for the default.
    var destinationText: String? {
        switch destination {
        case .discard: nil
        case let .directory(path): path
        case let .pulse(device): device.map { "pulse:" + $0 } ?? "pulse"
        }
    }

    /// Opens the source and sink of one answered call.
    /// - Throws: ``AudioError`` when a file, directory or PulseAudio device cannot be opened.
    public func makePump(interface: String, call: SkypeCallID, now: Date = Date()) async throws -> CallAudioPump {
        let sink: any AudioFrameSink =
            switch destination {
            case .discard: CountingSink()
            case let .directory(path): try WAVFileSink(path: Self.recordingPath(in: path, interface: interface, call: call, now: now))
            case let .pulse(device): try await PulseSink(device: device)
            }
        let source: any AudioFrameSource
        do {
            source =
                switch self.source {
                case .silence: SilenceSource()
                case let .tone(hertz): try ToneSource(frequency: hertz)
                case let .file(path): try WAVFileSource(path: Self.expanded(path))
                case let .pulse(device): try await PulseSource(device: device)
                }
        } catch {
            try? await sink.finish()
            throw error
        }
        return CallAudioPump(source: source, sink: sink)
    }

    /// `<directory>/<interface>-call<id>-<UTC yyyyMMdd-HHmmss>.wav`.
    static func recordingPath(in directory: String, interface: String, call: SkypeCallID, now: Date) -> String {
        let time = CivilTime(epochSeconds: Int64(now.timeIntervalSince1970.rounded(.down)))
        return expanded(directory) + "/\(interface)-call\(call.rawValue)-\(time.compactText).wav"
    }

    private static func pulseDevice(_ text: String) -> String? {
        if text == "pulse" { return "" }
        return text.hasPrefix("pulse:") ? String(text.dropFirst(6)) : nil
    }

    private static func isPath(_ text: String) -> Bool {
        text.hasPrefix("/") || text.hasPrefix("~/")
    }

    private static func expanded(_ path: String) -> String {
        path.hasPrefix("~/") ? FileManager.default.homeDirectoryForCurrentUser.path + path.dropFirst(1) : path
    }
}
