import SkypeBridgeCore

/// The audio options of `call originate`, turned into the call's source and sink in one place.
///
/// Without audio options the call sends silence and counts what it receives.
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

    /// The source and sink the options select; the sink counts what the call receives.
    /// - Throws: ``CommandError/notImplemented(command:)`` for audio endpoints not built yet.
    func makeEndpoints() throws -> (source: any AudioFrameSource, sink: any AudioFrameSink) {
        let unbuilt: [(String, Bool)] = [
            ("--audio", audio != nil), ("--play", play != nil), ("--record", record != nil), ("--tone", tone != nil), ("--detect-dtmf", detectDTMF),
        ]
        if let (option, _) = unbuilt.first(where: \.1) {
            throw CommandError.notImplemented(command: "call originate \(option)")
        }
        return (SilenceSource(), CountingSink())
    }
}
