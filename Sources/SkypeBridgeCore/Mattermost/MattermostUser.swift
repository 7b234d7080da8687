import Foundation

/// A Mattermost user (a person or a bot), as far as a bridge cares.
public struct MattermostUser: Sendable, Hashable {
    /// The user id.
    public var id: MattermostUserID
    /// The login name, without `@`.
    public var username: String
    /// The nickname; empty when unset.
    public var nickname: String
    /// The first name; empty when unset or hidden by the server's privacy settings.
    public var firstName: String
    /// The last name; empty when unset or hidden.
    public var lastName: String
    /// Whether this is a bot account.
    public var isBot: Bool

    /// Creates a user.
    public init(id: MattermostUserID, username: String, nickname: String = "", firstName: String = "", lastName: String = "", isBot: Bool = false) {
        self.id = id
        self.username = username
        self.nickname = nickname
        self.firstName = firstName
        self.lastName = lastName
        self.isBot = isBot
    }

    /// The name to show: the nickname, else "first last" (or whichever exists), else the username.
    public var displayName: String {
        let nickname = nickname.trimmingCharacters(in: .whitespaces)
        if !nickname.isEmpty { return nickname }
        let fullName = [firstName, lastName]
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        return fullName.isEmpty ? username : fullName
    }
}
