extension MattermostClient {
    /// Creates a post as the account (`POST /posts`). Bots' posts get `from_bot` added by the server.
    ///
    /// Retried on failure only when `pendingPostID` is set, since the server de-duplicates on it.
    /// - Throws: ``MattermostError/forbidden(_:)`` when the account is not in the channel;
    ///   ``MattermostError/server(status:id:message:)`` for an invalid root or an over-long message.
    public func createPost(_ post: NewMattermostPost) async throws -> MattermostPost {
        var body: [String: JSONValue] = [
            "channel_id": .string(post.channelID.rawValue), "message": .string(post.message),
            "root_id": .string(post.rootID?.rawValue ?? ""), "file_ids": .array(post.fileIDs.map { .string($0.rawValue) }),
            "props": .object(post.props),
        ]
        if let pending = post.pendingPostID { body["pending_post_id"] = .string(pending) }
        let answer = try await object(.post, "/posts", json: .object(body), retryable: post.pendingPostID != nil)
        return try decode(answer, as: "post", MattermostPost.init(wire:))
    }

    /// Changes the message and/or props of a post (`PUT /posts/{id}/patch`); omitted fields stay.
    public func patchPost(id: MattermostPostID, message: String? = nil, props: [String: JSONValue]? = nil) async throws -> MattermostPost {
        var fields: [String: JSONValue] = [:]
        if let message { fields["message"] = .string(message) }
        if let props { fields["props"] = .object(props) }
        let answer = try await object(.put, "/posts/\(segment(id))/patch", json: .object(fields), retryable: true)
        return try decode(answer, as: "post", MattermostPost.init(wire:))
    }

    /// Deletes a post (soft delete; it then reads as not found).
    public func deletePost(id: MattermostPostID) async throws {
        _ = try await send(.delete, "/posts/\(segment(id))")
    }

    /// The post with this id.
    /// - Throws: ``MattermostError/notFound(_:)`` for an unknown or deleted post.
    public func post(id: MattermostPostID) async throws -> MattermostPost {
        try decode(try await object(.get, "/posts/\(segment(id))"), as: "post", MattermostPost.init(wire:))
    }

    /// Every post created, edited or deleted since `since` (ms), oldest first by createAt, paging as needed.
    ///
    /// Uses `GET /channels/{id}/posts?since=`. A real server answers at most 1000 posts there
    /// (the newest by creation); when an answer is that full, the older new posts are fetched
    /// with `before=` pages until posts created before `since` are reached. Edits and deletions of
    /// posts older than those 1000 cannot be found that way and are then missed.
    public func posts(in channel: MattermostChannelID, since: Int64) async throws -> [MattermostPost] {
        let path = "/channels/\(segment(channel))/posts"
        let answer = try await object(.get, path, query: [("since", String(since))])
        var found: [MattermostPostID: MattermostPost] = [:]
        let changed = MattermostPost.list(wire: answer, includingContext: true).filter { $0.updateAt > since }
        for post in changed { found[post.id] = post }
        if changed.count >= sinceLimit, var anchor = changed.min(by: { $0.createAt < $1.createAt }) {
            logger.debug("mattermost since answer is full; paging older posts", metadata: ["sb.mm.channel": "\(channel)", "sb.mm.count": "\(changed.count)"])
            while true {
                let page = MattermostPost.list(
                    wire: try await object(.get, path, query: [("before", anchor.id.rawValue), ("per_page", String(pageSize))]))
                for post in page where post.updateAt > since && found[post.id] == nil { found[post.id] = post }
                guard let oldest = page.min(by: { $0.createAt < $1.createAt }), oldest.createAt > since, page.count >= pageSize else { break }
                anchor = oldest
            }
        }
        return found.values.sorted { ($0.createAt, $0.id.rawValue) < ($1.createAt, $1.id.rawValue) }
    }

    /// The most recent posts of a channel, newest first, one page (`perPage` at most 200).
    public func recentPosts(in channel: MattermostChannelID, page: Int = 0, perPage: Int = 60) async throws -> [MattermostPost] {
        let answer = try await object(
            .get, "/channels/\(segment(channel))/posts", query: [("page", String(page)), ("per_page", String(min(max(perPage, 1), 200)))])
        return MattermostPost.list(wire: answer)
    }
}
