import Logging

/// Ensures each Skype chat has its Mattermost channel: finds it by link (the `channel_link`
/// table), else creates it (name from ``ChannelNamer``, display name, header carrying the Skype
/// id), the bot joins it, and the link row is written; updates display name and header when
/// they changed.
///
/// `bridge run` calls ``channel(for:create:)`` for every chat it relays (answered from memory
/// after the first time); `channels sync` calls ``sync(_:dryRun:known:progress:)`` with every
/// chat, which also checks each channel on the server.
public actor ChannelProvisioner {
    /// How many names (``ChannelNamer`` attempts) are tried before giving up on a chat.
    public static let maxAttempts = 8
    /// How many chats ``sync(_:dryRun:known:progress:)`` works on at once.
    public static let syncWidth = 8

    private let client: MattermostClient
    private let links: ChannelLinkStore
    private let team: MattermostTeam
    private let bot: MattermostUser
    private let namer: ChannelNamer
    private let logger: Logger
    private var cache: [SkypeChatID: ChannelLinkStore.Entry] = [:]
    /// Links and display names a batch has not written yet (see ``flush()``).
    private var pendingLinks: [ChannelLinkStore.Entry] = []
    private var pendingChats: [BridgedChat] = []
    /// Whether the client signs in as `bot` (then a channel it creates has the bot as member).
    private var clientIsBot: Bool?
    /// Creations under way, so concurrent callers for one chat share one channel.
    private var creating: [SkypeChatID: Task<ChannelLink, any Error>] = [:]

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
    /// ``sync(_:dryRun:known:progress:)`` does.
    public func channel(for chat: BridgedChat, create: Bool = true) async throws -> MattermostChannelID? {
        if let entry = try entry(for: chat.id) {
            if entry.displayName != chat.displayName, chat.displayName != chat.id.rawValue {
                _ = try await client.patchChannel(id: entry.link.channel, displayName: ChannelText.displayName(for: chat))
                try links.updateChat(chat)
                cache[chat.id] = ChannelLinkStore.Entry(link: entry.link, displayName: chat.displayName)
            }
            return entry.link.channel
        }
        guard create else { return nil }
        return try await createOnce(chat, deferWrite: false).channel
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

    /// Brings every chat's channel up to date: creates it when the chat has no channel (or its
    /// channel was deleted), else sets the display name and header when they differ.
    ///
    /// Works on ``syncWidth`` chats at once and writes the new links in one transaction at the
    /// end (also when it fails part-way, for the channels already created); a run killed before
    /// that re-adopts its channels next time, by name and header.
    /// - Parameters:
    ///   - dryRun: decide what would change, and change nothing (only reads the server).
    ///   - known: channels already fetched (by id), to spare one request per chat; a linked
    ///     channel not in it is fetched.
    ///   - progress: told after each chat with (chats done, chats in all).
    /// - Returns: one outcome per chat, in the order of `chats`.
    public func sync(
        _ chats: [BridgedChat], dryRun: Bool, known: [MattermostChannelID: MattermostChannel] = [:],
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> [ChannelSyncItem] {
        for entry in try links.entries() { cache[entry.link.chat] = entry }
        var items = [ChannelSyncItem?](repeating: nil, count: chats.count)
        do {
            try await withThrowingTaskGroup(of: (Int, ChannelSyncItem).self) { group in
                var next = 0
                var done = 0
                while next < min(Self.syncWidth, chats.count) {
                    let index = next
                    group.addTask { (index, try await self.sync(chats[index], dryRun: dryRun, known: known)) }
                    next += 1
                }
                while let (index, item) = try await group.next() {
                    items[index] = item
                    done += 1
                    progress?(done, chats.count)
                    if next < chats.count {
                        let index = next
                        group.addTask { (index, try await self.sync(chats[index], dryRun: dryRun, known: known)) }
                        next += 1
                    }
                }
            }
        } catch {
            try flush()
            throw error
        }
        try flush()
        return items.compactMap { $0 }
    }

    /// One chat of ``sync(_:dryRun:known:progress:)``; its writes wait for ``flush()``.
    private func sync(_ chat: BridgedChat, dryRun: Bool, known: [MattermostChannelID: MattermostChannel]) async throws
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
            let link = try await createOnce(chat, deferWrite: true)
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
            if entry.displayName != chat.displayName {
                pendingChats.append(chat)
                cache[chat.id] = ChannelLinkStore.Entry(link: entry.link, displayName: chat.displayName)
            }
        }
        return ChannelSyncItem(
            chat: chat, channelName: entry.link.channelName, channelID: channel.id,
            action: changes.isEmpty ? .unchanged : .updated, changes: changes)
    }

    /// Writes the links and display names a batch kept back, in one transaction.
    private func flush() throws {
        let newLinks = pendingLinks
        let chats = pendingChats
        pendingLinks = []
        pendingChats = []
        try links.save(newLinks: newLinks, chats: chats)
    }

    private func entry(for chat: SkypeChatID) throws -> ChannelLinkStore.Entry? {
        if let cached = cache[chat] { return cached }
        let stored = try links.entry(for: chat)
        cache[chat] = stored
        return stored
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

    /// Whether `name` is linked (or about to be) to a chat other than `chat`.
    private func isTaken(_ name: String, by chat: SkypeChatID) throws -> Bool {
        if pendingLinks.contains(where: { $0.link.channelName == name && $0.link.chat != chat }) { return true }
        guard let other = try links.entry(named: name) else { return false }
        return other.link.chat != chat
    }

    /// Whether the client is the bot's: the creator of a channel is its first member, so the
    /// bot then needs no separate join.
    private func signsInAsBot() async throws -> Bool {
        if let clientIsBot { return clientIsBot }
        let isBot = try await client.me().id == bot.id
        clientIsBot = isBot
        return isBot
    }

    /// ``createChannel(for:deferWrite:)``, or the creation already under way for the chat.
    private func createOnce(_ chat: BridgedChat, deferWrite: Bool) async throws -> ChannelLink {
        if let running = creating[chat.id] { return try await running.value }
        let task = Task { try await self.createChannel(for: chat, deferWrite: deferWrite) }
        creating[chat.id] = task
        defer { creating[chat.id] = nil }
        return try await task.value
    }

    /// Creates the chat's channel under the first free name, or adopts a channel an interrupted
    /// run created (same name, header naming this chat); the bot joins it and the link is stored
    /// (kept for ``flush()`` when `deferWrite`).
    private func createChannel(for chat: BridgedChat, deferWrite: Bool) async throws -> ChannelLink {
        let header = ChannelText.header(for: chat.id)
        for attempt in 0..<Self.maxAttempts {
            let name = namer.name(for: chat.id, attempt: attempt)
            if try isTaken(name, by: chat.id) { continue }
            let channel: MattermostChannel
            var joined = try await signsInAsBot()
            do {
                channel = try await client.createChannel(
                    team: team.id, name: name, displayName: ChannelText.displayName(for: chat), header: header)
            } catch MattermostError.channelExists {
                guard let existing = try await client.channel(named: name, inTeam: team.id),
                    ChannelText.chat(inHeader: existing.header) == chat.id
                else { continue }
                channel = existing
                joined = false
            }
            if !joined { try await client.addMember(channel: channel.id, user: bot.id) }
            let entry = ChannelLinkStore.Entry(
                link: ChannelLink(chat: chat.id, channel: channel.id, channelName: channel.name), displayName: chat.displayName)
            if deferWrite {
                pendingLinks.append(entry)
            } else {
                try links.insert(entry.link, chat: chat)
            }
            cache[chat.id] = entry
            logger.info("created channel", metadata: ["sb.chat": "\(chat.id)", "sb.channel": "\(channel.name)"])
            return entry.link
        }
        throw ChannelError.noFreeName(chat: chat.id, attempts: Self.maxAttempts)
    }

    /// The name ``createChannel(for:deferWrite:)`` would use, found without changing anything.
    private func freeName(for chat: BridgedChat) async throws -> String {
        for attempt in 0..<Self.maxAttempts {
            let name = namer.name(for: chat.id, attempt: attempt)
            if try isTaken(name, by: chat.id) { continue }
            guard let existing = try await client.channel(named: name, inTeam: team.id) else { return name }
            if ChannelText.chat(inHeader: existing.header) == chat.id { return name }
        }
        throw ChannelError.noFreeName(chat: chat.id, attempts: Self.maxAttempts)
    }
}
