import ArgumentParser
import Foundation
import SkypeBridgeCore

/// `skypebridge listen`: stream incoming Skype events to stdout.
struct Listen: SkypeBridgeCommand {
    /// How events are printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ndjson, text
    }

    static let knownTypes: Set<String> = Set(["message", "edit", "delete", "typing", "contact", "presence", "thread"])
        .union(ListenEvent.interfaceTypes)

    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Stream incoming Skype events as NDJSON or text.",
        discussion: """
            One event per line, flushed as it arrives: new, edited and deleted messages, \
            typing, contact requests, presence and thread changes. Reconnects and re-registers \
            on its own without dropping or repeating events. Stops after --count events, after \
            --timeout, on SIGINT/SIGTERM, or when the reader of stdout goes away (exit 0).

            With --interfaces it attaches to the Skype client API interfaces instead and \
            reports what arrives there: incoming calls (handled by each interface's \
            incoming_call_action) with their statuses, DTMF and end (types incoming-call, \
            call-status, dtmf, call-end), chat messages (chat, then marked read) and contact \
            requests (contact, accepted when auto_accept_contacts is on). Interfaces that go \
            down are logged and retried.

            Examples:
              skypebridge listen --count 1 | jq .
              skypebridge listen --chat 8:alice --type message --format text
              skypebridge listen --since 1h --timeout 10m > events.ndjson
              skypebridge listen --interfaces --type chat --count 1
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format.")
    var format: Format = .ndjson

    @Option(name: .customLong("chat"), help: ArgumentHelp("Only events of this chat (repeatable).", valueName: "chat-id"))
    var chats: [String] = []

    @Option(name: .customLong("type"), help: ArgumentHelp("Only events of this type: message, edit, delete, typing, contact, presence, thread; with --interfaces incoming-call, call-status, dtmf, call-end, chat, contact (repeatable).", valueName: "type"))
    var types: [String] = []

    @Option(help: "Stop after this many events.")
    var count: Int?

    @Option(help: ArgumentHelp("Stop after this long, e.g. 30s, 10m.", valueName: "duration"))
    var timeout: String?

    @Option(help: ArgumentHelp("First print the history of this period, e.g. 1h.", valueName: "duration"))
    var since: String?

    @Flag(help: "Report calls, chats and contact requests received on the Skype client API interfaces instead.")
    var interfaces = false

    func validate() throws {
        if interfaces && since != nil { throw ValidationError("--since applies to Skype web events, not to --interfaces.") }
        if let count, count < 1 { throw ValidationError("--count must be at least 1.") }
        if let unknown = types.first(where: { !Self.knownTypes.contains($0) }) {
            throw ValidationError("unknown --type '\(unknown)'; expected one of \(Self.knownTypes.sorted().joined(separator: ", ")).")
        }
        for (name, value) in [("--timeout", timeout), ("--since", since)] {
            if let value, Duration(configText: value) == nil {
                throw ValidationError("\(name) takes a duration like 30s, 10m or 1h, got '\(value)'.")
            }
        }
    }

    func run(_ context: CommandContext) async throws {
        if interfaces {
            try await listenToInterfaces(context)
            return
        }
        let client = SkypeClient(session: try context.skypeSession(access: .concurrent))
        let printer = ListenPrinter(format: format, chats: Set(chats), types: Set(types), limit: count)
        if let since = since.flatMap(Duration.init(configText:)) {
            let cutoff = Date().addingTimeInterval(-since.timeInterval)
            for message in try await ListenHistory.messages(client: client, since: cutoff) {
                var line = ListenEvent(message: message, type: "message")
                line.history = true
                if try printer.print(line) { return }
            }
        }
        // Start-up ends with both the subscription and the pending contact requests, in either
        // order; each hands back the pages only start-up used.
        let options = SkypeEventStream.Options(pollTimeout: try context.configuration().skype.pollTimeout) {
            StartupPages.release()
        }
        let stream = SkypeEventStream(client: client, options: options, logger: context.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await event in stream {
                    if let line = ListenEvent(event), try printer.print(line) { return }
                }
            }
            group.addTask {
                for request in try await client.contactRequests() {
                    if try printer.print(ListenEvent(request: request)) { return }
                }
                StartupPages.release()
                try await Task.sleep(for: .seconds(3600 * 24 * 365))
            }
            group.addTask { _ = await TerminationSignals.wait() }
            group.addTask { await ReaderWatcher.readerGone() }
            if let limit = timeout.flatMap(Duration.init(configText:)) {
                group.addTask { try await Task.sleep(for: limit) }
            }
            _ = try await group.next()
            group.cancelAll()
        }
    }

    /// `--interfaces`: runs an interface monitor and prints what it reports.
    private func listenToInterfaces(_ context: CommandContext) async throws {
        let configuration = try context.configuration()
        let manager = InterfaceManager(store: try context.openStore(access: .concurrent), settings: configuration.interfaces, logger: context.logger)
        let monitor = InterfaceMonitor(manager: manager, logger: context.logger)
        let printer = ListenPrinter(format: format, chats: Set(chats), types: Set(types), limit: count)
        let (limitReached, reachLimit) = AsyncStream.makeStream(of: Void.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await monitor.run { event in
                    guard let line = ListenEvent(event) else { return }
                    do {
                        if try printer.print(line) { reachLimit.yield() }
                    } catch {
                        reachLimit.yield()
                    }
                }
            }
            group.addTask { for await _ in limitReached { return } }
            group.addTask { _ = await TerminationSignals.wait() }
            group.addTask { await ReaderWatcher.readerGone() }
            if let limit = timeout.flatMap(Duration.init(configText:)) {
                group.addTask { try await Task.sleep(for: limit) }
            }
            _ = try await group.next()
            group.cancelAll()
        }
    }
}
