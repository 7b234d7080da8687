import Foundation
import HTTPTypes
import Hummingbird

extension MattermostAPI {
    static let userRoutes: [MattermostRoute] = [
        MattermostRoute(.post, "users/login") { request, state in
            let body = try request.object()
            let loginId = body["login_id"]?.stringValue ?? ""
            let password = body["password"]?.stringValue ?? ""
            if loginId.isEmpty { throw MattermostAPIError.invalidBody("login_id") }
            if password.isEmpty { throw MattermostAPIError.invalidBody("password") }
            let (user, token) = try await state.login(loginId: loginId, password: password)
            var response = MattermostResponse.json(user)
            response.headers[HTTPField.Name("Token")!] = token
            response.headers[values: .setCookie] = [
                "MMAUTHTOKEN=\(token); Path=/; HttpOnly", "MMUSERID=\(user.id); Path=/", "MMCSRF=\(MattermostID.make()); Path=/",
            ]
            return response
        },
        MattermostRoute(.post, "users/logout") { request, state in
            await state.logout(token: request.token)
            return MattermostResponse.statusOK()
        },
        MattermostRoute(.get, "users/username/:username") { request, state in
            _ = try request.requireUser()
            guard let user = await state.userByName(request.parameter("username")) else { throw MattermostAPIError.userMissing }
            return MattermostResponse.json(user)
        },
        MattermostRoute(.post, "users/ids") { request, state in
            _ = try request.requireUser()
            let ids: [MattermostUserID] = try request.json().arrayValue?.compactMap { $0.typedID() } ?? []
            var users: [MattermostUser] = []
            for id in ids { if let user = try? await state.user(id) { users.append(user) } }
            return MattermostResponse.json(users)
        },
        MattermostRoute(.post, "users/usernames") { request, state in
            _ = try request.requireUser()
            let names = try request.json().arrayValue?.compactMap(\.stringValue) ?? []
            var users: [MattermostUser] = []
            for name in names { if let user = await state.userByName(name) { users.append(user) } }
            return MattermostResponse.json(users)
        },
        MattermostRoute(.post, "users/search") { request, state in
            _ = try request.requireUser()
            let body = try request.object()
            let limit = body["limit"]?.intValue ?? 100
            let users = await state.users(
                inTeam: body["team_id"]?.stringValue.flatMap { $0.isEmpty ? nil : MattermostTeamID($0) },
                inChannel: body["in_channel_id"]?.stringValue.flatMap { $0.isEmpty ? nil : MattermostChannelID($0) },
                term: body["term"]?.stringValue ?? "")
            return MattermostResponse.json(Array(users.prefix(limit)))
        },
        MattermostRoute(.get, "users") { request, state in
            _ = try request.requireUser()
            let (page, perPage) = request.paging()
            let users = await state.users(inTeam: request.query["in_team"].map(MattermostTeamID.init), inChannel: request.query["in_channel"].map(MattermostChannelID.init), term: nil)
            let start = page * perPage
            return MattermostResponse.json(start < users.count ? Array(users[start..<min(users.count, start + perPage)]) : [])
        },
        MattermostRoute(.get, "users/:user_id") { request, state in
            _ = try request.requireUser()
            return MattermostResponse.json(try await state.user(request.id("user_id")))
        },
        MattermostRoute(.get, "users/:user_id/image") { request, state in
            _ = try request.requireUser()
            _ = try await state.user(request.id("user_id"))
            return MattermostResponse.bytes(MattermostAvatar.png, contentType: "image/png")
        },
        MattermostRoute(.get, "users/:user_id/teams") { request, state in
            let caller = try request.requireUser()
            let userId: MattermostUserID = request.id("user_id")
            let admin = await state.isAdmin(caller)
            guard userId == caller || admin else { throw MattermostAPIError.permissions }
            return MattermostResponse.json(await state.teams(of: userId))
        },
        MattermostRoute(.get, "users/:user_id/teams/:team_id/channels") { request, state in
            let caller = try request.requireUser()
            let userId: MattermostUserID = request.id("user_id")
            let admin = await state.isAdmin(caller)
            guard userId == caller || admin else { throw MattermostAPIError.permissions }
            return MattermostResponse.json(await state.channels(of: userId, teamId: request.id("team_id")))
        },
        MattermostRoute(.get, "system/ping") { _, _ in
            MattermostResponse.json(["status": "OK", "ActiveSearchBackend": "database"])
        },
    ]
}
