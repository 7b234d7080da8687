import ArgumentParser
import Foundation
import SkypeBridgeCore

/// The audio options of `call originate`, turned into the call's source and sink in one place.
///
/// Without audio options the call sends silence and counts what it receives. A source that ends
/// (the end of a WAV file or of stdin) is followed by silence until the call ends.
struct CallAudioOptions {
    /// `--audio pulse[:source,sink]`.
    var audio: String?
    /// `--play file.wav|-`.
    var play: String?
    /// `--record file.wav|-`.
    var record: String?
    /// `--tone hz`.
    var tone: Double?
    /// `--detect-dtmf`.
    var detectDTMF: Bool

    /// What the options make: the call's source and sink, and the DTMF detector inside the sink.
    struct Endpoints {
        /// Where the audio we send comes from.
        var source: any AudioFrameSource
        /// Where the audio we receive goes.
        var sink: any AudioFrameSink
        /// The in-band DTMF detector fed by ``sink``, with `--detect-dtmf`.
        var dtmf: DTMFDetector?
    }

    /// Whether received audio goes to stdout, so events must go to stderr.
    var recordsToStandardOutput: Bool { record == "-" }

    /// Checks `--audio`'s form.
    func validate() throws {
        if let audio { _ = try Self.pulseDevices(audio) }
    }

    /// The source and sink the options select.
    /// - Throws: ``AudioError`` when a file, pipe or PulseAudio device cannot be opened.
    func makeEndpoints() async throws -> Endpoints {
        let pulse = try audio.map(Self.pulseDevices)
        let source: any AudioFrameSource =
            if let pulse { try await PulseSource(device: pulse.source) }
            else if play == "-" { try await PipeSource() }
            else if let play { try WAVFileSource(path: play) }
            else if let tone { try ToneSource(frequency: tone) }
            else { SilenceSource() }
        let sink: any AudioFrameSink =
            if let pulse { try await PulseSink(device: pulse.sink) }
            else if record == "-" { try await PipeSink() }
            else if let record { try WAVFileSink(path: record) }
            else { CountingSink() }
        guard detectDTMF else { return Endpoints(source: source, sink: sink) }
        let detector = DTMFDetector()
        return Endpoints(source: source, sink: FanOutSink([sink, detector]), dtmf: detector)
    }

    /// The source and sink of `pulse`, `pulse:SOURCE,SINK`, `pulse:SOURCE` or `pulse:,SINK`
    /// (an empty or missing name is the server's default).
    static func pulseDevices(_ text: String) throws -> (source: String?, sink: String?) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.first == "pulse" else {
            throw ValidationError("--audio takes pulse or pulse:SOURCE,SINK, got '\(text)'.")
        }
        guard parts.count == 2 else { return (nil, nil) }
        let devices = parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard devices.count <= 2 else {
            throw ValidationError("--audio pulse:SOURCE,SINK names at most one source and one sink, got '\(text)'.")
        }
        func name(_ index: Int) -> String? { devices.indices.contains(index) && !devices[index].isEmpty ? devices[index] : nil }
        return (name(0), name(1))
    }
}
