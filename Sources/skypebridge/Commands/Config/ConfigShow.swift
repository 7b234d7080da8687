import ArgumentParser

/// `skypebridge config show`: the effective configuration, secrets redacted.
struct ConfigShow: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the effective configuration with defaults, secrets redacted.",
        discussion: """
            Prints every setting as TOML, including defaults. Secrets are only ever shown as \
            the reference (env var or file) they come from.

            Examples:
              skypebridge config show
              skypebridge config show --example > ~/.config/skypebridge/config.toml
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print a commented example configuration instead.")
    var example = false

    func run(_ context: CommandContext) async throws {
        throw CommandError.notImplemented(command: "config show")
    }
}
