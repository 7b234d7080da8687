import SkypeBridgeCore

/// Text and JSON for `channels sync`.
enum ChannelsSyncReport {
    static func print(_ report: ChannelSyncReport, to options: OutputOptions) throws {
        if options.json { return try options.output.jsonLine(Document(report)) }
        let verb: [ChannelSyncItem.Action: String] =
            report.dryRun ? [.created: "would create", .updated: "would update"] : [.created: "created", .updated: "updated"]
        for item in report.items where item.action != .unchanged {
            let changes = item.changes.isEmpty ? "" : " (" + item.changes.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ") + ")"
            try options.output.line("\(verb[item.action] ?? "") ~\(item.channelName) for \(item.chat.id) \"\(item.chat.displayName)\"\(changes)")
        }
        try options.output.line(report.summary)
    }

    /// The `--json` document.
    struct Document: Encodable {
        var dryRun: Bool
        var chats: Int
        var created: Int
        var updated: Int
        var unchanged: Int
        var index: String
        var indexChannel: String
        var channels: [Channel]

        enum CodingKeys: String, CodingKey {
            case dryRun = "dry_run", chats, created, updated, unchanged, index, indexChannel = "index_channel", channels
        }

        init(_ report: ChannelSyncReport) {
            dryRun = report.dryRun
            chats = report.items.count
            created = report.count(.created)
            updated = report.count(.updated)
            unchanged = report.count(.unchanged)
            index = report.index.rawValue
            indexChannel = report.indexChannel
            channels = report.items.map(Channel.init)
        }
    }

    /// One chat in the `--json` document.
    struct Channel: Encodable {
        var chat: String
        var displayName: String
        var channel: String
        var channelID: String?
        var action: String
        var changes: [String]

        enum CodingKeys: String, CodingKey {
            case chat, displayName = "display_name", channel, channelID = "channel_id", action, changes
        }

        init(_ item: ChannelSyncItem) {
            chat = item.chat.id.rawValue
            displayName = item.chat.displayName
            channel = item.channelName
            channelID = item.channelID?.rawValue
            action = item.action.rawValue
            changes = item.changes.map(\.rawValue)
        }
    }
}
