import Hummingbird

extension MattermostAPI {
    static let teamRoutes: [MattermostRoute] = [
        MattermostRoute(.get, "teams/name/:team_name/channels/name/:channel_name") { request, state in
            let caller = try request.requireUser()
            let team = try await state.team(named: request.parameter("team_name"))
            let channel = try await state.channel(
                teamId: team.id, name: request.parameter("channel_name"), for: caller, includeDeleted: request.query["include_deleted"] == "true")
            return MattermostResponse.json(channel)
        },
        MattermostRoute(.get, "teams/name/:team_name") { request, state in
            _ = try request.requireUser()
            return MattermostResponse.json(try await state.team(named: request.parameter("team_name")))
        },
        MattermostRoute(.get, "teams/:team_id") { request, state in
            _ = try request.requireUser()
            return MattermostResponse.json(try await state.team(request.id("team_id")))
        },
        MattermostRoute(.get, "teams/:team_id/members/:user_id") { request, state in
            _ = try request.requireUser()
            return MattermostResponse.json(try await state.teamMember(teamId: request.id("team_id"), userId: request.id("user_id")))
        },
        MattermostRoute(.post, "teams/:team_id/members") { request, state in
            let caller = try request.requireUser()
            let body = try request.object()
            let userId: MattermostUserID = body["user_id"]?.typedID() ?? .none
            if userId.isEmpty { throw MattermostAPIError.invalidBody("user_id") }
            let member = try await state.addTeamMember(teamId: request.id("team_id"), userId: userId, by: caller)
            return MattermostResponse.json(member, status: .created)
        },
        MattermostRoute(.get, "teams/:team_id/channels") { request, state in
            _ = try request.requireUser()
            let (page, perPage) = request.paging()
            let channels = await state.publicChannels(teamId: request.id("team_id"))
            let start = page * perPage
            return MattermostResponse.json(start < channels.count ? Array(channels[start..<min(channels.count, start + perPage)]) : [])
        },
        MattermostRoute(.get, "teams/:team_id/channels/name/:channel_name") { request, state in
            let caller = try request.requireUser()
            let channel = try await state.channel(
                teamId: request.id("team_id"), name: request.parameter("channel_name"), for: caller,
                includeDeleted: request.query["include_deleted"] == "true")
            return MattermostResponse.json(channel)
        },
    ]

    static let channelRoutes: [MattermostRoute] = [
        MattermostRoute(.post, "channels") { request, state in
            let caller = try request.requireUser()
            let body = try request.object()
            let channel = try await state.createChannel(
                by: caller, teamId: body["team_id"]?.typedID() ?? .none, name: body["name"]?.stringValue ?? "",
                displayName: body["display_name"]?.stringValue ?? "", type: body["type"]?.stringValue ?? "",
                header: body["header"]?.stringValue ?? "", purpose: body["purpose"]?.stringValue ?? "")
            return MattermostResponse.json(channel, status: .created)
        },
        MattermostRoute(.post, "channels/direct") { request, state in
            let caller = try request.requireUser()
            let ids: [MattermostUserID] = try request.json().arrayValue?.compactMap { $0.typedID() } ?? []
            guard ids.count == 2 else { throw MattermostAPIError.invalidBody("user_ids") }
            return MattermostResponse.json(try await state.directChannel(ids[0], ids[1], by: caller), status: .created)
        },
        MattermostRoute(.get, "channels/:channel_id") { request, state in
            let caller = try request.requireUser()
            return MattermostResponse.json(try await state.readableChannel(request.id("channel_id"), for: caller))
        },
        MattermostRoute(.put, "channels/:channel_id/patch") { request, state in
            let caller = try request.requireUser()
            let body = try request.object()
            let channel = try await state.patchChannel(
                request.id("channel_id"), by: caller, displayName: body["display_name"]?.stringValue,
                name: body["name"]?.stringValue, header: body["header"]?.stringValue, purpose: body["purpose"]?.stringValue)
            return MattermostResponse.json(channel)
        },
        MattermostRoute(.get, "channels/:channel_id/members") { request, state in
            let caller = try request.requireUser()
            return MattermostResponse.json(try await state.channelMembers(channelId: request.id("channel_id"), for: caller))
        },
        MattermostRoute(.post, "channels/:channel_id/members") { request, state in
            let caller = try request.requireUser()
            let body = try request.object()
            let userIds: [MattermostUserID] = body["user_id"]?.typedID().map { [$0] } ?? body["user_ids"]?.arrayValue?.compactMap { $0.typedID() } ?? []
            guard !userIds.isEmpty else { throw MattermostAPIError.invalidBody("user_id") }
            var members: [MattermostChannelMember] = []
            for userId in userIds {
                members.append(try await state.addChannelMember(channelId: request.id("channel_id"), userId: userId, by: caller))
            }
            return body["user_id"] != nil ? MattermostResponse.json(members[0], status: .created) : MattermostResponse.json(members, status: .created)
        },
        MattermostRoute(.get, "channels/:channel_id/members/:user_id") { request, state in
            let caller = try request.requireUser()
            return MattermostResponse.json(try await state.channelMember(channelId: request.id("channel_id"), userId: request.id("user_id"), for: caller))
        },
    ]
}
