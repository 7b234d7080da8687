/// What a fresh Mattermost emulator holds: one team, its users (a bridge bot and people) and channels.
///
/// Every team also gets `town-square` and `off-topic`, so `channels` only needs to list them to
/// choose members or display names. Tokens are fixed strings so a sandbox config can name them.
public struct MattermostSeed: Codable, Sendable, Equatable {
    /// A seeded user: a bot (token only) or a person (password, optionally a personal access token).
    public struct User: Codable, Sendable, Equatable {
        /// The login name (lowercase).
        public var username: String
        /// The password; nil for bots, which cannot log in with one.
        public var password: String?
        /// A bot access token or personal access token usable as `Authorization: Bearer`.
        public var token: String?
        /// Whether this is a bot account.
        public var isBot: Bool
        /// Whether the user is a system admin (may edit and delete others' posts).
        public var isAdmin: Bool
        /// The nickname (bridges show it before the full name).
        public var nickname: String
        /// The first name.
        public var firstName: String
        /// The last name.
        public var lastName: String

        /// Creates a seeded user.
        public init(
            username: String, password: String? = nil, token: String? = nil, isBot: Bool = false,
            isAdmin: Bool = false, nickname: String = "", firstName: String = "", lastName: String = ""
        ) {
            self.username = username
            self.password = password
            self.token = token
            self.isBot = isBot
            self.isAdmin = isAdmin
            self.nickname = nickname
            self.firstName = firstName
            self.lastName = lastName
        }
    }

    /// A seeded channel of the team.
    public struct Channel: Codable, Sendable, Equatable {
        /// The channel name (the server's name rules apply).
        public var name: String
        /// The display name.
        public var displayName: String
        /// `O` public or `P` private.
        public var type: String
        /// Member usernames; nil means every seeded user.
        public var members: [String]?

        /// Creates a seeded channel.
        public init(name: String, displayName: String, type: String = "O", members: [String]? = nil) {
            self.name = name
            self.displayName = displayName
            self.type = type
            self.members = members
        }
    }

    /// The team name (what a bridge config names).
    public var team: String
    /// The team display name.
    public var teamDisplayName: String
    /// Users; all of them join the team.
    public var users: [User]
    /// Channels of the team.
    public var channels: [Channel]

    /// Creates a seed.
    public init(team: String, teamDisplayName: String, users: [User], channels: [Channel]) {
        self.team = team
        self.teamDisplayName = teamDisplayName
        self.users = users
        self.channels = channels
    }

    /// Team `skype`; the bot `bridge-bot`, people `mia` and `max`; `town-square` and `off-topic`.
    public static let `default` = MattermostSeed(
        team: "skype",
        teamDisplayName: "Skype Bridge",
        users: [
            User(username: "bridge-bot", token: "bridgebottoken0000000000000", isBot: true, nickname: "Skype Bridge"),
            User(
                username: "mia", password: "mia-password", token: "miapersonaltoken00000000000", isAdmin: true,
                nickname: "Mia", firstName: "Mia", lastName: "Berg"),
            User(
                username: "max", password: "max-password", token: "maxpersonaltoken00000000000",
                firstName: "Max", lastName: "Lund"),
        ],
        channels: [
            Channel(name: "town-square", displayName: "Town Square"),
            Channel(name: "off-topic", displayName: "Off-Topic"),
        ]
    )
}
