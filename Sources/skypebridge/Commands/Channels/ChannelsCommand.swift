import ArgumentParser

/// `skypebridge channels`: the Mattermost channels that mirror Skype chats.
struct ChannelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channels",
        abstract: "Manage the Mattermost channels that mirror Skype chats.",
        subcommands: [ChannelsSync.self]
    )
}
