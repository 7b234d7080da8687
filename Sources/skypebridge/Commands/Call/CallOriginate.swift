import ArgumentParser

/// `skypebridge call originate`: place one call and move its audio.
struct CallOriginate: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "originate",
        abstract: "Place a call through an interface and move its audio.",
        discussion: """
            The target may carry the interface: NAME/target or RR/target (round robin: the \
            first idle interface from the cursor). Prints each call status as it happens \
            (text, or NDJSON with --json); SIGINT hangs up. Audio is raw s16le mono 16 kHz.

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

    @Option(help: ArgumentHelp("Give up if not answered within this time (e.g. 30s).", valueName: "duration"))
    var ringTimeout: String?

    @Option(help: ArgumentHelp("Hang up after this long once answered (e.g. 2m).", valueName: "duration"))
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
    }

    func run(_ context: CommandContext) async throws {
        throw CommandError.notImplemented(command: "call originate")
    }
}
