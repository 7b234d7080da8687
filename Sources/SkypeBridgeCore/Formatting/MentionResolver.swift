/// Maps mentions between Skype users and Mattermost usernames; the caller supplies the mapping.
///
/// A mention without a mapping is shown as the plain text `@Name` on the other side.
public struct MentionResolver: Sendable {
    /// A Skype user a Mattermost `@username` stands for.
    public struct SkypeUser: Sendable, Hashable {
        /// The Skype id with its prefix, such as `8:joe.4`.
        public var id: String
        /// The name shown in the mention, such as `Joe Bloggs`.
        public var name: String

        /// Creates a Skype user.
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// The Mattermost username (without `@`) for a Skype user id and display name, or nil when unmapped.
    public var mattermostUsername: @Sendable (_ skypeID: String, _ displayName: String) -> String?
    /// The Skype user for a Mattermost username (lower case, without `@`), or nil when unmapped.
    public var skypeUser: @Sendable (_ mattermostUsername: String) -> SkypeUser?

    /// Creates a resolver from two lookup closures.
    public init(
        mattermostUsername: @escaping @Sendable (_ skypeID: String, _ displayName: String) -> String?,
        skypeUser: @escaping @Sendable (_ mattermostUsername: String) -> SkypeUser?
    ) {
        self.mattermostUsername = mattermostUsername
        self.skypeUser = skypeUser
    }

    /// Creates a resolver from two tables: Skype id → Mattermost username, and Mattermost username → Skype user.
    public init(skypeToMattermost: [String: String], mattermostToSkype: [String: SkypeUser]) {
        self.init(
            mattermostUsername: { id, _ in skypeToMattermost[id] },
            skypeUser: { username in mattermostToSkype[username] }
        )
    }

    /// A resolver that maps nobody, so every mention becomes plain `@Name` text.
    public static let unmapped = MentionResolver(mattermostUsername: { _, _ in nil }, skypeUser: { _ in nil })
}
