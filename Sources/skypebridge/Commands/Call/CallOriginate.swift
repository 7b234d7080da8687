import ArgumentParser
import Foundation
import SkypeBridgeCore

/// `skypebridge call originate`: place one call and move its audio.
struct CallOriginate: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "originate",
        abstract: "Place a call through an interface and move its audio.",
        discussion: """
            The target may carry the interface: NAME/target or RR/target (round robin: the \
            first idle interface from the cursor); without either it is round robin. No idle \
            interface means no call is placed. Prints each call status as it happens (text, \
            or NDJSON with --json); SIGINT or SIGTERM hangs up. Audio goes over two loopback \
            ports the client connects to (raw s16le mono 16 kHz, 20 ms frames); without audio \
            options the call sends silence and counts what it receives. --play takes a WAV file of \
            any common rate, channel count and bit depth (converted to 16 kHz mono) and sends \
            silence after its end; --record writes a 16 kHz mono WAV whose header stays valid \
            even if the process is killed. With --record -, events go to stderr. \
            --detect-dtmf prints each in-band key press (dtmf-detected).

            Exit status: 0 when the call was answered and ended (by either side or \
            --duration); 80 busy, 81 refused, 82 no answer, 83 failed, 84 no idle interface, \
            85 the named interface is busy, 130 hung up by a signal.

            Examples:
              skypebridge call originate RR/echo123 --duration 5
              skypebridge call originate echo123 --interface desk1 --play hello.wav --record reply.wav
              sox in.wav -t raw -r 16000 -c 1 -e signed -b 16 - | skypebridge call originate RR/+15551234 --play -
              skypebridge call originate RR/echo123 --audio pulse --detect-dtmf --json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Who to call: a Skype name, +number, NAME/target or RR/target.", valueName: "target"))
    var target: String

    @Option(help: ArgumentHelp("Interface name, or RR for round robin.", valueName: "name|RR"))
    var interface: String?

    @Option(help: ArgumentHelp("Give up if not answered within this time: seconds or e.g. 30s (default: the interface's ring_timeout).", valueName: "duration"))
    var ringTimeout: String?

    @Option(help: ArgumentHelp("Hang up after this long once answered: seconds or e.g. 2m.", valueName: "duration"))
    var duration: String?

    @Option(help: ArgumentHelp("DTMF digits to send once answered (0-9 * #).", valueName: "digits"))
    var dtmf: String?

    @Option(help: ArgumentHelp("PulseAudio devices: pulse or pulse:SOURCE,SINK.", valueName: "pulse[:source,sink]"))
    var audio: String?

    @Option(help: ArgumentHelp("Play a WAV file into the call, or raw PCM from stdin with '-'.", valueName: "file.wav|-"), completion: .file(extensions: ["wav"]))
    var play: String?

    @Option(help: ArgumentHelp("Record the remote audio to a WAV file, or raw PCM to stdout with '-'.", valueName: "file.wav|-"), completion: .file(extensions: ["wav"]))
    var record: String?

    @Option(help: ArgumentHelp("Play a sine tone of this frequency.", valueName: "hz"))
    var tone: Double?

    @Flag(help: "Detect in-band DTMF digits in the received audio and report them.")
    var detectDtmf = false

    func validate() throws {
        if let interface, target.contains("/") {
            throw ValidationError("give the interface once: --interface \(interface) or \(target), not both.")
        }
        for (name, value) in [("--ring-timeout", ringTimeout), ("--duration", duration)] {
            if let value, Self.duration(value) == nil {
                throw ValidationError("\(name) takes seconds or a duration like 30s or 2m, got '\(value)'.")
            }
        }
        if dialled.target.isEmpty { throw ValidationError("the call target is empty.") }
        if let dtmf, dtmf.isEmpty || dtmf.contains(where: { !"0123456789*#ABCD".contains($0) }) {
            throw ValidationError("--dtmf takes digits 0-9, *, # and A-D.")
        }
        if [audio != nil, play != nil, tone != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose one audio source: --audio, --play or --tone.")
        }
        if audio != nil && record != nil {
            throw ValidationError("--audio plays the remote voice on the speaker; do not also --record.")
        }
        if let tone, !(20...8000).contains(tone) {
            throw ValidationError("--tone must be between 20 and 8000 Hz.")
        }
        try audioOptions.validate()
    }

    /// The audio options as one value.
    var audioOptions: CallAudioOptions {
        CallAudioOptions(audio: audio, play: play, record: record, tone: tone, detectDTMF: detectDtmf)
    }

    /// `2` or `2.5` (seconds), or a config duration such as `30s` or `2m`.
    static func duration(_ text: String) -> Duration? {
        if let seconds = Double(text), seconds > 0 { return .milliseconds(Int64(seconds * 1000)) }
        return Duration(configText: text)
    }

    /// The interface selection and the target, from `NAME/target`, `RR/target` or `--interface`.
    var dialled: (selection: InterfaceSelection, target: String) {
        if let slash = target.firstIndex(of: "/") {
            return (InterfaceSelection(String(target[..<slash])), String(target[target.index(after: slash)...]))
        }
        return (InterfaceSelection(interface ?? "RR"), target)
    }

    func run(_ context: CommandContext) async throws {
        let (selection, callee) = dialled
        let configuration = try context.configuration()
        let store = try context.openStore(access: .concurrent)
        try InterfaceManager(store: store, settings: configuration.interfaces, logger: context.logger).loadIfNeeded()
        let endpoints = try await audioOptions.makeEndpoints()
        let originator = CallOriginator(store: store, settings: configuration.interfaces, logger: context.logger)
        var events = output.output
        if audioOptions.recordsToStandardOutput { events.descriptor = STDERR_FILENO }
        let printer = CallEventPrinter(output: events, target: callee)
        let detections = Task { [dtmf = endpoints.dtmf] in
            guard let dtmf else { return }
            for await detected in dtmf.events { printer.print(detected) }
        }
        let ringTimeout = ringTimeout.flatMap(Self.duration)
        let duration = duration.flatMap(Self.duration)
        let digits = dtmf ?? ""
        let result = try await ExitCodes.mappingInterfaceErrors(context) {
            try await originator.originate(
                target: callee, via: selection,
                options: { interface in
                    CallOptions(
                        ringTimeout: ringTimeout ?? interface.ringTimeout, duration: duration, dtmf: digits,
                        lowLatencyAudio: interface.lowLatencyAudio)
                },
                audio: CallAudioPump(source: endpoints.source, sink: endpoints.sink),
                hangupSignal: { _ = await TerminationSignals.wait() },
                events: { printer.print($0) })
        }
        try? await endpoints.dtmf?.finish()
        await detections.value
        printer.print(result)
        let code = ExitCodes(outcome: result.outcome)
        if code != .success { throw ExitCode(code.rawValue) }
    }
}
