import Logging

/// Keeps the index post in the index channel: created once, then edited in place; its post ids
/// are kept in the `setting` table, so it is never duplicated.
public struct ChannelIndexPublisher: Sendable {
    /// What happened to the index post.
    public enum Outcome: String, Sendable, Hashable {
        case created, updated, unchanged
    }

    private let client: MattermostClient
    private let store: StateStore
    private let channel: MattermostChannel
    private let bot: MattermostUser
    private let logger: Logger

    /// A publisher posting as `bot` into `channel`.
    public init(client: MattermostClient, store: StateStore, channel: MattermostChannel, bot: MattermostUser, logger: Logger) {
        self.client = client
        self.store = store
        self.channel = channel
        self.bot = bot
        self.logger = logger
    }

    /// The `setting` key holding the index post ids of `channel` (first the root, then its
    /// continuation replies), separated by commas.
    public static func settingKey(for channel: MattermostChannelID) -> String {
        "channels.index_posts.\(channel.rawValue)"
    }

    /// Makes the index post read `pages`: edits the posts that differ, adds missing pages,
    /// deletes surplus ones; creates the post when it never existed or was deleted.
    /// - Parameter dryRun: only decide what would change.
    public func publish(_ pages: [String], dryRun: Bool) async throws -> Outcome {
        let key = Self.settingKey(for: channel.id)
        let storedIDs = (try store.setting(key) ?? "").split(separator: ",").map { MattermostPostID(rawValue: String($0)) }
        var posts: [MattermostPost] = []
        for id in storedIDs {
            guard let post = try await existingPost(id) else { break }
            posts.append(post)
        }
        let outcome: Outcome =
            posts.isEmpty ? .created
            : posts.count == pages.count && zip(posts, pages).allSatisfy({ $0.message == $1 }) ? .unchanged : .updated
        guard !dryRun, outcome != .unchanged else { return outcome }
        if posts.isEmpty { try await client.addMember(channel: channel.id, user: bot.id) }
        var ids: [MattermostPostID] = []
        for (index, page) in pages.enumerated() {
            if index < posts.count {
                if posts[index].message != page { _ = try await client.patchPost(id: posts[index].id, message: page) }
                ids.append(posts[index].id)
            } else {
                let post = try await client.createPost(NewMattermostPost(channelID: channel.id, message: page, rootID: ids.first))
                ids.append(post.id)
            }
        }
        for surplus in posts.dropFirst(pages.count) {
            try await client.deletePost(id: surplus.id)
        }
        try store.setSetting(key, to: ids.map(\.rawValue).joined(separator: ","))
        logger.info("index post \(outcome.rawValue)", metadata: ["sb.channel": "\(channel.name)", "sb.pages": "\(pages.count)"])
        return outcome
    }

    /// The post, nil when it was deleted.
    private func existingPost(_ id: MattermostPostID) async throws -> MattermostPost? {
        do {
            let post = try await client.post(id: id)
            return post.deleteAt == 0 ? post : nil
        } catch MattermostError.notFound {
            return nil
        }
    }
}
