import ArgumentParser

/// `skypebridge config`: check and show the configuration.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check or show the configuration.",
        subcommands: [ConfigCheck.self, ConfigShow.self]
    )
}
