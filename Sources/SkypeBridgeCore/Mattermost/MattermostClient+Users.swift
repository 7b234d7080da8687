extension MattermostClient {
    /// The account the token belongs to (`GET /users/me`); a cheap way to check the token.
    public func me() async throws -> MattermostUser {
        try decode(try await object(.get, "/users/me"), as: "user", MattermostUser.init(wire:))
    }

    /// The user with this id.
    /// - Throws: ``MattermostError/notFound(_:)`` for an unknown id.
    public func user(id: MattermostUserID) async throws -> MattermostUser {
        try decode(try await object(.get, "/users/\(segment(id))"), as: "user", MattermostUser.init(wire:))
    }

    /// The user with this username (without `@`).
    /// - Throws: ``MattermostError/notFound(_:)`` for an unknown name.
    public func user(username: String) async throws -> MattermostUser {
        try decode(try await object(.get, "/users/username/\(segment(username))"), as: "user", MattermostUser.init(wire:))
    }

    /// The users with these ids (`POST /users/ids`); unknown ids are left out, order is the server's.
    public func users(ids: [MattermostUserID]) async throws -> [MattermostUser] {
        guard !ids.isEmpty else { return [] }
        let answer = try await array(.post, "/users/ids", json: .array(ids.map { .string($0.rawValue) }), retryable: true)
        return answer.compactMap { $0.object.flatMap(MattermostUser.init(wire:)) }
    }

    /// The team with this name (`GET /teams/name/{name}`; names are lowercase and case-sensitive).
    /// - Throws: ``MattermostError/notFound(_:)`` when no such team exists or the account is not in it.
    public func team(named name: String) async throws -> MattermostTeam {
        try decode(try await object(.get, "/teams/name/\(segment(name))"), as: "team", MattermostTeam.init(wire:))
    }
}
