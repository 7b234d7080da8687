/// A channel as the v4 API returns it. `type` is `O` public, `P` private, `D` direct, `G` group.
struct MattermostChannel: Codable, Sendable, Equatable {
    var id: MattermostChannelID
    var createAt: Int64
    var updateAt: Int64
    var deleteAt: Int64 = 0
    var teamId: MattermostTeamID
    var type: String
    var displayName: String
    var name: String
    var header: String = ""
    var purpose: String = ""
    var lastPostAt: Int64 = 0
    var totalMsgCount: Int = 0
    var extraUpdateAt: Int64 = 0
    var creatorId: MattermostUserID
    var schemeId: String? = nil
    var props: [String: MattermostJSON]? = nil
    var groupConstrained: Bool? = nil
    var shared: Bool? = nil
    var totalMsgCountRoot: Int = 0
    var policyId: String? = nil
    var lastRootPostAt: Int64 = 0

    enum CodingKeys: String, CodingKey {
        case id, type, name, header, purpose, props, shared
        case createAt = "create_at", updateAt = "update_at", deleteAt = "delete_at", teamId = "team_id"
        case displayName = "display_name", lastPostAt = "last_post_at", totalMsgCount = "total_msg_count"
        case extraUpdateAt = "extra_update_at", creatorId = "creator_id", schemeId = "scheme_id"
        case groupConstrained = "group_constrained", totalMsgCountRoot = "total_msg_count_root"
        case policyId = "policy_id", lastRootPostAt = "last_root_post_at"
    }

    /// Whether this is a direct or group message channel (no team).
    var isDirect: Bool { type == "D" || type == "G" }
}

/// A channel membership (`GET /channels/{id}/members/{user_id}`).
struct MattermostChannelMember: Codable, Sendable, Equatable {
    var channelId: MattermostChannelID
    var userId: MattermostUserID
    var roles: String
    var lastViewedAt: Int64 = 0
    var msgCount: Int = 0
    var mentionCount: Int = 0
    var mentionCountRoot: Int = 0
    var urgentMentionCount: Int = 0
    var msgCountRoot: Int = 0
    var notifyProps: [String: String] = ["desktop": "default", "email": "default", "mark_unread": "all", "push": "default"]
    var lastUpdateAt: Int64
    var schemeGuest: Bool = false
    var schemeUser: Bool = true
    var schemeAdmin: Bool = false
    var explicitRoles: String = ""

    enum CodingKeys: String, CodingKey {
        case roles
        case channelId = "channel_id", userId = "user_id", lastViewedAt = "last_viewed_at", msgCount = "msg_count"
        case mentionCount = "mention_count", mentionCountRoot = "mention_count_root"
        case urgentMentionCount = "urgent_mention_count", msgCountRoot = "msg_count_root"
        case notifyProps = "notify_props", lastUpdateAt = "last_update_at", schemeGuest = "scheme_guest"
        case schemeUser = "scheme_user", schemeAdmin = "scheme_admin", explicitRoles = "explicit_roles"
    }
}
