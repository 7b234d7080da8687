import Foundation
import Logging

/// Decides what is relayed where (matterbridge's gateway router): every event of one side goes,
/// converted, to the linked chat of the other side — never back to its origin — through the
/// outbox. Events of one side must be handed in order and one at a time (``run()`` does); the
/// two sides run concurrently. A failure is logged and concerns one event of one chat only.
public struct BridgeRouter: Sendable {
    private let sides: [BridgeSideKind: any BridgeSide]
    private let channels: any ChannelMap
    private let worker: OutboxWorker
    private let outbox: Outbox
    private let links: MessageLinks
    private let cursors: Cursors
    private let echoGuard: EchoGuard
    private let settings: BridgeSettings
    private let metrics: BridgeMetrics
    private let health: BridgeHealth
    private let logger: Logger

    /// Creates a router over two sides and the state store's tables; `health` follows each
    /// side's disconnects and reconnects.
    public init(
        sides: [any BridgeSide], channels: any ChannelMap, worker: OutboxWorker, store: StateStore, settings: BridgeSettings,
        metrics: BridgeMetrics, health: BridgeHealth, logger: Logger
    ) {
        self.sides = Dictionary(sides.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        self.channels = channels
        self.worker = worker
        self.outbox = Outbox(store: store)
        self.links = MessageLinks(store: store)
        self.cursors = Cursors(store: store)
        self.echoGuard = EchoGuard(
            outbox: outbox, sent: worker.sent, links: links, relayOwnMessages: settings.relayOwnMessages, ignoredSenders: settings.ignoreSenders)
        self.settings = settings
        self.metrics = metrics
        self.health = health
        self.logger = logger
    }

    /// Subscribes to every side, catches up from the cursors (``backfill()``), then relays live
    /// events until every side's stream ends (after ``BridgeSide/disconnect()``) or the task is cancelled.
    public func run() async {
        let streams = sides.values.map { ($0.kind, $0.events()) }
        await backfill()
        await withTaskGroup(of: Void.self) { group in
            for (kind, stream) in streams {
                group.addTask {
                    for await event in stream {
                        switch event {
                        case .disconnected: health.set(kind, connected: false)
                        case .reconnected:
                            metrics.reconnected(kind)
                            health.set(kind, connected: true)
                        default: await handle(event, from: kind)
                        }
                    }
                }
            }
        }
    }

    /// Relays what happened while the bridge was not running: for each side that can read its
    /// history, the events after each chat's cursor (chats active since the side's last
    /// position included). On the very first run there is nothing to catch up: the side's
    /// position starts now.
    public func backfill() async {
        for side in sides.values {
            guard let history = side as? any BackfillingSide else { continue }
            do {
                let positions = try cursors.positions(of: side.kind)
                guard let overall = positions.first(where: { $0.chat == CursorPosition.anyChat })?.time else {
                    try outbox.advance([CursorPosition(side: side.kind, chat: CursorPosition.anyChat, time: Date())])
                    continue
                }
                var since: [BridgeChatID: Date] = [:]
                for position in positions where position.chat != CursorPosition.anyChat { since[position.chat] = position.time }
                for chat in try await history.activeChats(since: overall) where since[chat] == nil { since[chat] = overall }
                for (chat, start) in since.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    await backfill(chat, of: history, since: start)
                }
            } catch {
                logger.warning("cannot catch up; live events only", metadata: ["sb.side": "\(side.kind)", "sb.error": "\(error)"])
            }
        }
    }

    private func backfill(_ chat: BridgeChatID, of side: any BackfillingSide, since: Date) async {
        do {
            let events = try await side.history(of: chat, since: since)
            if !events.isEmpty {
                logger.info("catching up", metadata: ["sb.side": "\(side.kind)", "sb.channel": "\(chat)", "sb.count": "\(events.count)"])
            }
            for event in events { await handle(event, from: side.kind) }
        } catch {
            logger.warning("cannot catch up on a chat", metadata: ["sb.side": "\(side.kind)", "sb.channel": "\(chat)", "sb.error": "\(error)"])
        }
    }

    /// Handles one event of `side`; failures are logged, never thrown.
    public func handle(_ event: BridgeEvent, from side: BridgeSideKind) async {
        do {
            switch event {
            case .message(let message): try await relay(message, action: .post)
            case .edited(let message): try await relay(message, action: .edit)
            case .deleted(let message): try await relay(message, action: .delete)
            case .contactRequest(let chat, let name): try await accept(chat, name: name, on: side)
            case .disconnected, .reconnected: break
            }
        } catch {
            logger.error("cannot relay an event", metadata: ["sb.side": "\(side)", "sb.error": "\(error)"])
        }
    }

    private func relay(_ message: BridgeMessage, action: OutboxRequest.Action) async throws {
        let verdict = action == .post ? try echoGuard.check(message) : try echoGuard.checkChange(message)
        switch verdict {
        case .echo(let entry):
            if action == .post, let entry { try await worker.completeFromEcho(entry, remoteID: message.id) }
            return
        case .drop(let reason):
            metrics.dropped(reason: reason)
            return
        case .relay:
            break
        }
        guard let target = try await counterpart(of: message) else {
            metrics.dropped(reason: "unmapped")
            return
        }
        let key = [action.rawValue, message.side.rawValue, message.chat.rawValue, message.id.rawValue, action == .edit ? message.version : ""]
        var outgoing = OutgoingMessage(
            transactionID: .derived(from: key.joined(separator: "|"), for: message.side.other), chat: target, body: "",
            senderName: message.sender.displayName)
        if action != .delete { try await convert(message, into: &outgoing) }
        let parts = action == .delete ? [] : Self.split(outgoing.body, for: message.side.other)
        if let first = parts.first { outgoing.body = first }
        var files = action == .post ? message.attachments : []
        if message.side == .skype, !files.isEmpty {
            outgoing.attachment = files.removeFirst()
        } else if !files.isEmpty, message.text.spans.isEmpty {
            outgoing.body = SkypeRichText.render(FormattedText([.text("📎 " + files.map(\.label).joined(separator: ", "))]))
        }
        let request = OutboxRequest(
            action: action, target: message.side.other, message: outgoing, origin: MessageOrigin(side: message.side, chat: message.chat, id: message.id))
        let partRequests: [OutboxRequest] = action != .post ? [] : parts.dropFirst().enumerated().map { index, part in
            OutboxRequest(action: .post, target: message.side.other, message: OutgoingMessage(
                transactionID: .derived(from: (key + ["part", String(index + 2)]).joined(separator: "|"), for: message.side.other),
                chat: target, body: part, senderName: outgoing.senderName, replyTo: outgoing.replyTo))
        }
        let fileRequests = files.enumerated().map { index, file in
            OutboxRequest(action: .post, target: message.side.other, message: OutgoingMessage(
                transactionID: .derived(from: (key + ["file", String(index)]).joined(separator: "|"), for: message.side.other), chat: target,
                body: "", attachment: file))
        }
        try await worker.enqueue([request] + partRequests + fileRequests, cursors: [
            CursorPosition(side: message.side, chat: message.chat, time: message.time),
            CursorPosition(side: message.side, chat: CursorPosition.anyChat, time: message.time),
        ])
    }

    /// Room left in each part for the sender attribution the target side adds.
    static let attributionAllowance = 512

    /// A rendered message in parts that each fit the target side's limit, attribution included.
    /// A new message is posted as all its parts, in order, each attributed; message links point
    /// at the first part, so an edit changes the first part (to the new text's first part) and a
    /// delete removes it.
    static func split(_ body: String, for target: BridgeSideKind) -> [String] {
        let format: MessageFormat = target == .mattermost ? .mattermostMarkdown : .skypeRichText
        let maximum = target == .mattermost ? MattermostMarkdown.maximumPostLength : SkypeRichText.maximumMessageLength
        return MessageSplitter(format: format, limit: maximum - attributionAllowance).split(body)
    }

    private func counterpart(of message: BridgeMessage) async throws -> BridgeChatID? {
        switch message.side {
        case .skype: try await channels.mattermostChannel(for: message.chat, name: message.chatName, create: settings.autoCreateChannels)
        case .mattermost: try await channels.skypeChat(for: message.chat)
        }
    }

    /// Renders the text for the other side; a quote of a relayed Skype message becomes a
    /// Mattermost thread reply, a Mattermost reply becomes a Skype quote of its parent.
    private func convert(_ message: BridgeMessage, into outgoing: inout OutgoingMessage) async throws {
        var spans = message.text.spans
        switch message.side {
        case .skype:
            if case .quote(let source, _)? = spans.first, let seconds = source.timestamp,
               let link = try links.skypeMessage(in: message.chat, sentDuringSecond: seconds) {
                spans.removeFirst()
                if case .lineBreak? = spans.first { spans.removeFirst() }
                outgoing.replyTo = link.mattermostPost
            }
            let options = MattermostRenderOptions(mentions: settings.mentionResolver, allowsChannelWideMentions: settings.allowMassMentions)
            outgoing.body = MattermostMarkdown.render(FormattedText(spans), options: options)
        case .mattermost:
            if let parent = message.replyTo, let quote = try await quote(of: parent, in: message.chat, skypeChat: outgoing.chat) {
                spans.insert(quote, at: 0)
            }
            outgoing.body = SkypeRichText.render(FormattedText(spans))
        }
    }

    /// The Skype quote of the Mattermost post `parent`, when it was relayed.
    private func quote(of parent: RemoteMessageID, in channel: BridgeChatID, skypeChat: BridgeChatID) async throws -> FormattedText.Span? {
        guard let link = try links.link(of: parent, in: channel, on: .mattermost),
              let fetching = sides[.mattermost] as? any MessageFetchingSide,
              let original = try await fetching.message(parent, in: channel)
        else { return nil }
        let chat = SkypeChatID(skypeChat.rawValue)
        let source = QuoteSource(
            authorName: original.sender.displayName, conversation: chat.user?.rawValue ?? chat.rawValue,
            timestamp: Int64(link.skypeMessage.rawValue).map { $0 / 1000 })
        return .quote(source, original.text.spans)
    }

    private func accept(_ chat: BridgeChatID, name: String?, on side: BridgeSideKind) async throws {
        guard settings.autoAcceptFriends, let accepting = sides[side] as? any ContactAcceptingSide else { return }
        try await accepting.acceptContact(chat)
        logger.info("contact request accepted", metadata: ["sb.channel": "\(chat)"])
        if side == .skype {
            _ = try await channels.mattermostChannel(for: chat, name: name, create: settings.autoCreateChannels)
        }
    }
}
