import Hummingbird

extension MattermostAPI {
    static let postRoutes: [MattermostRoute] = [
        MattermostRoute(.post, "posts") { request, state in
            let caller = try request.requireUser()
            let body = try request.object()
            var draft = MattermostServerState.PostDraft(channelId: body["channel_id"]?.typedID() ?? .none, message: body["message"]?.stringValue ?? "")
            if draft.channelId.isEmpty { throw MattermostAPIError.invalidBody("channel_id") }
            draft.rootId = body["root_id"]?.typedID() ?? .none
            draft.fileIds = body["file_ids"]?.arrayValue?.compactMap { $0.typedID() } ?? []
            draft.props = body["props"]?.objectValue ?? [:]
            draft.pendingPostId = body["pending_post_id"]?.stringValue ?? ""
            return MattermostResponse.json(text: try await state.createEncodedPost(by: caller, draft).json, status: .created)
        },
        MattermostRoute(.get, "posts/:post_id") { request, state in
            let caller = try request.requireUser()
            return MattermostResponse.json(try await state.post(request.id("post_id"), for: caller))
        },
        MattermostRoute(.get, "posts/:post_id/thread") { request, state in
            let caller = try request.requireUser()
            return MattermostResponse.json(try await state.thread(request.id("post_id"), for: caller))
        },
        MattermostRoute(.put, "posts/:post_id") { request, state in
            let caller = try request.requireUser()
            let body = try request.object()
            guard body["id"]?.stringValue == request.parameter("post_id") else { throw MattermostAPIError.invalidBody("id") }
            let edit = MattermostServerState.PostEdit(
                message: body["message"]?.stringValue, props: body["props"]?.objectValue,
                fileIds: body["file_ids"]?.arrayValue?.compactMap { $0.typedID() }, isPinned: body["is_pinned"]?.boolValue, replace: true)
            return MattermostResponse.json(try await state.editPost(request.id("post_id"), by: caller, edit))
        },
        MattermostRoute(.put, "posts/:post_id/patch") { request, state in
            let caller = try request.requireUser()
            let body = try request.object()
            let edit = MattermostServerState.PostEdit(
                message: body["message"]?.stringValue, props: body["props"]?.objectValue,
                fileIds: body["file_ids"]?.arrayValue?.compactMap { $0.typedID() }, isPinned: body["is_pinned"]?.boolValue, replace: false)
            return MattermostResponse.json(try await state.editPost(request.id("post_id"), by: caller, edit))
        },
        MattermostRoute(.delete, "posts/:post_id") { request, state in
            let caller = try request.requireUser()
            try await state.deletePost(request.id("post_id"), by: caller)
            return MattermostResponse.statusOK()
        },
        MattermostRoute(.get, "channels/:channel_id/posts") { request, state in
            let caller = try request.requireUser()
            let query = try postQuery(request)
            return MattermostResponse.json(try await state.channelPosts(request.id("channel_id"), for: caller, query: query))
        },
        MattermostRoute(.post, "reactions") { request, state in
            let caller = try request.requireUser()
            let body = try request.object()
            let reaction = try await state.addReaction(
                userId: body["user_id"]?.typedID() ?? .none, postId: body["post_id"]?.typedID() ?? .none,
                emojiName: body["emoji_name"]?.stringValue ?? "", by: caller)
            return MattermostResponse.json(reaction, status: .created)
        },
        MattermostRoute(.get, "posts/:post_id/reactions") { request, state in
            let caller = try request.requireUser()
            return MattermostResponse.json(try await state.reactions(postId: request.id("post_id"), for: caller))
        },
        MattermostRoute(.delete, "users/:user_id/posts/:post_id/reactions/:emoji_name") { request, state in
            let caller = try request.requireUser()
            try await state.removeReaction(
                userId: request.id("user_id"), postId: request.id("post_id"), emojiName: request.parameter("emoji_name"), by: caller)
            return MattermostResponse.statusOK()
        },
    ]

    /// Reads `since` > `after` > `before` > `page`/`per_page`, in the server's precedence.
    private static func postQuery(_ request: MattermostHTTPRequest) throws(MattermostAPIError) -> MattermostServerState.PostQuery {
        let (page, perPage) = request.paging()
        if let since = request.query["since"] {
            guard let time = Int64(since), time >= 0 else { throw .invalidBody("since") }
            return .since(time)
        }
        if let after = request.query["after"], !after.isEmpty { return .after(MattermostPostID(after), page: page, perPage: perPage) }
        if let before = request.query["before"], !before.isEmpty { return .before(MattermostPostID(before), page: page, perPage: perPage) }
        return .page(page, perPage: perPage)
    }
}
