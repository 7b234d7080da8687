import Foundation
import Hummingbird

/// The sandbox-only control API under `/_control/mattermost/`: set up users, teams and channels,
/// act as any user, read a channel's full history and inject faults. See `README.md`.
enum MattermostControlAPI {
    /// The control routes; `defaultTeam` is used when a request names no team.
    static func routes(faults: MattermostFaults, defaultTeam: String) -> [MattermostRoute] {
        [
            MattermostRoute(.get, "state") { _, state in
                MattermostResponse.json(await state.summary())
            },
            MattermostRoute(.post, "users") { request, state in
                let body = try request.object()
                let username = body["username"]?.stringValue ?? ""
                if username.isEmpty { throw MattermostAPIError.invalidBody("username") }
                let isBot = body["is_bot"]?.boolValue ?? false
                let user = await state.createUser(
                    username: username, password: body["password"]?.stringValue, isBot: isBot,
                    isAdmin: body["is_admin"]?.boolValue ?? false, nickname: body["nickname"]?.stringValue ?? "",
                    firstName: body["first_name"]?.stringValue ?? "", lastName: body["last_name"]?.stringValue ?? "")
                let team = try await state.team(named: body["team"]?.stringValue ?? defaultTeam)
                await state.addTeamMember(teamId: team.id, userId: user.id)
                let token = await state.issueToken(userId: user.id, kind: isBot ? .bot : .personalAccess)
                return MattermostResponse.json(["user": .id(user.id), "username": .string(username), "token": MattermostJSON.string(token)], status: .created)
            },
            MattermostRoute(.post, "teams") { request, state in
                let body = try request.object()
                let name = body["name"]?.stringValue ?? ""
                if name.isEmpty { throw MattermostAPIError.invalidBody("name") }
                let team = try await state.createTeam(name: name, displayName: body["display_name"]?.stringValue ?? name)
                for username in body["members"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                    guard let user = await state.userByName(username) else { throw MattermostAPIError.userMissing }
                    await state.addTeamMember(teamId: team.id, userId: user.id)
                }
                return MattermostResponse.json(team, status: .created)
            },
            MattermostRoute(.post, "channels") { request, state in
                let body = try request.object()
                let team = try await state.team(named: body["team"]?.stringValue ?? defaultTeam)
                let members = try await userIds(body["members"], state)
                guard let creator = members.first else { throw MattermostAPIError.invalidBody("members") }
                let channel = try await state.createChannel(
                    by: creator, teamId: team.id, name: body["name"]?.stringValue ?? "",
                    displayName: body["display_name"]?.stringValue ?? body["name"]?.stringValue ?? "",
                    type: body["type"]?.stringValue ?? "O", header: body["header"]?.stringValue ?? "",
                    purpose: body["purpose"]?.stringValue ?? "")
                for member in members.dropFirst() {
                    await state.addTeamMember(teamId: team.id, userId: member)
                    _ = await state.joinChannel(channelId: channel.id, userId: member, actorId: creator, announce: true)
                }
                return MattermostResponse.json(channel, status: .created)
            },
            MattermostRoute(.post, "members") { request, state in
                let body = try request.object()
                let channelId = try await channelId(body, state, defaultTeam: defaultTeam)
                let userId = try await userIds(body["username"].map { .array([$0]) }, state).first ?? .none
                let member = await state.joinChannel(channelId: channelId, userId: userId, actorId: userId, announce: true)
                return MattermostResponse.json(member, status: .created)
            },
            MattermostRoute(.post, "posts") { request, state in
                let body = try request.object()
                let userId = try await userIds(body["username"].map { .array([$0]) }, state).first ?? .none
                var draft = MattermostServerState.PostDraft(channelId: try await channelId(body, state, defaultTeam: defaultTeam), message: body["message"]?.stringValue ?? "")
                draft.rootId = body["root_id"]?.typedID() ?? .none
                draft.props = body["props"]?.objectValue ?? [:]
                draft.fileIds = body["file_ids"]?.arrayValue?.compactMap { $0.typedID() } ?? []
                if let messages = body["messages"]?.arrayValue?.compactMap(\.stringValue) {
                    let posts = try await state.createPosts(by: userId, messages.map { message in
                        var each = draft
                        each.message = message
                        return each
                    })
                    return MattermostResponse.json(["ids": posts.map(\.id.rawValue)], status: .created)
                }
                return MattermostResponse.json(try await state.createPost(by: userId, draft), status: .created)
            },
            MattermostRoute(.get, "channels/:channel_id/posts") { request, state in
                MattermostResponse.json(try await state.history(of: request.id("channel_id")))
            },
            MattermostRoute(.post, "hooks") { request, state in
                let body = try request.object()
                let userId = try await userIds(body["username"].map { .array([$0]) }, state).first ?? .none
                let hook = try await state.createHook(
                    channelId: try await channelId(body, state, defaultTeam: defaultTeam), userId: userId,
                    displayName: body["display_name"]?.stringValue ?? "", username: body["default_username"]?.stringValue ?? "",
                    channelLocked: body["channel_locked"]?.boolValue ?? false)
                return MattermostResponse.json(hook, status: .created)
            },
            MattermostRoute(.post, "faults/close-websockets") { _, state in
                MattermostResponse.json(["closed": await state.closeAllSockets()])
            },
            MattermostRoute(.post, "faults/drop-websockets") { _, state in
                MattermostResponse.json(["closed": await state.closeAllSockets(abnormal: true)])
            },
            MattermostRoute(.post, "faults/lose-resume-buffer") { _, state in
                await state.loseResumeBuffers()
                return MattermostResponse.statusOK()
            },
            MattermostRoute(.post, "faults/fail") { request, _ in
                let body = try request.object()
                let status = body["status"]?.intValue ?? 500
                guard (500...599).contains(status) else { throw MattermostAPIError.invalidBody("status") }
                faults.fail(count: body["count"]?.intValue ?? 1, status: status)
                return MattermostResponse.statusOK()
            },
            MattermostRoute(.post, "faults/delay") { request, _ in
                let body = try request.object()
                guard let milliseconds = body["milliseconds"]?.intValue, milliseconds >= 0 else { throw MattermostAPIError.invalidBody("milliseconds") }
                faults.delay(.milliseconds(milliseconds), count: body["count"]?.intValue)
                return MattermostResponse.statusOK()
            },
            MattermostRoute(.post, "faults/reset") { _, _ in
                faults.reset()
                return MattermostResponse.statusOK()
            },
        ]
    }

    /// Resolves a JSON array of usernames to user ids (404 for an unknown one).
    private static func userIds(_ value: MattermostJSON?, _ state: MattermostServerState) async throws -> [MattermostUserID] {
        var ids: [MattermostUserID] = []
        for name in value?.arrayValue?.compactMap(\.stringValue) ?? [] {
            guard let user = await state.userByName(name) else { throw MattermostAPIError.userMissing }
            ids.append(user.id)
        }
        if ids.isEmpty { throw MattermostAPIError.invalidBody("username") }
        return ids
    }

    /// `channel_id`, or `channel` (a name) in `team` (default: the seeded team).
    private static func channelId(_ body: [String: MattermostJSON], _ state: MattermostServerState, defaultTeam: String) async throws -> MattermostChannelID {
        if let id: MattermostChannelID = body["channel_id"]?.typedID() { return id }
        guard let name = body["channel"]?.stringValue else { throw MattermostAPIError.invalidBody("channel_id") }
        let team = try await state.team(named: body["team"]?.stringValue ?? defaultTeam)
        guard let channel = await state.channelNamed(name, teamId: team.id) else { throw MattermostAPIError.channelMissing }
        return channel.id
    }
}
