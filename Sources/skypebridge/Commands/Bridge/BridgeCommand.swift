import ArgumentParser

/// `skypebridge bridge`: the Skype-Mattermost relay.
struct BridgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bridge",
        abstract: "Run the bridge between Skype and Mattermost.",
        subcommands: [BridgeRun.self]
    )
}
