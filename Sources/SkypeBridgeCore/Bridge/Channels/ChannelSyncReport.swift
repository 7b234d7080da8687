/// What one `channels sync` did (or would do).
public struct ChannelSyncReport: Sendable, Hashable {
    /// One outcome per chat, in the order the chats were given.
    public var items: [ChannelSyncItem]
    /// What happened to the index post.
    public var index: ChannelIndexPublisher.Outcome
    /// The name of the channel holding the index post.
    public var indexChannel: String
    /// Whether nothing was changed on purpose.
    public var dryRun: Bool

    /// A report from its parts.
    public init(items: [ChannelSyncItem], index: ChannelIndexPublisher.Outcome, indexChannel: String, dryRun: Bool) {
        self.items = items
        self.index = index
        self.indexChannel = indexChannel
        self.dryRun = dryRun
    }

    /// How many chats had `action`.
    public func count(_ action: ChannelSyncItem.Action) -> Int {
        items.count { $0.action == action }
    }

    /// Whether the run changed (or would change) nothing at all.
    public var changedNothing: Bool {
        index == .unchanged && items.allSatisfy { $0.action == .unchanged }
    }

    /// The one-line summary: `12 chats, 0 created, 0 updated, index unchanged`; a dry run says
    /// `dry run: 12 chats, 1 to create, 0 to update, index to update`.
    public var summary: String {
        let chats = items.count == 1 ? "1 chat" : "\(items.count) chats"
        if dryRun {
            let index = self.index == .unchanged ? "index unchanged" : "index to \(self.index == .created ? "create" : "update")"
            return "dry run: \(chats), \(count(.created)) to create, \(count(.updated)) to update, \(index)"
        }
        return "\(chats), \(count(.created)) created, \(count(.updated)) updated, index \(index.rawValue)"
    }
}
