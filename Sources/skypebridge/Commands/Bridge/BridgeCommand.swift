import ArgumentParser

/// `skypebridge bridge`: the Skype ⇄ Mattermost relay.
struct BridgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bridge",
        abstract: "Run the Skype ⇄ Mattermost bridge.",
        subcommands: [BridgeRun.self]
    )
}
