/// A team as the v4 API returns it.
struct MattermostTeam: Codable, Sendable, Equatable {
    var id: MattermostTeamID
    var createAt: Int64
    var updateAt: Int64
    var deleteAt: Int64 = 0
    var displayName: String
    var name: String
    var description: String = ""
    var email: String = ""
    var type: String = "O"
    var companyName: String = ""
    var allowedDomains: String = ""
    var inviteId: String
    var allowOpenInvite: Bool = true
    var schemeId: String = ""
    var groupConstrained: Bool = false

    enum CodingKeys: String, CodingKey {
        case id, name, description, email, type
        case createAt = "create_at", updateAt = "update_at", deleteAt = "delete_at"
        case displayName = "display_name", companyName = "company_name", allowedDomains = "allowed_domains"
        case inviteId = "invite_id", allowOpenInvite = "allow_open_invite", schemeId = "scheme_id"
        case groupConstrained = "group_constrained"
    }
}

/// A team membership (`GET /teams/{id}/members/{user_id}`).
struct MattermostTeamMember: Codable, Sendable, Equatable {
    var teamId: MattermostTeamID
    var userId: MattermostUserID
    var roles: String = "team_user"
    var deleteAt: Int64 = 0
    var schemeUser: Bool = true
    var schemeAdmin: Bool = false
    var explicitRoles: String = ""

    enum CodingKeys: String, CodingKey {
        case roles
        case teamId = "team_id", userId = "user_id", deleteAt = "delete_at", schemeUser = "scheme_user"
        case schemeAdmin = "scheme_admin", explicitRoles = "explicit_roles"
    }
}
