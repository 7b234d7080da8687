import ArgumentParser

/// `skypebridge bridge run`: the foreground relay service.
struct BridgeRun: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Relay messages between Skype and Mattermost until stopped.",
        discussion: """
            Runs in the foreground (under systemd, a container or a terminal). Every Skype \
            chat is mapped to a Mattermost channel; messages, edits, deletes and files go both \
            ways exactly once, through a durable outbox in the state database. With [http] \
            enabled it also serves /healthz, /metrics and the HTTP send API. SIGINT/SIGTERM \
            stop intake, drain the outbox and exit 0.

            Examples:
              skypebridge --config /etc/skypebridge/config.toml bridge run
              skypebridge bridge run --http-only
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Serve only the HTTP send API (with the bridge's login), no relay.")
    var httpOnly = false

    func run(_ context: CommandContext) async throws {
        throw CommandError.notImplemented(command: "bridge run")
    }
}
