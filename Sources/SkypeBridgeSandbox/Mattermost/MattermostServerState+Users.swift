import Foundation

extension MattermostServerState {
    /// Creates a user (no validation beyond uniqueness; the control API and the seed use it).
    func createUser(
        username: String, password: String?, isBot: Bool, isAdmin: Bool = false,
        nickname: String = "", firstName: String = "", lastName: String = ""
    ) -> MattermostUser {
        if let existing = userByName(username) { return existing }
        let time = now()
        let user = MattermostUser(
            id: .make(), createAt: time, updateAt: time, username: username,
            email: "\(username)@sandbox.invalid", nickname: nickname, firstName: firstName, lastName: lastName,
            roles: isAdmin ? "system_admin system_user" : "system_user", isBot: isBot,
            botDescription: isBot ? "" : nil)
        data.accounts[user.id] = MattermostAccount(user: user, password: isBot ? nil : password)
        return user
    }

    /// Issues a new token of `kind` for `userId`.
    func issueToken(userId: MattermostUserID, kind: MattermostSnapshot.TokenKind) -> String {
        let token = MattermostID.make()
        data.tokens[token] = .init(userId: userId, kind: kind)
        return token
    }

    /// The user a token belongs to, if the token is valid.
    func userId(forToken token: String) -> MattermostUserID? {
        data.tokens[token].flatMap { data.accounts[$0.userId] != nil ? $0.userId : nil }
    }

    /// `POST /users/login`: checks the credentials and mints a session token.
    func login(loginId: String, password: String) throws(MattermostAPIError) -> (MattermostUser, String) {
        guard let account = data.accounts.values.first(where: { $0.user.username == loginId || $0.user.email == loginId }),
            let expected = account.password, expected == password
        else {
            throw MattermostAPIError(
                status: .unauthorized, id: "api.user.login.invalid_credentials_email_username",
                message: "Enter a valid email or username and/or password.")
        }
        return (account.user, issueToken(userId: account.user.id, kind: .session))
    }

    /// `POST /users/logout`: revokes a session token (other kinds are kept).
    func logout(token: String?) {
        if let token, data.tokens[token]?.kind == .session {
            data.tokens[token] = nil
        }
    }

    /// The user with `id`, or 404.
    func user(_ id: MattermostUserID) throws(MattermostAPIError) -> MattermostUser {
        guard let account = data.accounts[id] else { throw .userMissing }
        return account.user
    }

    /// The user named `username`, if any.
    func userByName(_ username: String) -> MattermostUser? {
        data.accounts.values.first { $0.user.username == username }?.user
    }

    /// Whether `userId` is a system admin.
    func isAdmin(_ userId: MattermostUserID) -> Bool {
        data.accounts[userId]?.user.roles.contains("system_admin") ?? false
    }

    /// `GET /users?in_team=&in_channel=` and `POST /users/search`: users sorted by username.
    func users(inTeam teamId: MattermostTeamID?, inChannel channelId: MattermostChannelID?, term: String?) -> [MattermostUser] {
        data.accounts.values.map(\.user).filter { user in
            if let teamId, data.teamMembers[teamId]?[user.id] == nil { return false }
            if let channelId, data.channelMembers[channelId]?[user.id] == nil { return false }
            if let term, !term.isEmpty {
                let needle = term.lowercased()
                return [user.username, user.nickname, user.firstName, user.lastName].contains { $0.lowercased().hasPrefix(needle) }
            }
            return true
        }
        .sorted { $0.username < $1.username }
    }

    // MARK: Teams

    /// Creates a team with `town-square` and `off-topic`.
    func createTeam(name: String, displayName: String) throws(MattermostAPIError) -> MattermostTeam {
        if data.teams.values.contains(where: { $0.name == name }) {
            throw .invalid("store.sql_team.save_team.existing.app_error", "A team with that name already exists.")
        }
        let time = now()
        let team = MattermostTeam(
            id: .make(), createAt: time, updateAt: time, displayName: displayName, name: name,
            inviteId: MattermostID.make())
        data.teams[team.id] = team
        _ = try insertChannel(teamId: team.id, name: "town-square", displayName: "Town Square", type: "O", creatorId: .none)
        _ = try insertChannel(teamId: team.id, name: "off-topic", displayName: "Off-Topic", type: "O", creatorId: .none)
        return team
    }

    /// The team with `id`, or 404.
    func team(_ id: MattermostTeamID) throws(MattermostAPIError) -> MattermostTeam {
        guard let team = data.teams[id] else { throw .teamMissing }
        return team
    }

    /// The team named `name`, or 404.
    func team(named name: String) throws(MattermostAPIError) -> MattermostTeam {
        guard let team = data.teams.values.first(where: { $0.name == name }) else { throw .teamMissing }
        return team
    }

    /// The teams `userId` belongs to.
    func teams(of userId: MattermostUserID) -> [MattermostTeam] {
        data.teams.values.filter { data.teamMembers[$0.id]?[userId] != nil }.sorted { $0.name < $1.name }
    }

    /// The membership of `userId` in `teamId`, or 404.
    func teamMember(teamId: MattermostTeamID, userId: MattermostUserID) throws(MattermostAPIError) -> MattermostTeamMember {
        guard let member = data.teamMembers[teamId]?[userId] else {
            throw MattermostAPIError(status: .notFound, id: "app.team.get_member.missing.app_error", message: "No team member found for that user ID and team ID.")
        }
        return member
    }

    /// Adds `userId` to `teamId` (idempotent) and joins it to `town-square`.
    @discardableResult
    func addTeamMember(teamId: MattermostTeamID, userId: MattermostUserID) -> MattermostTeamMember {
        if let existing = data.teamMembers[teamId]?[userId] { return existing }
        let member = MattermostTeamMember(teamId: teamId, userId: userId)
        data.teamMembers[teamId, default: [:]][userId] = member
        publish("added_to_team", data: ["team_id": .id(teamId), "user_id": .id(userId)], broadcast: .init(userId: userId), to: [userId])
        if let square = data.channels.values.first(where: { $0.teamId == teamId && $0.name == "town-square" }) {
            _ = joinChannel(channelId: square.id, userId: userId, actorId: userId, announce: false)
        }
        return member
    }

    /// `POST /teams/{id}/members`: a team member may add others to an open team.
    func addTeamMember(teamId: MattermostTeamID, userId: MattermostUserID, by actorId: MattermostUserID) throws(MattermostAPIError) -> MattermostTeamMember {
        let team = try team(teamId)
        _ = try user(userId)
        guard isAdmin(actorId) || (data.teamMembers[team.id]?[actorId] != nil && team.allowOpenInvite) else {
            throw .permissions
        }
        return addTeamMember(teamId: teamId, userId: userId)
    }
}
