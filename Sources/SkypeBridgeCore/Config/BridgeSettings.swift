/// The `[bridge]` section: how messages are relayed between Skype and Mattermost.
public struct BridgeSettings: Sendable, Hashable {
    /// The placeholders a message template may use.
    public static let templatePlaceholders = ["sender", "message"]

    /// `auto_create_channels` (true): create a Mattermost channel for a Skype chat on its first message.
    public var autoCreateChannels: Bool
    /// `channel_prefix` (`"skype-"`): put before the names of channels the bridge creates.
    public var channelPrefix: String
    /// `index_channel` (`"town-square"`): the channel holding the post that lists every bridged chat.
    public var indexChannel: String
    /// `skype_template` (`"[ {sender} ] {message}"`): how a Mattermost post appears on Skype.
    public var skypeTemplate: String
    /// `mattermost_template` (`"{message}"`): how a Skype message appears on Mattermost.
    public var mattermostTemplate: String
    /// `relay_own_messages` (true): relay messages the bridge's Skype account typed on another client.
    public var relayOwnMessages: Bool
    /// `auto_accept_friends` (false): accept every Skype contact request as it arrives.
    public var autoAcceptFriends: Bool
    /// `allow_mass_mentions` (false): let `@all`, `@channel` and `@here` through from Skype.
    public var allowMassMentions: Bool
    /// `max_file_size` (`"50MiB"`): larger files are announced as links, not copied.
    public var maxFileSize: ByteSize
    /// `drain_timeout` (`"10s"`): on shutdown, how long to wait for pending sends.
    public var drainTimeout: Duration
    /// `ignore_senders`: Skype or Mattermost user names whose messages are never relayed.
    public var ignoreSenders: [String]
    /// `[bridge.mentions]`: Skype person id (`8:…`) → Mattermost username, so a mention of one
    /// becomes a mention of the other both ways; unlisted people are mentioned as plain `@Name`.
    public var mentions: [String: String]

    /// Creates bridge settings; every parameter defaults to the documented default.
    public init(
        autoCreateChannels: Bool = true,
        channelPrefix: String = "skype-",
        indexChannel: String = "town-square",
        skypeTemplate: String = "[ {sender} ] {message}",
        mattermostTemplate: String = "{message}",
        relayOwnMessages: Bool = true,
        autoAcceptFriends: Bool = false,
        allowMassMentions: Bool = false,
        maxFileSize: ByteSize = .mebibytes(50),
        drainTimeout: Duration = .seconds(10),
        ignoreSenders: [String] = [],
        mentions: [String: String] = [:]
    ) {
        self.autoCreateChannels = autoCreateChannels
        self.channelPrefix = channelPrefix
        self.indexChannel = indexChannel
        self.skypeTemplate = skypeTemplate
        self.mattermostTemplate = mattermostTemplate
        self.relayOwnMessages = relayOwnMessages
        self.autoAcceptFriends = autoAcceptFriends
        self.allowMassMentions = allowMassMentions
        self.maxFileSize = maxFileSize
        self.drainTimeout = drainTimeout
        self.ignoreSenders = ignoreSenders
        self.mentions = mentions
    }

    /// The resolver of ``mentions`` for the formatters: Skype id → username one way, username →
    /// the Skype person (named by their Skype name) the other.
    public var mentionResolver: MentionResolver {
        var people: [String: MentionResolver.SkypeUser] = [:]
        for (id, username) in mentions {
            people[username.lowercased()] = MentionResolver.SkypeUser(id: id, name: String(id.dropFirst(2)))
        }
        return MentionResolver(skypeToMattermost: mentions, mattermostToSkype: people)
    }
}
