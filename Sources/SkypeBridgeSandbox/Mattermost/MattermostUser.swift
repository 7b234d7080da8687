/// A user as the v4 API returns it (`GET /users/{id}`); secrets are kept apart in ``MattermostAccount``.
struct MattermostUser: Codable, Sendable, Equatable {
    var id: MattermostUserID
    var createAt: Int64
    var updateAt: Int64
    var deleteAt: Int64 = 0
    var username: String
    var authService: String = ""
    var email: String
    var nickname: String
    var firstName: String
    var lastName: String
    var position: String = ""
    var roles: String
    var locale: String = "en"
    var props: [String: String] = [:]
    var notifyProps: [String: String] = [:]
    var lastPictureUpdate: Int64 = 0
    var isBot: Bool
    var botDescription: String?

    enum CodingKeys: String, CodingKey {
        case id, username, email, nickname, position, roles, locale, props
        case createAt = "create_at", updateAt = "update_at", deleteAt = "delete_at"
        case authService = "auth_service", firstName = "first_name", lastName = "last_name"
        case notifyProps = "notify_props", lastPictureUpdate = "last_picture_update"
        case isBot = "is_bot", botDescription = "bot_description"
    }
}

/// A user plus what only the server knows about it: the password (people only).
struct MattermostAccount: Codable, Sendable {
    var user: MattermostUser
    var password: String?
}
