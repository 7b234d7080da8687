import ArgumentParser

/// `skypebridge config check`: validate the configuration file.
struct ConfigCheck: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration file.",
        discussion: """
            Exits 0 when the file is valid. Otherwise prints FILE:LINE: what is wrong (unknown \
            keys with a suggestion, wrong types, values out of range) and exits 78.

            Examples:
              skypebridge config check
              skypebridge --config /etc/skypebridge/config.toml config check
            """
    )

    @OptionGroup var global: GlobalOptions

    func run(_ context: CommandContext) async throws {
        throw CommandError.notImplemented(command: "config check")
    }
}
