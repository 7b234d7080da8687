/// The people, contacts, chats and pending invites a fresh ``SkypeWebEmulator`` starts with.
///
/// The default seed: the bridge account `bridge.bot` (password `bridge-pass`) and the people
/// `alice`, `bob`, `carol` (passwords `alice-pass`, `bob-pass`, `carol-pass`). Everyone can also
/// log in with `<name>@example.com`. bridge.bot, alice and bob are mutual contacts and share the
/// group chat "Team chat"; carol has sent bridge.bot a contact request that is still pending.
public struct SkypeWebSeed: Sendable, Codable, Equatable {
    /// One account.
    public struct User: Sendable, Codable, Equatable {
        /// The Skype name, used as the profile `username` and in `8:` MRIs.
        public var username: String
        /// The password for SOAP and Live login.
        public var password: String
        /// First name shown to other people.
        public var firstName: String
        /// Last name shown to other people; may be empty.
        public var lastName: String
        /// What the account is for, e.g. `bridge` or `person` (reported in ``SandboxAccount/role``).
        public var role: String

        /// An account; `lastName` may be empty.
        public init(username: String, password: String, firstName: String, lastName: String = "", role: String = "person") {
            self.username = username
            self.password = password
            self.firstName = firstName
            self.lastName = lastName
            self.role = role
        }
    }

    /// A group chat that exists from the start.
    public struct Group: Sendable, Codable, Equatable {
        /// The thread id, `19:<hex>@thread.skype`.
        public var id: String
        /// The topic.
        public var topic: String
        /// The creator, who is also an admin.
        public var creator: String
        /// The other members (Skype names).
        public var members: [String]

        /// A group created by `creator` with `members`.
        public init(id: String, topic: String, creator: String, members: [String]) {
            self.id = id
            self.topic = topic
            self.creator = creator
            self.members = members
        }
    }

    /// A contact request not yet answered.
    public struct Invite: Sendable, Codable, Equatable {
        /// Who asks.
        public var from: String
        /// Who is asked.
        public var to: String
        /// The greeting.
        public var message: String

        /// A request from `from` to `to`.
        public init(from: String, to: String, message: String) {
            self.from = from
            self.to = to
            self.message = message
        }
    }

    /// Every account.
    public var users: [User]
    /// Mutual, authorised contact pairs.
    public var contacts: [[String]]
    /// Group chats.
    public var groups: [Group]
    /// Pending contact requests.
    public var invites: [Invite]

    /// A seed from its parts.
    public init(users: [User], contacts: [[String]] = [], groups: [Group] = [], invites: [Invite] = []) {
        self.users = users
        self.contacts = contacts
        self.groups = groups
        self.invites = invites
    }

    /// The documented default seed (see the type's summary).
    public static let standard = SkypeWebSeed(
        users: [
            User(username: "bridge.bot", password: "bridge-pass", firstName: "Bridge", lastName: "Bot", role: "bridge"),
            User(username: "alice", password: "alice-pass", firstName: "Alice", lastName: "Archer"),
            User(username: "bob", password: "bob-pass", firstName: "Bob", lastName: "Baker"),
            User(username: "carol", password: "carol-pass", firstName: "Carol", lastName: "Cooper"),
        ],
        contacts: [["bridge.bot", "alice"], ["bridge.bot", "bob"], ["alice", "bob"]],
        groups: [
            Group(id: "19:0a1b2c3d4e5f60718293a4b5c6d7e8f9@thread.skype", topic: "Team chat",
                  creator: "bridge.bot", members: ["alice", "bob"])
        ],
        invites: [Invite(from: "carol", to: "bridge.bot", message: "Hi, please add me to your contacts")]
    )
}
