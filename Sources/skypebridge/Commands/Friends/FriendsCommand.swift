import ArgumentParser

/// `skypebridge friends`: Skype contact requests.
struct FriendsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "friends",
        abstract: "Manage Skype contact requests.",
        subcommands: [FriendsAccept.self]
    )
}
