import Foundation
import Logging
import Synchronization

/// The Mattermost server as a ``BridgeSide``: translates ``MattermostEvent``s into
/// ``BridgeEvent``s and ``OutgoingMessage``s into posts carrying the relay's transaction id as
/// `pending_post_id` and as the ``transactionProp`` prop. Senders are shown with the
/// `override_username` prop (with `from_webhook`), and in direct and group channels — where
/// servers never show overrides — by the `**{sender}**: ` text prefix. Reconnecting, resuming
/// and backfilling while running is ``MattermostEventStream``'s job.
public final class MattermostSide: BridgeSide, EditingSide, DeletingSide, BackfillingSide, ReconcilingSide, MessageFetchingSide {
    /// The post prop holding the relay's transaction id.
    public static let transactionProp = "skypebridge_txn"

    /// Always ``BridgeSideKind/mattermost``.
    public let kind = BridgeSideKind.mattermost

    private struct State {
        var bot: MattermostUser?
        var users: [MattermostUserID: MattermostUser] = [:]
        var channelTypes: [MattermostChannelID: MattermostChannelType] = [:]
        var task: Task<Void, Never>?
        var stream: MattermostEventStream?
        var continuation: AsyncStream<BridgeEvent>.Continuation?
    }

    private let client: MattermostClient
    private let websocketURL: URL
    private let template: AttributionTemplate
    private let renderOptions: MattermostRenderOptions
    private let channels: @Sendable () async -> [BridgeChatID]
    private let logger: Logger
    private let state = Mutex(State())

    /// Creates the side.
    /// - Parameters:
    ///   - template: `[bridge] mattermost_template`, applied to every relayed post.
    ///   - mentions: `[bridge.mentions]`, so an `@username` of a mapped person becomes a Skype mention.
    ///   - channels: the bridged channels, which the stream backfills after losing events.
    public init(
        client: MattermostClient, websocketURL: URL, template: AttributionTemplate, allowMassMentions: Bool,
        mentions: MentionResolver = .unmapped, channels: @escaping @Sendable () async -> [BridgeChatID], logger: Logger
    ) {
        self.client = client
        self.websocketURL = websocketURL
        self.template = template
        self.renderOptions = MattermostRenderOptions(mentions: mentions, allowsChannelWideMentions: allowMassMentions)
        self.channels = channels
        var logger = logger
        logger[metadataKey: "sb.side"] = "mattermost"
        self.logger = logger
    }

    /// Checks the token and learns the bridge's own user.
    public func connect() async throws {
        let bot = try await client.me()
        state.withLock { $0.bot = bot }
    }

    /// Opens the WebSocket at once (events are buffered until read); posts, edits and deletes
    /// become bridge events, the stream's reconnects ``BridgeEvent/reconnected``.
    public func events() -> AsyncStream<BridgeEvent> {
        let (stream, continuation) = AsyncStream<BridgeEvent>.makeStream(bufferingPolicy: .unbounded)
        let channels = channels
        let source = MattermostEventStream(
            client: client, websocketURL: websocketURL, token: client.token,
            channels: { await channels().map { MattermostChannelID($0.rawValue) } }, logger: logger)
        let task = Task { [self] in
            for await event in source {
                if let bridged = await bridgeEvent(event) { continuation.yield(bridged) }
            }
            continuation.finish()
        }
        state.withLock {
            $0.task = task
            $0.stream = source
            $0.continuation = continuation
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Creates the post (under the root of `replyTo`'s thread), de-duplicated by `pending_post_id`.
    public func send(_ message: OutgoingMessage) async throws -> RemoteMessageID {
        let channel = MattermostChannelID(message.chat.rawValue)
        var root: MattermostPostID?
        if let parent = message.replyTo {
            let post = try await client.post(id: MattermostPostID(parent.rawValue))
            root = post.rootID ?? post.id
        }
        let post = try await client.createPost(NewMattermostPost(
            channelID: channel, message: try await attributed(message), rootID: root, props: props(for: message),
            pendingPostID: message.transactionID.rawValue))
        return RemoteMessageID(post.id.rawValue)
    }

    /// Replaces the message of a post the bridge made (its props stay).
    public func edit(_ id: RemoteMessageID, to message: OutgoingMessage) async throws {
        _ = try await client.patchPost(id: MattermostPostID(id.rawValue), message: try await attributed(message))
    }

    /// Deletes a post; one already gone is not an error.
    public func delete(_ id: RemoteMessageID, in chat: BridgeChatID) async throws {
        do {
            try await client.deletePost(id: MattermostPostID(id.rawValue))
        } catch MattermostError.notFound {
            return
        }
    }

    /// The posts created, edited or deleted after `since` (`posts?since=`), as events.
    public func history(of chat: BridgeChatID, since: Date) async throws -> [BridgeEvent] {
        let start = Int64((since.timeIntervalSince1970 * 1000).rounded(.down))
        var events: [BridgeEvent] = []
        for post in try await client.posts(in: MattermostChannelID(chat.rawValue), since: start) {
            let message = try await bridgeMessage(post)
            if post.deleteAt > 0 {
                if post.createAt <= start { events.append(.deleted(message)) }
            } else if post.createAt > start {
                events.append(.message(message))
            } else if post.editAt > start {
                events.append(.edited(message))
            }
        }
        return events
    }

    /// Every bridged channel (the server has no cheaper "active since" query).
    public func activeChats(since: Date) async throws -> [BridgeChatID] {
        await channels()
    }

    /// The bridge's posts since `since` whose transaction prop is one of `transactions`.
    public func sentMessages(with transactions: Set<TransactionID>, in chat: BridgeChatID, since: Date) async throws -> [TransactionID: RemoteMessageID] {
        let bot = try await botUser()
        let start = Int64((since.timeIntervalSince1970 * 1000).rounded(.down))
        var found: [TransactionID: RemoteMessageID] = [:]
        for post in try await client.posts(in: MattermostChannelID(chat.rawValue), since: start) where post.userID == bot.id {
            if let transaction = Self.transaction(of: post), transactions.contains(transaction) {
                found[transaction] = RemoteMessageID(post.id.rawValue)
            }
        }
        return found
    }

    /// The post `id`, nil when it is gone.
    public func message(_ id: RemoteMessageID, in chat: BridgeChatID) async throws -> BridgeMessage? {
        do {
            return try await bridgeMessage(try await client.post(id: MattermostPostID(id.rawValue)))
        } catch MattermostError.notFound {
            return nil
        }
    }

    /// Closes the WebSocket and ends the event stream.
    public func disconnect() async {
        let (task, stream, continuation) = state.withLock { ($0.task, $0.stream, $0.continuation) }
        await stream?.close()
        task?.cancel()
        continuation?.finish()
    }

    /// The text as posted: the template applied, and in direct and group channels the sender
    /// put in front (the server shows no override there).
    private func attributed(_ message: OutgoingMessage) async throws -> String {
        guard let sender = message.senderName else { return message.body }
        var text = template.apply(message: message.body, sender: sender, format: .mattermostMarkdown, options: renderOptions)
        let type = try await channelType(MattermostChannelID(message.chat.rawValue))
        if type == .direct || type == .group, !template.template.contains("{sender}") {
            text = AttributionTemplate.mattermostDefault.apply(message: text, sender: sender, format: .mattermostMarkdown, options: renderOptions)
        }
        return text
    }

    private func props(for message: OutgoingMessage) -> [String: JSONValue] {
        var props: [String: JSONValue] = [Self.transactionProp: .string(message.transactionID.rawValue)]
        if let sender = message.senderName {
            props["from_webhook"] = .string("true")
            props["override_username"] = .string(sender)
        }
        return props
    }

    private func channelType(_ channel: MattermostChannelID) async throws -> MattermostChannelType {
        if let known = state.withLock({ $0.channelTypes[channel] }) { return known }
        let type = try await client.channel(id: channel).type
        state.withLock { $0.channelTypes[channel] = type }
        return type
    }

    private func botUser() async throws -> MattermostUser {
        if let bot = state.withLock({ $0.bot }) { return bot }
        try await connect()
        return try await botUser()
    }

    private func bridgeEvent(_ event: MattermostEvent) async -> BridgeEvent? {
        do {
            switch event {
            case .posted(let post): return .message(try await bridgeMessage(post))
            case .postEdited(let post):
                if post.deleteAt > 0 { return .deleted(try await bridgeMessage(post)) }
                return post.editAt > 0 ? .edited(try await bridgeMessage(post)) : nil
            case .postDeleted(let post): return .deleted(try await bridgeMessage(post))
            case .disconnected: return .disconnected
            case .reconnected: return .reconnected
            default: return nil
            }
        } catch {
            logger.warning("cannot read a post's author", metadata: ["sb.error": "\(error)"])
            return nil
        }
    }

    /// The neutral form of a post: the sender's id is their username; their name is the override
    /// a bridge put on the post, else their display name.
    private func bridgeMessage(_ post: MattermostPost) async throws -> BridgeMessage {
        let bot = try await botUser()
        let author = try await user(post.userID)
        return BridgeMessage(
            side: .mattermost, chat: BridgeChatID(post.channelID.rawValue), id: RemoteMessageID(post.id.rawValue),
            sender: BridgeSender(
                id: author.username, displayName: post.props["override_username"]?.string ?? author.displayName, isBridgeAccount: post.userID == bot.id),
            text: MattermostMarkdown.parse(post.message, mentions: renderOptions.mentions),
            time: Date(timeIntervalSince1970: Double(max(post.updateAt, post.createAt)) / 1000),
            transactionID: Self.transaction(of: post), replyTo: post.rootID.map { RemoteMessageID($0.rawValue) },
            isSystem: post.isSystem, version: String(post.editAt), attachments: try await attachments(of: post))
    }

    /// The files of a post, named and sized from their file infos.
    private func attachments(of post: MattermostPost) async throws -> [BridgeAttachment] {
        guard post.deleteAt == 0 else { return [] }
        var attachments: [BridgeAttachment] = []
        for id in post.fileIDs {
            let info = try await client.fileInfo(id: id)
            attachments.append(BridgeAttachment(
                side: .mattermost, reference: id.rawValue, name: info.name, size: info.size, isImage: info.mimeType.hasPrefix("image/")))
        }
        return attachments
    }

    private func user(_ id: MattermostUserID) async throws -> MattermostUser {
        if let known = state.withLock({ $0.users[id] }) { return known }
        let user = try await client.user(id: id)
        state.withLock { $0.users[id] = user }
        return user
    }

    private static func transaction(of post: MattermostPost) -> TransactionID? {
        (post.props[transactionProp]?.string ?? post.pendingPostID).map { TransactionID($0) }
    }
}

extension MattermostSide: FileTransferringSide {
    public func download(_ attachment: BridgeAttachment, to path: String, maxBytes: Int64) async throws {
        try await client.downloadFile(id: MattermostFileID(attachment.reference), to: path, maxBytes: maxBytes)
    }

    /// Uploads the file to the channel and posts it with the (attributed) text as its caption.
    public func send(_ message: OutgoingMessage, file: LocalFile) async throws -> RemoteMessageID {
        let channel = MattermostChannelID(message.chat.rawValue)
        let uploaded = try await client.uploadFile(channel: channel, path: file.path, name: file.name)
        let post = try await client.createPost(NewMattermostPost(
            channelID: channel, message: try await attributed(message), fileIDs: [uploaded.id], props: props(for: message),
            pendingPostID: message.transactionID.rawValue))
        return RemoteMessageID(post.id.rawValue)
    }
}
