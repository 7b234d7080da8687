import Logging

/// Ensures each Skype chat has its Mattermost channel: finds it by link (the `channel_link`
/// table), else creates it (name from ``ChannelNamer``, display name, header carrying the Skype
/// id), the bot joins it, and the link row is written; updates display name and header when
/// they changed.
///
/// `bridge run` calls ``channel(for:create:)`` for every chat it relays (answered from memory
/// after the first time); `channels sync` calls ``sync(_:dryRun:known:)`` for every chat, which
/// also checks the channel on the server.
public actor ChannelProvisioner {
    /// How many names (``ChannelNamer`` attempts) are tried before giving up on a chat.
    public static let maxAttempts = 8

    private let client: MattermostClient
    private let links: ChannelLinkStore
    private let team: MattermostTeam
    private let bot: MattermostUser
    private let namer: ChannelNamer
    private let logger: Logger
    private var cache: [SkypeChatID: ChannelLinkStore.Entry] = [:]

    /// A provisioner creating channels in `team` through `client`, adding `bot` to each, with
    /// names prefixed by `settings.channelPrefix`.
    public init(
        client: MattermostClient, store: StateStore, team: MattermostTeam, bot: MattermostUser, settings: BridgeSettings,
        logger: Logger
    ) {
        self.client = client
        self.links = ChannelLinkStore(store: store)
        self.team = team
        self.bot = bot
        self.namer = ChannelNamer(prefix: settings.channelPrefix)
        self.logger = logger
    }

    /// The linked channel, created when missing (nil when missing and `create` is false).
    ///
    /// A linked chat whose display name changed (and is a real name, not just the id) gets its
    /// channel's display name updated. Does not check that the linked channel still exists;
    /// ``sync(_:dryRun:known:)`` does.
    public func channel(for chat: BridgedChat, create: Bool = true) async throws -> MattermostChannelID? {
        if let entry = try entry(for: chat.id) {
            if entry.displayName != chat.displayName, chat.displayName != chat.id.rawValue {
                _ = try await client.patchChannel(id: entry.link.channel, displayName: ChannelText.displayName(for: chat))
                try remember(entry.link, chat: chat)
            }
            return entry.link.channel
        }
        guard create else { return nil }
        return try await createChannel(for: chat).channel
    }

    /// The Skype chat linked to a Mattermost channel, if any (reverse lookup, from the store).
    public func skypeChat(for channel: MattermostChannelID) async throws -> SkypeChatID? {
        if let cached = cache.values.first(where: { $0.link.channel == channel }) { return cached.link.chat }
        return try links.entry(for: channel)?.link.chat
    }

    /// Every link, for the websocket backfill list and the index post.
    public func links() async throws -> [ChannelLink] {
        try links.entries().map(\.link)
    }

    /// Brings one chat's channel up to date: creates it when the chat has no channel (or its
    /// channel was deleted), else sets the display name and header when they differ.
    /// - Parameters:
    ///   - dryRun: decide what would change, and change nothing (only reads the server).
    ///   - known: channels already fetched (by id), to spare one request per chat; a linked
    ///     channel not in it is fetched.
    public func sync(_ chat: BridgedChat, dryRun: Bool, known: [MattermostChannelID: MattermostChannel] = [:]) async throws
        -> ChannelSyncItem
    {
        let displayName = ChannelText.displayName(for: chat)
        let header = ChannelText.header(for: chat.id)
        guard let entry = try entry(for: chat.id), let channel = try await existingChannel(entry.link.channel, known: known) else {
            if dryRun {
                return ChannelSyncItem(chat: chat, channelName: try await freeName(for: chat), channelID: nil, action: .created)
            }
            if try entry(for: chat.id) != nil {
                try links.removeLink(of: chat.id)
                cache[chat.id] = nil
                logger.notice("linked channel is gone; creating a new one", metadata: ["sb.chat": "\(chat.id)"])
            }
            let link = try await createChannel(for: chat)
            return ChannelSyncItem(chat: chat, channelName: link.channelName, channelID: link.channel, action: .created)
        }
        var changes: [ChannelSyncItem.Change] = []
        if channel.displayName != displayName { changes.append(.displayName) }
        if channel.header != header { changes.append(.header) }
        if !dryRun {
            if !changes.isEmpty {
                _ = try await client.patchChannel(
                    id: channel.id, displayName: changes.contains(.displayName) ? displayName : nil,
                    header: changes.contains(.header) ? header : nil)
            }
            if !changes.isEmpty || entry.displayName != chat.displayName { try remember(entry.link, chat: chat) }
        }
        return ChannelSyncItem(
            chat: chat, channelName: entry.link.channelName, channelID: channel.id,
            action: changes.isEmpty ? .unchanged : .updated, changes: changes)
    }

    private func entry(for chat: SkypeChatID) throws -> ChannelLinkStore.Entry? {
        if let cached = cache[chat] { return cached }
        let stored = try links.entry(for: chat)
        cache[chat] = stored
        return stored
    }

    private func remember(_ link: ChannelLink, chat: BridgedChat) throws {
        try links.updateChat(chat)
        cache[chat.id] = ChannelLinkStore.Entry(link: link, displayName: chat.displayName)
    }

    /// The linked channel, nil when the server no longer has it.
    private func existingChannel(_ id: MattermostChannelID, known: [MattermostChannelID: MattermostChannel]) async throws
        -> MattermostChannel?
    {
        if let channel = known[id] { return channel }
        do {
            return try await client.channel(id: id)
        } catch MattermostError.notFound {
            return nil
        }
    }

    /// Creates the chat's channel under the first free name, or adopts a channel an interrupted
    /// run created (same name, header naming this chat); the bot joins it and the link is stored.
    private func createChannel(for chat: BridgedChat) async throws -> ChannelLink {
        let header = ChannelText.header(for: chat.id)
        for attempt in 0..<Self.maxAttempts {
            let name = namer.name(for: chat.id, attempt: attempt)
            if let other = try links.entry(named: name), other.link.chat != chat.id { continue }
            let channel: MattermostChannel
            do {
                channel = try await client.createChannel(
                    team: team.id, name: name, displayName: ChannelText.displayName(for: chat), header: header)
            } catch MattermostError.channelExists {
                guard let existing = try await client.channel(named: name, inTeam: team.id),
                    ChannelText.chat(inHeader: existing.header) == chat.id
                else { continue }
                channel = existing
            }
            try await client.addMember(channel: channel.id, user: bot.id)
            let link = ChannelLink(chat: chat.id, channel: channel.id, channelName: channel.name)
            try links.insert(link, chat: chat)
            cache[chat.id] = ChannelLinkStore.Entry(link: link, displayName: chat.displayName)
            logger.info("created channel", metadata: ["sb.chat": "\(chat.id)", "sb.channel": "\(channel.name)"])
            return link
        }
        throw ChannelError.noFreeName(chat: chat.id, attempts: Self.maxAttempts)
    }

    /// The name ``createChannel(for:)`` would use, found without changing anything.
    private func freeName(for chat: BridgedChat) async throws -> String {
        for attempt in 0..<Self.maxAttempts {
            let name = namer.name(for: chat.id, attempt: attempt)
            if let other = try links.entry(named: name), other.link.chat != chat.id { continue }
            guard let existing = try await client.channel(named: name, inTeam: team.id) else { return name }
            if ChannelText.chat(inHeader: existing.header) == chat.id { return name }
        }
        throw ChannelError.noFreeName(chat: chat.id, attempts: Self.maxAttempts)
    }
}
