import Foundation

extension MattermostServerState {
    /// Stores a new channel after the duplicate check; validation is the caller's.
    func insertChannel(teamId: MattermostTeamID, name: String, displayName: String, type: String, creatorId: MattermostUserID, header: String = "", purpose: String = "") throws(MattermostAPIError) -> MattermostChannel {
        if data.channels.values.contains(where: { $0.teamId == teamId && $0.name == name }) {
            throw .invalid("store.sql_channel.save_channel.exists.app_error", "A channel with that name already exists on the same team.")
        }
        let time = now()
        let channel = MattermostChannel(
            id: .make(), createAt: time, updateAt: time, teamId: teamId, type: type,
            displayName: displayName, name: name, header: header, purpose: purpose, creatorId: creatorId)
        data.channels[channel.id] = channel
        data.channelMembers[channel.id] = [:]
        data.channelPostIds[channel.id] = []
        return channel
    }

    /// `POST /channels`: validates as the server does, joins the creator, announces it.
    func createChannel(by userId: MattermostUserID, teamId: MattermostTeamID, name: String, displayName: String, type: String, header: String, purpose: String) throws(MattermostAPIError) -> MattermostChannel {
        if teamId.isEmpty { throw .invalidBody("team_id") }
        guard type == "O" || type == "P" else {
            throw .invalid("model.channel.is_valid.type.app_error", "Invalid type.")
        }
        let draft = MattermostChannel(
            id: .none, createAt: 0, updateAt: 0, teamId: teamId, type: type,
            displayName: displayName.trimmingCharacters(in: .whitespaces), name: name, header: header, purpose: purpose, creatorId: userId)
        try MattermostChannelRules.validate(draft)
        _ = try team(teamId)
        guard data.teamMembers[teamId]?[userId] != nil || isAdmin(userId) else { throw .permissions }
        let channel = try insertChannel(teamId: teamId, name: name, displayName: draft.displayName, type: type, creatorId: userId, header: header, purpose: purpose)
        data.channelMembers[channel.id]?[userId] = MattermostChannelMember(channelId: channel.id, userId: userId, roles: "channel_user channel_admin", lastUpdateAt: channel.createAt)
        _ = try? addSystemPost(channelId: channel.id, userId: userId, type: "system_join_channel", message: "\(username(userId)) joined the channel.", props: ["username": .string(username(userId))])
        publish("channel_created", data: ["channel_id": .id(channel.id), "team_id": .id(teamId)], broadcast: .init(userId: userId), to: [userId])
        return data.channels[channel.id] ?? channel
    }

    /// `PUT /channels/{id}/patch`: applies the given fields, validates, posts the change notices.
    func patchChannel(_ channelId: MattermostChannelID, by userId: MattermostUserID, displayName: String?, name: String?, header: String?, purpose: String?) throws(MattermostAPIError) -> MattermostChannel {
        let old = try readableChannel(channelId, for: userId)
        guard !old.isDirect || (displayName == nil && name == nil) else {
            throw .invalid("api.channel.patch_update_channel.forbidden.app_error", "Failed to patch the channel.")
        }
        guard isMember(channelId, userId) || isAdmin(userId) else { throw .permissions }
        var channel = old
        if let displayName { channel.displayName = displayName.trimmingCharacters(in: .whitespaces) }
        if let name { channel.name = name }
        if let header { channel.header = header }
        if let purpose { channel.purpose = purpose }
        if !channel.isDirect { try MattermostChannelRules.validate(channel) }
        if channel.name != old.name, data.channels.values.contains(where: { $0.teamId == channel.teamId && $0.name == channel.name }) {
            throw .invalid("store.sql_channel.update.exists.app_error", "A channel with that name already exists on the same team.")
        }
        channel.updateAt = now()
        data.channels[channelId] = channel
        let who = username(userId)
        if channel.header != old.header {
            _ = try? addSystemPost(channelId: channelId, userId: userId, type: "system_header_change", message: "\(who) updated the channel header to: \(channel.header)", props: ["username": .string(who), "old_header": .string(old.header), "new_header": .string(channel.header)])
        }
        if channel.purpose != old.purpose {
            _ = try? addSystemPost(channelId: channelId, userId: userId, type: "system_purpose_change", message: "\(who) updated the channel purpose to: \(channel.purpose)", props: ["username": .string(who), "old_purpose": .string(old.purpose), "new_purpose": .string(channel.purpose)])
        }
        if channel.displayName != old.displayName {
            _ = try? addSystemPost(channelId: channelId, userId: userId, type: "system_displayname_change", message: "\(who) updated the channel display name from: \(old.displayName) to: \(channel.displayName)", props: ["username": .string(who), "old_displayname": .string(old.displayName), "new_displayname": .string(channel.displayName)])
        }
        let current = data.channels[channelId] ?? channel
        publish("channel_updated", data: ["channel": .string(jsonString(current))], broadcast: .init(channelId: channelId), to: members(of: channelId))
        return current
    }

    /// Whether `userId` is a member of `channelId`.
    func isMember(_ channelId: MattermostChannelID, _ userId: MattermostUserID) -> Bool {
        data.channelMembers[channelId]?[userId] != nil
    }

    /// The member ids of `channelId`.
    func members(of channelId: MattermostChannelID) -> Set<MattermostUserID> {
        Set(data.channelMembers[channelId]?.keys.map { $0 } ?? [])
    }

    /// Whether `userId` may read `channel`: members always, team members for public channels.
    func canRead(_ channel: MattermostChannel, _ userId: MattermostUserID) -> Bool {
        if isMember(channel.id, userId) || isAdmin(userId) { return true }
        return channel.type == "O" && data.teamMembers[channel.teamId]?[userId] != nil
    }

    /// The channel with `id` if `userId` may read it: 404 when missing, 403 when not allowed.
    func readableChannel(_ channelId: MattermostChannelID, for userId: MattermostUserID) throws(MattermostAPIError) -> MattermostChannel {
        guard let channel = data.channels[channelId] else {
            throw MattermostAPIError(status: .notFound, id: "app.channel.get.existing.app_error", message: "Unable to find the existing channel.")
        }
        guard canRead(channel, userId) else { throw .permissions }
        return channel
    }

    /// `GET /teams/{tid}/channels/name/{name}`: private channels only for members.
    func channel(teamId: MattermostTeamID, name: String, for userId: MattermostUserID, includeDeleted: Bool) throws(MattermostAPIError) -> MattermostChannel {
        guard let channel = data.channels.values.first(where: { $0.teamId == teamId && $0.name == name }),
            includeDeleted || channel.deleteAt == 0, canRead(channel, userId)
        else { throw .channelMissing }
        return channel
    }

    /// `GET /users/{uid}/teams/{tid}/channels`: the user's channels in the team plus their DMs/GMs.
    func channels(of userId: MattermostUserID, teamId: MattermostTeamID) -> [MattermostChannel] {
        data.channels.values.filter { ($0.teamId == teamId || $0.isDirect) && isMember($0.id, userId) }.sorted { $0.name < $1.name }
    }

    /// `GET /teams/{tid}/channels`: the team's public channels.
    func publicChannels(teamId: MattermostTeamID) -> [MattermostChannel] {
        data.channels.values.filter { $0.teamId == teamId && $0.type == "O" && $0.deleteAt == 0 }.sorted { $0.name < $1.name }
    }

    /// `GET /channels/{id}/members/{uid}`, or 404.
    func channelMember(channelId: MattermostChannelID, userId: MattermostUserID, for actorId: MattermostUserID) throws(MattermostAPIError) -> MattermostChannelMember {
        _ = try readableChannel(channelId, for: actorId)
        guard let member = data.channelMembers[channelId]?[userId] else {
            throw MattermostAPIError(status: .notFound, id: "app.channel.get_member.missing.app_error", message: "No channel member found for that user ID and channel ID.")
        }
        return member
    }

    /// `GET /channels/{id}/members`: every membership of the channel.
    func channelMembers(channelId: MattermostChannelID, for actorId: MattermostUserID) throws(MattermostAPIError) -> [MattermostChannelMember] {
        _ = try readableChannel(channelId, for: actorId)
        return (data.channelMembers[channelId]?.values.map { $0 } ?? []).sorted { $0.userId < $1.userId }
    }

    /// `POST /channels/{id}/members`: self-join of a public channel, or a member adding another team member.
    func addChannelMember(channelId: MattermostChannelID, userId: MattermostUserID, by actorId: MattermostUserID) throws(MattermostAPIError) -> MattermostChannelMember {
        let channel = try readableChannel(channelId, for: actorId)
        _ = try user(userId)
        if let existing = data.channelMembers[channelId]?[userId] { return existing }
        guard !channel.isDirect else {
            throw .invalid("api.channel.add_user_to_channel.type.app_error", "Can not add user to this channel type.")
        }
        let allowed = isAdmin(actorId) || (actorId == userId ? channel.type == "O" : isMember(channelId, actorId))
        guard allowed, data.teamMembers[channel.teamId]?[userId] != nil else { throw .permissions }
        return joinChannel(channelId: channelId, userId: userId, actorId: actorId, announce: true)
    }

    /// Adds a membership (idempotent); when `announce`, posts the join notice and sends `user_added`.
    func joinChannel(channelId: MattermostChannelID, userId: MattermostUserID, actorId: MattermostUserID, announce: Bool) -> MattermostChannelMember {
        if let existing = data.channelMembers[channelId]?[userId] { return existing }
        let member = MattermostChannelMember(channelId: channelId, userId: userId, roles: "channel_user", lastUpdateAt: now())
        data.channelMembers[channelId, default: [:]][userId] = member
        guard announce, let channel = data.channels[channelId] else { return member }
        let name = username(userId)
        if actorId == userId {
            _ = try? addSystemPost(channelId: channelId, userId: userId, type: "system_join_channel", message: "\(name) joined the channel.", props: ["username": .string(name)])
        } else {
            let adder = username(actorId)
            _ = try? addSystemPost(channelId: channelId, userId: actorId, type: "system_add_to_channel", message: "\(name) added to the channel by \(adder).", props: ["userId": .id(actorId), "username": .string(adder), "addedUserId": .id(userId), "addedUsername": .string(name)])
        }
        publish("user_added", data: ["user_id": .id(userId), "team_id": .id(channel.teamId)], broadcast: .init(channelId: channelId), to: members(of: channelId))
        return member
    }

    /// `POST /channels/direct`: the DM channel of two users, created once.
    func directChannel(_ first: MattermostUserID, _ second: MattermostUserID, by actorId: MattermostUserID) throws(MattermostAPIError) -> MattermostChannel {
        _ = try user(first)
        _ = try user(second)
        guard actorId == first || actorId == second || isAdmin(actorId) else { throw .permissions }
        let name = [first.rawValue, second.rawValue].sorted().joined(separator: "__")
        if let existing = data.channels.values.first(where: { $0.type == "D" && $0.name == name }) { return existing }
        let channel = try insertChannel(teamId: .none, name: name, displayName: "", type: "D", creatorId: actorId)
        for userId in Set([first, second]) {
            data.channelMembers[channel.id]?[userId] = MattermostChannelMember(channelId: channel.id, userId: userId, roles: "channel_user", lastUpdateAt: channel.createAt)
        }
        for userId in Set([first, second]) {
            let teammate = userId == first ? second : first
            publish("direct_added", data: ["creator_id": .id(actorId), "teammate_id": .id(teammate)], broadcast: .init(channelId: channel.id), to: [userId])
        }
        return channel
    }

    /// The username of `userId` (empty when unknown).
    func username(_ userId: MattermostUserID) -> String {
        data.accounts[userId]?.user.username ?? ""
    }
}
