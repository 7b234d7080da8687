import Foundation

extension MattermostServerState {
    /// What a client (or webhook) asks to post.
    struct PostDraft: Sendable {
        var channelId: MattermostChannelID
        var message: String
        var rootId: MattermostPostID = .none
        var fileIds: [MattermostFileID] = []
        var props: [String: MattermostJSON] = [:]
        var pendingPostId: String = ""
    }

    /// `POST /posts`: checks membership and the server's limits, de-duplicates `pending_post_id`,
    /// attaches files and sends `posted` to the channel's members.
    func createPost(by userId: MattermostUserID, _ draft: PostDraft) throws(MattermostAPIError) -> MattermostPost {
        try createEncodedPost(by: userId, draft).post
    }

    /// ``createPost(by:_:)`` for each of `drafts`, in order (the control API's batch form); stops
    /// at the first one refused.
    func createPosts(by userId: MattermostUserID, _ drafts: [PostDraft]) throws(MattermostAPIError) -> [MattermostPost] {
        var posts: [MattermostPost] = []
        posts.reserveCapacity(drafts.count)
        for draft in drafts { posts.append(try createPost(by: userId, draft)) }
        return posts
    }

    /// ``createPost(by:_:)`` that also returns the post's JSON, encoded once for both the
    /// `posted` event and the response.
    func createEncodedPost(by userId: MattermostUserID, _ draft: PostDraft) throws(MattermostAPIError) -> (post: MattermostPost, json: String) {
        let channel = try readableChannel(draft.channelId, for: userId)
        guard isMember(channel.id, userId) || isAdmin(userId) else { throw .permissions }
        if channel.deleteAt != 0 {
            throw .invalid("api.post.create_post.can_not_post_to_deleted.error", "Can not post to deleted channel.")
        }
        if !draft.pendingPostId.isEmpty, let seen = pendingPosts[draft.pendingPostId],
            ContinuousClock.now - seen.at < .seconds(30), let post = data.posts[seen.postId], post.userId == userId
        {
            return (post, jsonString(post))
        }
        if draft.message.count > limits.maxPostRunes {
            throw .invalid("model.post.is_valid.message_length.app_error", "Invalid message length: \(draft.message.count) (max \(limits.maxPostRunes)).")
        }
        if draft.fileIds.count > 10 {
            throw .invalid("model.post.is_valid.file_ids.app_error", "Invalid file ids.")
        }
        if !draft.rootId.isEmpty {
            guard let root = data.posts[draft.rootId], root.deleteAt == 0, root.channelId == channel.id, root.rootId.isEmpty else {
                throw .invalid("api.post.create_post.root_id.app_error", "Invalid RootId parameter.")
            }
        }
        var props = draft.props
        props["add_channel_member"] = nil
        props["force_notification"] = nil
        if data.accounts[userId]?.user.isBot == true { props["from_bot"] = .string("true") }
        let time = now()
        var post = MattermostPost(
            id: .make(), createAt: time, updateAt: time, userId: userId, channelId: channel.id,
            rootId: draft.rootId, message: draft.message, props: props, pendingPostId: draft.pendingPostId)
        post.fileIds = draft.fileIds.filter { id in
            guard let info = data.files[id] else { return false }
            return info.userId == userId && info.channelId == channel.id && info.postId == nil
        }
        for id in post.fileIds { data.files[id]?.postId = post.id }
        if !post.fileIds.isEmpty { post.metadata.files = post.fileIds.compactMap { data.files[$0] } }
        if !draft.pendingPostId.isEmpty { rememberPending(draft.pendingPostId, postId: post.id) }
        store(post, in: channel)
        let json = jsonString(post)
        publishPosted(post, json: json, in: channel)
        return (post, json)
    }

    /// Records a `pending_post_id`, dropping those older than the 30 s retry window now and then
    /// (when the table has doubled since the last time: with more than 1,024 posts in 30 s, a
    /// fixed threshold meant filtering the whole table on every post).
    private func rememberPending(_ pendingPostId: String, postId: MattermostPostID) {
        let now = ContinuousClock.now
        if pendingPosts.count >= pendingPostsPruneAt {
            pendingPosts = pendingPosts.filter { now - $0.value.at < .seconds(30) }
            pendingPostsPruneAt = max(1024, 2 * pendingPosts.count)
        }
        pendingPosts[pendingPostId] = (postId, now)
    }

    /// Adds a `system_*` post as `userId` (join notices, header changes).
    func addSystemPost(channelId: MattermostChannelID, userId: MattermostUserID, type: String, message: String, props: [String: MattermostJSON]) throws(MattermostAPIError) -> MattermostPost {
        guard let channel = data.channels[channelId] else { throw .channelMissing }
        let time = now()
        let post = MattermostPost(id: .make(), createAt: time, updateAt: time, userId: userId, channelId: channelId, message: message, type: type, props: props)
        store(post, in: channel)
        publishPosted(post, json: jsonString(post), in: channel)
        return post
    }

    private func store(_ post: MattermostPost, in channel: MattermostChannel) {
        data.posts[post.id] = post
        data.channelPostIds[channel.id, default: []].append(post.id)
        data.channels[channel.id]?.lastPostAt = post.createAt
        data.channels[channel.id]?.totalMsgCount += 1
        if post.rootId.isEmpty {
            data.channels[channel.id]?.lastRootPostAt = post.createAt
            data.channels[channel.id]?.totalMsgCountRoot += 1
        } else {
            data.posts[post.rootId]?.replyCount += 1
            data.posts[post.rootId]?.lastReplyAt = post.createAt
        }
    }

    /// Sends `posted`; `json` is the post's JSON text (the event carries it as a string).
    private func publishPosted(_ post: MattermostPost, json: String, in channel: MattermostChannel) {
        let sender = username(post.userId)
        var senderName = post.type.hasPrefix("system_") ? "System" : "@\(sender)"
        if limits.usernameOverride, !channel.isDirect, post.props["from_webhook"]?.stringValue == "true",
            let override = post.props["override_username"]?.stringValue
        {
            senderName = override
        }
        var payload: [String: MattermostJSON] = [
            "post": .string(json),
            "channel_type": .string(channel.type),
            "channel_display_name": .string(channel.type == "D" ? "@\(sender)" : channel.displayName),
            "channel_name": .string(channel.name),
            "sender_name": .string(senderName),
            "team_id": .id(channel.teamId),
            "set_online": .bool(true),
        ]
        let infos = post.metadata.files ?? []
        if infos.contains(where: { !$0.isImage }) { payload["otherFile"] = .string("true") }
        if infos.contains(where: \.isImage) { payload["image"] = .string("true") }
        let recipients = members(of: channel.id)
        var perUser: [MattermostUserID: [String: MattermostJSON]] = [:]
        for member in recipients where member != post.userId && post.type.isEmpty {
            if channel.type == "D" || post.message.contains("@\(username(member))") {
                perUser[member] = ["mentions": .string(jsonString([member]))]
            }
        }
        publish("posted", data: payload, broadcast: .init(channelId: channel.id), to: recipients, perUser: perUser)
    }

    /// The post with `id` if `userId` may read its channel; deleted posts are 404.
    func post(_ id: MattermostPostID, for userId: MattermostUserID) throws(MattermostAPIError) -> MattermostPost {
        guard let post = data.posts[id], post.deleteAt == 0 else { throw .postMissing }
        _ = try readableChannel(post.channelId, for: userId)
        return post
    }

    /// `GET /posts/{id}/thread`: the root and its replies.
    func thread(_ id: MattermostPostID, for userId: MattermostUserID) throws(MattermostAPIError) -> MattermostPostList {
        let post = try post(id, for: userId)
        let rootId = post.rootId.isEmpty ? post.id : post.rootId
        let ids = (data.channelPostIds[post.channelId] ?? []).filter { candidate in
            guard let item = data.posts[candidate], item.deleteAt == 0 else { return false }
            return item.id == rootId || item.rootId == rootId
        }
        return list(ids.reversed())
    }

    /// A change to a post: `PUT /posts/{id}` (`replace`) or `PUT /posts/{id}/patch`.
    struct PostEdit: Sendable {
        var message: String?
        var props: [String: MattermostJSON]?
        var fileIds: [MattermostFileID]?
        var isPinned: Bool?
        /// A full update replaces `props` and `is_pinned` even when omitted.
        var replace: Bool
    }

    /// Applies an edit, sets `edit_at` when the text or files changed and sends `post_edited`.
    func editPost(_ id: MattermostPostID, by userId: MattermostUserID, _ edit: PostEdit) throws(MattermostAPIError) -> MattermostPost {
        var post = try post(id, for: userId)
        guard post.userId == userId || isAdmin(userId) else { throw .permissions }
        if post.type.hasPrefix("system_") {
            throw .invalid("api.post.update_post.system_message.app_error", "Unable to update system message.")
        }
        if let message = edit.message, message.count > limits.maxPostRunes {
            throw .invalid("model.post.is_valid.message_length.app_error", "Invalid message length.")
        }
        let old = post
        if let message = edit.message { post.message = message }
        if let fileIds = edit.fileIds { post.fileIds = fileIds.filter { data.files[$0]?.postId == post.id || old.fileIds.contains($0) } }
        if edit.replace {
            var props = edit.props ?? [:]
            if old.props["from_bot"] != nil { props["from_bot"] = old.props["from_bot"] }
            post.props = props
            post.isPinned = edit.isPinned ?? false
        } else {
            if let props = edit.props { post.props = props }
            if let isPinned = edit.isPinned { post.isPinned = isPinned }
        }
        let time = now()
        post.updateAt = time
        if post.message != old.message || post.fileIds != old.fileIds { post.editAt = time }
        data.posts[id] = post
        publish("post_edited", data: ["post": .string(jsonString(post))], broadcast: .init(channelId: post.channelId), to: members(of: post.channelId))
        return post
    }

    /// `DELETE /posts/{id}`: soft-deletes the post (and a root's replies) and sends `post_deleted`
    /// with the post as it was before.
    func deletePost(_ id: MattermostPostID, by userId: MattermostUserID) throws(MattermostAPIError) {
        let post = try post(id, for: userId)
        guard post.userId == userId || isAdmin(userId) else { throw .permissions }
        let time = now()
        data.posts[id]?.deleteAt = time
        data.posts[id]?.updateAt = time
        if post.rootId.isEmpty {
            for replyId in data.channelPostIds[post.channelId] ?? [] where data.posts[replyId]?.rootId == id && data.posts[replyId]?.deleteAt == 0 {
                data.posts[replyId]?.deleteAt = time
                data.posts[replyId]?.updateAt = time
            }
        } else {
            data.posts[post.rootId]?.replyCount -= 1
        }
        publish("post_deleted", data: ["post": .string(jsonString(post))], broadcast: .init(channelId: post.channelId), to: members(of: post.channelId))
    }

    /// Which slice of a channel `GET /channels/{id}/posts` asks for, in the server's precedence.
    enum PostQuery: Sendable {
        case since(Int64)
        case after(MattermostPostID, page: Int, perPage: Int)
        case before(MattermostPostID, page: Int, perPage: Int)
        case page(Int, perPage: Int)
    }

    /// `GET /channels/{id}/posts`: a PostList, newest first.
    func channelPosts(_ channelId: MattermostChannelID, for userId: MattermostUserID, query: PostQuery) throws(MattermostAPIError) -> MattermostPostList {
        _ = try readableChannel(channelId, for: userId)
        let all = data.channelPostIds[channelId] ?? []
        let live = all.filter { data.posts[$0]?.deleteAt == 0 }
        switch query {
        case .since(let time):
            let ids = all.filter { (data.posts[$0]?.updateAt ?? 0) > time }
            var result = list(ids.reversed())
            for id in ids {
                if let root = data.posts[id]?.rootId, !root.isEmpty, result.posts[root] == nil, let rootPost = data.posts[root] {
                    result.posts[root] = rootPost
                }
            }
            return result
        case .after(let anchor, let page, let perPage):
            guard let index = live.firstIndex(of: anchor) else { return list([]) }
            let newer = Array(live[(index + 1)...])
            let slice = window(newer, page: page, perPage: perPage)
            var result = list(slice.reversed())
            result.hasNext = slice.last.map { $0 != newer.last } ?? false
            result.prevPostId = slice.first.flatMap { first in live.firstIndex(of: first).flatMap { $0 > 0 ? live[$0 - 1] : nil } } ?? .none
            result.nextPostId = slice.last.flatMap { last in live.firstIndex(of: last).flatMap { $0 + 1 < live.count ? live[$0 + 1] : nil } } ?? .none
            return result
        case .before(let anchor, let page, let perPage):
            guard let index = live.firstIndex(of: anchor) else { return list([]) }
            let older = Array(live[..<index].reversed())
            let slice = window(older, page: page, perPage: perPage)
            var result = list(slice)
            result.prevPostId = slice.last.flatMap { last in live.firstIndex(of: last).flatMap { $0 > 0 ? live[$0 - 1] : nil } } ?? .none
            result.nextPostId = slice.first.flatMap { first in live.firstIndex(of: first).flatMap { $0 + 1 < live.count ? live[$0 + 1] : nil } } ?? .none
            result.hasNext = true
            return result
        case .page(let page, let perPage):
            let newest = Array(live.reversed())
            let slice = window(newest, page: page, perPage: perPage)
            var result = list(slice)
            result.prevPostId = slice.last.flatMap { last in live.firstIndex(of: last).flatMap { $0 > 0 ? live[$0 - 1] : nil } } ?? .none
            return result
        }
    }

    private func window(_ ids: [MattermostPostID], page: Int, perPage: Int) -> [MattermostPostID] {
        let start = page * perPage
        guard start < ids.count else { return [] }
        return Array(ids[start..<min(ids.count, start + perPage)])
    }

    private func list(_ newestFirst: some Sequence<MattermostPostID>) -> MattermostPostList {
        let order = Array(newestFirst)
        var posts: [MattermostPostID: MattermostPost] = [:]
        for id in order { posts[id] = data.posts[id] }
        return MattermostPostList(order: order, posts: posts)
    }

    // MARK: Reactions

    /// `POST /reactions`: adds (idempotently) and sends `reaction_added`.
    func addReaction(userId: MattermostUserID, postId: MattermostPostID, emojiName: String, by actorId: MattermostUserID) throws(MattermostAPIError) -> MattermostReaction {
        guard userId == actorId else { throw .permissions }
        let post = try post(postId, for: actorId)
        guard isMember(post.channelId, actorId) || isAdmin(actorId) else { throw .permissions }
        if emojiName.isEmpty || emojiName.count > 64 {
            throw .invalid("model.reaction.is_valid.emoji_name.app_error", "Invalid emoji name.")
        }
        if let existing = data.reactions[postId]?.first(where: { $0.userId == userId && $0.emojiName == emojiName }) {
            return existing
        }
        let time = now()
        let reaction = MattermostReaction(userId: userId, postId: postId, emojiName: emojiName, createAt: time, updateAt: time, channelId: post.channelId)
        data.reactions[postId, default: []].append(reaction)
        data.posts[postId]?.hasReactions = true
        let all = data.reactions[postId]
        data.posts[postId]?.metadata.reactions = all
        publish("reaction_added", data: ["reaction": .string(jsonString(reaction))], broadcast: .init(channelId: post.channelId), to: members(of: post.channelId))
        return reaction
    }

    /// `DELETE /users/{uid}/posts/{pid}/reactions/{name}`: removes and sends `reaction_removed`.
    func removeReaction(userId: MattermostUserID, postId: MattermostPostID, emojiName: String, by actorId: MattermostUserID) throws(MattermostAPIError) {
        guard userId == actorId || isAdmin(actorId) else { throw .permissions }
        let post = try post(postId, for: actorId)
        guard let index = data.reactions[postId]?.firstIndex(where: { $0.userId == userId && $0.emojiName == emojiName }),
            let reaction = data.reactions[postId]?.remove(at: index)
        else { return }
        let remaining = data.reactions[postId] ?? []
        data.posts[postId]?.hasReactions = remaining.isEmpty ? nil : true
        data.posts[postId]?.metadata.reactions = remaining.isEmpty ? nil : remaining
        publish("reaction_removed", data: ["reaction": .string(jsonString(reaction))], broadcast: .init(channelId: post.channelId), to: members(of: post.channelId))
    }

    /// `GET /posts/{id}/reactions`.
    func reactions(postId: MattermostPostID, for userId: MattermostUserID) throws(MattermostAPIError) -> [MattermostReaction] {
        _ = try post(postId, for: userId)
        return data.reactions[postId] ?? []
    }
}
