import Logging

/// `channels sync` in one call: a channel per Skype chat (created, or display name and header
/// brought up to date) and the index post. Idempotent: a second run changes nothing.
public struct ChannelSync: Sendable {
    /// Called after each chat with (chats done, chats in all).
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    private let client: MattermostClient
    private let store: StateStore
    private let team: MattermostTeam
    private let bot: MattermostUser
    private let provisioner: ChannelProvisioner
    private let indexChannel: String
    private let logger: Logger

    /// A sync creating channels in `team` as `bot`, with the index post in the channel named
    /// `indexChannel` (default `settings.indexChannel`).
    public init(
        client: MattermostClient, store: StateStore, team: MattermostTeam, bot: MattermostUser, settings: BridgeSettings,
        indexChannel: String? = nil, logger: Logger
    ) {
        self.client = client
        self.store = store
        self.team = team
        self.bot = bot
        self.provisioner = ChannelProvisioner(client: client, store: store, team: team, bot: bot, settings: settings, logger: logger)
        self.indexChannel = indexChannel ?? settings.indexChannel
        self.logger = logger
    }

    /// Connects to the configured team as the configured account.
    /// - Throws: ``ChannelError/noTeam`` without `[mattermost] team`; client errors otherwise.
    public static func make(
        configuration: Configuration, store: StateStore, indexChannel: String?, environment: [String: String], logger: Logger
    ) async throws -> ChannelSync {
        guard let teamName = configuration.mattermost.team, !teamName.isEmpty else { throw ChannelError.noTeam }
        let client = try await MattermostClient.make(settings: configuration.mattermost, environment: environment, logger: logger)
        let bot = try await client.me()
        let team = try await client.team(named: teamName)
        return ChannelSync(
            client: client, store: store, team: team, bot: bot, settings: configuration.bridge, indexChannel: indexChannel,
            logger: logger)
    }

    /// Brings every chat's channel and the index post up to date.
    /// - Parameters:
    ///   - chats: every Skype chat (see ``BridgedChat/all(from:)``).
    ///   - dryRun: decide what would change, change nothing.
    ///   - progress: told after each chat.
    public func run(_ chats: [BridgedChat], dryRun: Bool, progress: Progress? = nil) async throws -> ChannelSyncReport {
        guard let index = try await client.channel(named: indexChannel, inTeam: team.id) else {
            throw ChannelError.indexChannelMissing(channel: indexChannel, team: team.name)
        }
        let mine = try await client.channelsForUser(bot.id, team: team.id)
        let known = Dictionary(mine.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = try await provisioner.sync(chats, dryRun: dryRun, known: known, progress: progress)
        var entries = try ChannelLinkStore(store: store).entries()
        if dryRun { entries = Self.preview(entries, after: items) }
        let publisher = ChannelIndexPublisher(client: client, store: store, channel: index, bot: bot, logger: logger)
        let outcome = try await publisher.publish(ChannelIndexPost.pages(entries), dryRun: dryRun)
        return ChannelSyncReport(items: items, index: outcome, indexChannel: index.name, dryRun: dryRun)
    }

    /// The links as they would be after a dry run's `items`: new display names, new channels.
    static func preview(_ entries: [ChannelLinkStore.Entry], after items: [ChannelSyncItem]) -> [ChannelLinkStore.Entry] {
        let names = Dictionary(items.map { ($0.chat.id, $0.chat.displayName) }, uniquingKeysWith: { first, _ in first })
        let linked = Set(entries.map(\.link.chat))
        let updated = entries.map { entry in
            ChannelLinkStore.Entry(link: entry.link, displayName: names[entry.link.chat] ?? entry.displayName)
        }
        let added = items.filter { !linked.contains($0.chat.id) }.map { item in
            ChannelLinkStore.Entry(
                link: ChannelLink(chat: item.chat.id, channel: item.channelID ?? MattermostChannelID(rawValue: ""), channelName: item.channelName),
                displayName: item.chat.displayName)
        }
        return updated + added
    }
}
