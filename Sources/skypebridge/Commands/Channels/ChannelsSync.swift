import ArgumentParser
import Foundation
import SkypeBridgeCore

/// `skypebridge channels sync`: one channel per Skype chat, and the index post.
struct ChannelsSync: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Make a Mattermost channel for every Skype chat and update the index post.",
        discussion: """
            Pages through every Skype chat, creates the missing channels (names valid under \
            the server's rules, stable), updates display names and headers, and keeps one \
            index post in the index channel listing every bridged chat. A second run changes \
            nothing and says so. A progress bar is drawn on stderr when it is a terminal.

            Prints one line per created or updated channel, then a summary such as \
            "12 chats, 0 created, 0 updated, index unchanged". With --json, prints one JSON \
            document: {"dry_run", "chats", "created", "updated", "unchanged", "index", \
            "index_channel", "channels": [{"chat", "display_name", "channel", "channel_id", \
            "action", "changes"}]}.

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
        let skype = SkypeClient(session: try context.skypeSession())
        async let listed = BridgedChat.all(from: skype)
        let sync = try await ChannelSync.make(
            configuration: try context.configuration(), store: try context.openStore(), indexChannel: indexChannel,
            environment: context.environment, logger: context.logger)
        let chats = try await listed
        let progress = SyncProgressBar.onTerminal()
        let report: ChannelSyncReport
        do {
            report = try await sync.run(chats, dryRun: dryRun, progress: progress?.update)
            progress?.finish()
        } catch {
            progress?.finish()
            throw error
        }
        try ChannelsSyncReport.print(report, to: output)
    }
}
