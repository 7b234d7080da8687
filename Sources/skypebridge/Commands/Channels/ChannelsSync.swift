import ArgumentParser

/// `skypebridge channels sync`: one channel per Skype chat, and the index post.
struct ChannelsSync: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Make a Mattermost channel for every Skype chat and update the index post.",
        discussion: """
            Pages through every Skype chat, creates the missing channels (names valid under \
            the server's rules, stable), updates display names and headers, and keeps one \
            index post in the index channel listing every bridged chat. A second run changes \
            nothing and says so.

            Examples:
              skypebridge channels sync --dry-run
              skypebridge channels sync --json | jq '.created'
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Show what would change without changing anything.")
    var dryRun = false

    @Option(help: ArgumentHelp("Channel for the index post (default: [bridge] index_channel).", valueName: "name"))
    var indexChannel: String?

    func run(_ context: CommandContext) async throws {
        throw CommandError.notImplemented(command: "channels sync")
    }
}
