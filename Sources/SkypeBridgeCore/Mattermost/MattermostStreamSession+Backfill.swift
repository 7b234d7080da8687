extension MattermostStreamSession {
    /// Delivers every post change since the last event time in each channel of `channels()`:
    /// deleted posts as deleted, posts new to the stream as posted, edits of posts it delivered
    /// before as edited. Changes from before the stream started are left out.
    func backfill() async {
        backfilling = true
        defer { backfilling = false }
        let since = (lastEventTime ?? 0) - options.backfillOverlap.milliseconds
        let threshold = max(since, (streamStart ?? 0) - 1)
        for channel in await channels() {
            guard let posts = await changedPosts(in: channel, since: since) else { continue }
            for post in posts {
                if post.deleteAt > 0 {
                    if post.deleteAt > threshold { deliver(.postDeleted(post)) }
                    continue
                }
                let new = post.createAt > threshold && deliver(.posted(post))
                if !new, post.editAt > threshold { deliver(.postEdited(post)) }
            }
        }
    }

    /// `posts(in:since:)`, tried three times; nil (logged) when it keeps failing.
    private func changedPosts(in channel: MattermostChannelID, since: Int64) async -> [MattermostPost]? {
        for attempt in 1...3 {
            do {
                return try await client.posts(in: channel, since: since)
            } catch {
                logger.warning(
                    "mattermost backfill failed", metadata: ["sb.mm.channel": "\(channel)", "sb.error": "\(error)", "sb.attempt": "\(attempt)"])
                if error is CancellationError { return nil }
                try? await Task.sleep(for: .milliseconds(250 * attempt))
            }
        }
        logger.error("mattermost backfill gave up; posts of the gap may be missing", metadata: ["sb.mm.channel": "\(channel)"])
        return nil
    }
}
