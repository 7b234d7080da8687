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
            while stopped is caught up on start. With [http] enabled it also serves /healthz \
            and /metrics. SIGINT/SIGTERM stop intake, drain the outbox for up to [bridge] \
            drain_timeout and exit 0; what is left is sent by the next run.

            Examples:
              skypebridge --config /etc/skypebridge/config.toml bridge run
              skypebridge -v bridge run
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Serve only the HTTP send API (with the bridge's login), no relay.")
    var httpOnly = false

    func run(_ context: CommandContext) async throws {
        if httpOnly { throw CommandError.notImplemented(command: "bridge run --http-only") }
        let service = try await BridgeService.make(
            configuration: try context.configuration(), session: try context.skypeSession(), store: try context.openStore(),
            environment: context.environment, logger: context.logger)
        _ = try await service.run(until: { _ = await TerminationSignals.wait() })
    }
}
