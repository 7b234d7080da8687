import ArgumentParser

/// `skypebridge listen`: stream incoming Skype events to stdout.
struct Listen: SkypeBridgeCommand {
    /// How events are printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ndjson, text
    }

    static let configuration = CommandConfiguration(
        abstract: "Stream incoming Skype events as NDJSON or text.",
        discussion: """
            One event per line, flushed as it arrives: new, edited and deleted messages, \
            typing, contact requests, presence and thread changes. Reconnects and re-registers \
            on its own without dropping or repeating events. Stops after --count events, after \
            --timeout, on SIGINT/SIGTERM, or when the reader of stdout goes away (exit 0).

            Examples:
              skypebridge listen --count 1 | jq .
              skypebridge listen --chat 8:alice --type message --format text
              skypebridge listen --since 1h --timeout 10m > events.ndjson
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format.")
    var format: Format = .ndjson

    @Option(name: .customLong("chat"), help: ArgumentHelp("Only events of this chat (repeatable).", valueName: "chat-id"))
    var chats: [String] = []

    @Option(name: .customLong("type"), help: ArgumentHelp("Only events of this type: message, edit, delete, typing, contact, presence, thread (repeatable).", valueName: "type"))
    var types: [String] = []

    @Option(help: "Stop after this many events.")
    var count: Int?

    @Option(help: ArgumentHelp("Stop after this long, e.g. 30s, 10m.", valueName: "duration"))
    var timeout: String?

    @Option(help: ArgumentHelp("First print the history of this period, e.g. 1h.", valueName: "duration"))
    var since: String?

    @Flag(help: "Also report chats and calls received on the Skype client API interfaces.")
    var interfaces = false

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1.") }
        let known: Set = ["message", "edit", "delete", "typing", "contact", "presence", "thread"]
        if let unknown = types.first(where: { !known.contains($0) }) {
            throw ValidationError("unknown --type '\(unknown)'; expected one of \(known.sorted().joined(separator: ", ")).")
        }
    }

    func run(_ context: CommandContext) async throws {
        throw CommandError.notImplemented(command: "listen")
    }
}
