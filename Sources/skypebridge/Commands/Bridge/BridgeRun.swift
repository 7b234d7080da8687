import ArgumentParser
import SkypeBridgeCore

/// `skypebridge bridge run`: the foreground relay service.
struct BridgeRun: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Relay messages between Skype and Mattermost until stopped.",
        discussion: """
            Runs in the foreground (under systemd, a container or a terminal). Every Skype \
            chat is mapped to a Mattermost channel (created on its first message when \
            [bridge] auto_create_channels is on); messages, edits and deletes go both ways \
            exactly once, through a durable outbox in the state database, and what was missed \
            while stopped is caught up on start. SIGINT/SIGTERM stop intake, drain the outbox \
            for up to [bridge] drain_timeout and exit 0; what is left is sent by the next run.

            With [http] enabled it also serves /healthz, /metrics and the HTTP send API: \
            POST /send-message {"msg", "channel", "API_KEY"} and GET or POST /send with \
            recipient and message (query, form or JSON), keys from [http.keys] as API_KEY or \
            Authorization: Bearer, a per-key rate limit, and /openapi.json. An accepted \
            request is in the outbox before the answer, so it is delivered even if Skype is \
            briefly down. --http-only serves just that API with the bridge's cached login.

            With [interfaces.<name>] configured it also attends the call interfaces, as \
            'listen --interfaces' does: incoming calls are answered or rejected by each \
            interface's incoming_call_action, contact requests accepted when \
            auto_accept_contacts is on, and chats and calls logged.

            Examples:
              skypebridge --config /etc/skypebridge/config.toml bridge run
              skypebridge -v bridge run
              skypebridge bridge run --http-only
              curl -s -H "Authorization: Bearer $KEY" 'http://127.0.0.1:8080/send?recipient=alice&message=hi'
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Serve only the HTTP send API (with the bridge's login), no relay.")
    var httpOnly = false

    func run(_ context: CommandContext) async throws {
        var configuration = try context.configuration()
        if httpOnly { configuration.http.enabled = true }
        let queue = SendAPIOutboxQueue()
        let sendAPI = configuration.http.enabled
            ? try SendAPIRoutes.installer(settings: configuration.http, environment: context.environment, queue: queue, logger: context.logger)
            : nil
        if httpOnly, sendAPI == nil { throw BridgeError.notConfigured("bridge run --http-only needs API keys under [http.keys]") }
        let routes = sendAPI.map { [$0] } ?? []
        let session = try context.skypeSession(access: .concurrent)
        let store = try context.openStore(access: .concurrent)
        let service = httpOnly
            ? BridgeService.makeSendOnly(configuration: configuration, session: session, store: store, routes: routes, logger: context.logger)
            : try await BridgeService.make(
                configuration: configuration, session: session, store: store, environment: context.environment, routes: routes,
                logger: context.logger)
        queue.bind(service.outbox)
        guard !httpOnly, !configuration.interfaces.isEmpty else {
            _ = try await service.run(until: { _ = await TerminationSignals.wait() })
            return
        }
        let monitor = InterfaceMonitor(
            manager: InterfaceManager(store: store, settings: configuration.interfaces, logger: context.logger), logger: context.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { _ = try await service.run(until: { _ = await TerminationSignals.wait() }) }
            group.addTask { [logger = context.logger] in
                do {
                    try await monitor.run { event in logger.info("interface event", metadata: ["sb.interface.event": "\(event)"]) }
                } catch is CancellationError {
                } catch {
                    logger.error("the call interfaces stopped; the relay goes on", metadata: ["sb.error": "\(error)"])
                }
                try await Task.sleep(for: .seconds(Double(Int32.max)))
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
