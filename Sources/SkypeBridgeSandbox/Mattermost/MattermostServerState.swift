import Foundation

/// The Mattermost emulator's multi-user state and its WebSocket connections, in one actor.
///
/// REST handlers, the control API and WebSocket sessions all go through this actor, so an
/// event is numbered and fanned out in the same step that changes the state it describes.
/// The extensions group the operations by area (users, channels, posts, files, events).
actor MattermostServerState {
    /// Limits and switches the emulator applies.
    struct Limits: Sendable {
        var maxPostRunes: Int
        var maxFileSize: Int
        var resumeBufferSize: Int
        var resumeWindow: Duration
        var usernameOverride: Bool
        var serverVersion: String
    }

    let limits: Limits
    var data = MattermostSnapshot()
    /// `pending_post_id` → (post id, when it was first used), for retry de-duplication.
    var pendingPosts: [String: (postId: MattermostPostID, at: ContinuousClock.Instant)] = [:]
    /// The size of ``pendingPosts`` at which expired entries are dropped next: twice what was
    /// left after the last pruning, so pruning stays amortised O(1) per post at any rate.
    var pendingPostsPruneAt = 1024
    var connections: [MattermostConnectionID: MattermostConnection] = [:]
    let encoder = JSONEncoder()
    private var lastTimestamp: Int64 = 0

    init(limits: Limits) {
        self.limits = limits
    }

    /// Unix milliseconds, never going backwards.
    func now() -> Int64 {
        let wall = Int64(Date().timeIntervalSince1970 * 1000)
        lastTimestamp = max(lastTimestamp, wall)
        return lastTimestamp
    }

    /// Encodes `value` as JSON text.
    func jsonString<T: Encodable>(_ value: T) -> String {
        (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The persisted form of the state.
    func snapshot() -> MattermostSnapshot {
        data
    }

    /// Replaces the state with a persisted one; live connections are left alone.
    func restore(_ snapshot: MattermostSnapshot) {
        data = snapshot
    }

    /// Creates the seed's team, users and channels (used when nothing was restored).
    func apply(_ seed: MattermostSeed) throws(MattermostAPIError) {
        var userIds: [String: MattermostUserID] = [:]
        for user in seed.users {
            let created = createUser(
                username: user.username, password: user.password, isBot: user.isBot, isAdmin: user.isAdmin,
                nickname: user.nickname, firstName: user.firstName, lastName: user.lastName)
            userIds[user.username] = created.id
            if let token = user.token {
                data.tokens[token] = .init(userId: created.id, kind: user.isBot ? .bot : .personalAccess)
            }
        }
        let team = try createTeam(name: seed.team, displayName: seed.teamDisplayName)
        for id in userIds.values.sorted() {
            addTeamMember(teamId: team.id, userId: id)
        }
        for channel in seed.channels {
            let members = (channel.members ?? seed.users.map(\.username)).compactMap { userIds[$0] }
            try seedChannel(teamId: team.id, name: channel.name, displayName: channel.displayName, type: channel.type, members: members)
        }
    }

    private func seedChannel(teamId: MattermostTeamID, name: String, displayName: String, type: String, members: [MattermostUserID]) throws(MattermostAPIError) {
        let existing = data.channels.values.first { $0.teamId == teamId && $0.name == name }
        let channel: MattermostChannel
        if let existing {
            channel = existing
        } else {
            channel = try insertChannel(teamId: teamId, name: name, displayName: displayName, type: type, creatorId: members.first ?? .none)
        }
        data.channels[channel.id]?.displayName = displayName
        for member in members {
            _ = joinChannel(channelId: channel.id, userId: member, actorId: member, announce: false)
        }
    }
}
