extension MattermostClient {
    /// The channel called `name` in `team`, or nil when there is none (or the account cannot see it).
    public func channel(named name: String, inTeam team: MattermostTeamID) async throws -> MattermostChannel? {
        do {
            let answer = try await object(.get, "/teams/\(segment(team))/channels/name/\(segment(name))")
            return try decode(answer, as: "channel", MattermostChannel.init(wire:))
        } catch MattermostError.notFound {
            return nil
        }
    }

    /// The channel with this id.
    /// - Throws: ``MattermostError/notFound(_:)``, or ``MattermostError/forbidden(_:)`` for a private channel the account is not in.
    public func channel(id: MattermostChannelID) async throws -> MattermostChannel {
        try decode(try await object(.get, "/channels/\(segment(id))"), as: "channel", MattermostChannel.init(wire:))
    }

    /// Creates a public or private channel; the account becomes its first member.
    ///
    /// `name` must follow the server's rules (lowercase letters, digits, `-`, `_`; starting with a
    /// letter or digit; at most 64 bytes; not shaped like a direct-message name).
    /// - Throws: ``MattermostError/invalidChannelName(_:)`` for a rejected name or display name,
    ///   ``MattermostError/channelExists(_:)`` when the team already has a channel of that name.
    public func createChannel(
        team: MattermostTeamID, name: String, displayName: String, header: String = "", purpose: String = "", type: MattermostChannelType = .open
    ) async throws -> MattermostChannel {
        let body = JSONValue.object([
            "team_id": .string(team.rawValue), "name": .string(name), "display_name": .string(displayName),
            "header": .string(header), "purpose": .string(purpose), "type": .string(type.rawValue),
        ])
        return try decode(try await object(.post, "/channels", json: body), as: "channel", MattermostChannel.init(wire:))
    }

    /// Changes the given fields of a channel, leaving the others alone (`PUT /channels/{id}/patch`).
    public func patchChannel(id: MattermostChannelID, displayName: String? = nil, header: String? = nil, purpose: String? = nil) async throws -> MattermostChannel {
        var fields: [String: JSONValue] = [:]
        if let displayName { fields["display_name"] = .string(displayName) }
        if let header { fields["header"] = .string(header) }
        if let purpose { fields["purpose"] = .string(purpose) }
        let answer = try await object(.put, "/channels/\(segment(id))/patch", json: .object(fields), retryable: true)
        return try decode(answer, as: "channel", MattermostChannel.init(wire:))
    }

    /// Adds `user` to `channel`; adding an existing member succeeds without change.
    public func addMember(channel: MattermostChannelID, user: MattermostUserID) async throws {
        _ = try await send(.post, "/channels/\(segment(channel))/members", json: .object(["user_id": .string(user.rawValue)]), retryable: true)
    }

    /// The channels of `team` that `user` is a member of, direct and group channels included.
    public func channelsForUser(_ user: MattermostUserID, team: MattermostTeamID) async throws -> [MattermostChannel] {
        let answer = try await array(.get, "/users/\(segment(user))/teams/\(segment(team))/channels")
        return answer.compactMap { $0.object.flatMap(MattermostChannel.init(wire:)) }
    }
}
