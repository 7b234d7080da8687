import Foundation
import Logging
import Synchronization

/// The Skype account as a ``BridgeSide``: translates ``SkypeEvent``s into ``BridgeEvent``s and
/// ``OutgoingMessage``s into sends with the relay's transaction id as `clientmessageid`,
/// attributed with the `[bridge] skype_template`. Reconnecting, re-registering and filling
/// gaps while running is ``SkypeEventStream``'s job; this restarts the stream if it ever fails.
public final class SkypeSide: BridgeSide, EditingSide, DeletingSide, BackfillingSide, ReconcilingSide, ContactAcceptingSide {
    /// Always ``BridgeSideKind/skype``.
    public let kind = BridgeSideKind.skype

    private struct State {
        var account: SkypeUserID?
        var task: Task<Void, Never>?
        var continuation: AsyncStream<BridgeEvent>.Continuation?
        var announcedRequests: Set<SkypeUserID> = []
    }

    private let client: SkypeClient
    private let streamOptions: SkypeEventStream.Options
    private let template: AttributionTemplate
    private let contactPollInterval: Duration?
    private let logger: Logger
    private let state = Mutex(State())

    /// Creates the side.
    /// - Parameters:
    ///   - template: how a relayed message is attributed (`[bridge] skype_template`).
    ///   - contactPollInterval: how often pending contact requests are checked; nil never.
    public init(
        client: SkypeClient, streamOptions: SkypeEventStream.Options = SkypeEventStream.Options(), template: AttributionTemplate,
        contactPollInterval: Duration? = nil, logger: Logger
    ) {
        self.client = client
        self.streamOptions = streamOptions
        self.template = template
        self.contactPollInterval = contactPollInterval
        var logger = logger
        logger[metadataKey: "sb.side"] = "skype"
        self.logger = logger
    }

    /// Signs in (or reuses cached tokens) and learns the account's own id.
    public func connect() async throws {
        let account = try await client.session.credentials().userID
        state.withLock { $0.account = account }
    }

    /// Starts polling at once (events are buffered until read) and, when configured, checking
    /// contact requests; restarts the poll loop with backoff if it fails.
    public func events() -> AsyncStream<BridgeEvent> {
        let (stream, continuation) = AsyncStream<BridgeEvent>.makeStream(bufferingPolicy: .unbounded)
        let task = Task { [self] in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.pump(continuation) }
                if let interval = contactPollInterval {
                    group.addTask { await self.watchContactRequests(every: interval, continuation) }
                }
            }
            continuation.finish()
        }
        state.withLock {
            $0.task = task
            $0.continuation = continuation
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Sends RichText with the transaction id as `clientmessageid`, attributed by the template.
    public func send(_ message: OutgoingMessage) async throws -> RemoteMessageID {
        let sent = try await client.send(
            SkypeChatID(message.chat.rawValue), content: attributed(message), messageType: "RichText",
            clientMessageID: SkypeClientMessageID(message.transactionID.rawValue))
        return sent.id.map { RemoteMessageID($0.rawValue) } ?? RemoteMessageID(String(Int64(sent.arrival.timeIntervalSince1970 * 1000)))
    }

    /// Replaces the text of a message the account sent, attributed by the template.
    public func edit(_ id: RemoteMessageID, to message: OutgoingMessage) async throws {
        try await client.edit(SkypeChatID(message.chat.rawValue), message: SkypeMessageID(id.rawValue), content: attributed(message))
    }

    /// Deletes a message the account sent; one already gone is not an error.
    public func delete(_ id: RemoteMessageID, in chat: BridgeChatID) async throws {
        do {
            try await client.delete(SkypeChatID(chat.rawValue), message: SkypeMessageID(id.rawValue))
        } catch SkypeError.notFound {
            return
        }
    }

    /// The chat's text messages after `since`, from the conversation history.
    public func history(of chat: BridgeChatID, since: Date) async throws -> [BridgeEvent] {
        let account = try await ownAccount()
        return try await client.messages(in: SkypeChatID(chat.rawValue), since: since).compactMap { message in
            Self.bridgeMessage(message, account: account).map(BridgeEvent.message)
        }
    }

    /// The conversations whose last message arrived after `since`.
    public func activeChats(since: Date) async throws -> [BridgeChatID] {
        try await client.conversations().filter { ($0.lastActivity ?? .distantPast) > since }.map { BridgeChatID($0.id.rawValue) }
    }

    /// The account's messages in the history whose `clientmessageid` is one of `transactions`;
    /// none for a chat that has no history yet.
    public func sentMessages(with transactions: Set<TransactionID>, in chat: BridgeChatID, since: Date) async throws -> [TransactionID: RemoteMessageID] {
        let account = try await ownAccount()
        let history: [SkypeMessage]
        do {
            history = try await client.messages(in: SkypeChatID(chat.rawValue), since: since)
        } catch SkypeError.notFound {
            return [:]
        }
        var found: [TransactionID: RemoteMessageID] = [:]
        for message in history where message.sender == account {
            if let id = message.clientMessageID.map({ TransactionID($0.rawValue) }), transactions.contains(id) {
                found[id] = RemoteMessageID(message.id.rawValue)
            }
        }
        return found
    }

    /// Accepts the contact request of the other party of a 1:1 chat.
    public func acceptContact(_ chat: BridgeChatID) async throws {
        guard let user = SkypeChatID(chat.rawValue).user else { throw SkypeError.notFound("a 1:1 chat for contact request \(chat)") }
        try await client.acceptContactRequest(from: user)
    }

    /// Stops polling and ends the event stream.
    public func disconnect() async {
        let (task, continuation) = state.withLock { ($0.task, $0.continuation) }
        task?.cancel()
        continuation?.finish()
    }

    /// The text with the sender put in front by the template.
    private func attributed(_ message: OutgoingMessage) -> String {
        guard let sender = message.senderName else { return message.body }
        return template.apply(message: message.body, sender: sender, format: .skypeRichText)
    }

    private func ownAccount() async throws -> SkypeUserID {
        if let account = state.withLock({ $0.account }) { return account }
        try await connect()
        return try await ownAccount()
    }

    /// Feeds the event stream into `continuation`, starting it again (with backoff and jitter)
    /// if it fails, for example when the password is refused for a while.
    private func pump(_ continuation: AsyncStream<BridgeEvent>.Continuation) async {
        var failures = 0
        var connected = true
        while !Task.isCancelled {
            do {
                let account = try await ownAccount()
                if !connected { continuation.yield(.reconnected) }
                connected = true
                for try await event in SkypeEventStream(client: client, options: streamOptions, logger: logger) {
                    failures = 0
                    if let bridged = Self.bridgeEvent(event, account: account) { continuation.yield(bridged) }
                }
                return
            } catch {
                if Task.isCancelled { return }
                if connected { continuation.yield(.disconnected) }
                connected = false
                failures += 1
                let ceiling = min(Duration.seconds(1) * (1 << min(failures, 6)), .seconds(60))
                let delay = ceiling * Double.random(in: 0.5...1)
                logger.warning("skype events stopped; reconnecting", metadata: ["sb.error": "\(error)", "sb.retry.in": "\(delay)"])
                try? await Task.sleep(for: delay)
            }
        }
    }

    private func watchContactRequests(every interval: Duration, _ continuation: AsyncStream<BridgeEvent>.Continuation) async {
        while !Task.isCancelled {
            do {
                for request in try await client.contactRequests() {
                    let isNew = state.withLock { $0.announcedRequests.insert(request.user).inserted }
                    if isNew { continuation.yield(.contactRequest(chat: BridgeChatID(request.user.mri.rawValue), displayName: request.displayName)) }
                }
            } catch {
                logger.warning("cannot read contact requests", metadata: ["sb.error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }

    static func bridgeEvent(_ event: SkypeEvent, account: SkypeUserID) -> BridgeEvent? {
        switch event {
        case .message(let message): bridgeMessage(message, account: account).map(BridgeEvent.message)
        case .edited(let message): bridgeMessage(message, account: account).map(BridgeEvent.edited)
        case .deleted(let message): bridgeMessage(message, account: account, allowEmpty: true).map(BridgeEvent.deleted)
        default: nil
        }
    }

    /// The neutral form of a text message or a shared picture or file; nil for other kinds
    /// (calls, thread activity).
    static func bridgeMessage(_ message: SkypeMessage, account: SkypeUserID, allowEmpty: Bool = false) -> BridgeMessage? {
        let shared = SkypeAttachment.parse(content: message.content, messageType: message.messageType)
        guard message.messageType == "Text" || message.messageType == "RichText" || shared != nil else { return nil }
        guard allowEmpty || !message.content.isEmpty else { return nil }
        let text = shared != nil ? FormattedText([]) : message.messageType == "Text" ? plainText(message.content) : SkypeRichText.parse(message.content)
        let isOwn = message.sender == account
        let chatName = message.chat.isGroup ? message.threadTopic : (isOwn ? nil : message.senderName)
        return BridgeMessage(
            side: .skype, chat: BridgeChatID(message.chat.rawValue), id: RemoteMessageID(message.id.rawValue),
            sender: BridgeSender(id: message.sender.rawValue, displayName: message.senderName ?? message.sender.rawValue, isBridgeAccount: isOwn),
            text: text, time: message.arrival, transactionID: message.clientMessageID.map { TransactionID($0.rawValue) },
            chatName: chatName, version: SHA256.hex(SHA256.hash(Array(message.content.utf8)).prefix(8)),
            attachments: shared.map { [Self.attachment($0)] } ?? [])
    }

    /// A shared ASM object as the bridge keeps it: the reference is `kind|object id|object URL`.
    static func attachment(_ shared: SkypeAttachment) -> BridgeAttachment {
        BridgeAttachment(
            side: .skype, reference: [shared.kind.rawValue, shared.objectID, shared.objectURL].joined(separator: "|"), name: shared.name,
            size: shared.declaredSize, isImage: shared.kind == .picture)
    }

    private static func plainText(_ content: String) -> FormattedText {
        var spans: [FormattedText.Span] = []
        for (index, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { spans.append(.lineBreak) }
            if !line.isEmpty { spans.append(.text(String(line))) }
        }
        return FormattedText(spans)
    }
}

extension SkypeSide: FileTransferringSide {
    public func download(_ attachment: BridgeAttachment, to path: String, maxBytes: Int64) async throws {
        let parts = attachment.reference.split(separator: "|", maxSplits: 2).map(String.init)
        guard parts.count == 3, let kind = SkypeAttachment.Kind(rawValue: parts[0]) else {
            throw BridgeError.badFileReference(attachment.reference)
        }
        let shared = SkypeAttachment(kind: kind, objectID: parts[1], objectURL: parts[2], name: attachment.name, declaredSize: attachment.size)
        try await client.download(shared, to: path, maxBytes: maxBytes)
    }

    /// Posts the file as a picture or file message (Skype shows no caption or sender on those,
    /// so the router sends the text and attribution as a message of their own, first). A file
    /// the other side calls an image goes as a picture only when its bytes are one.
    public func send(_ message: OutgoingMessage, file: LocalFile) async throws -> RemoteMessageID {
        let named = (file.path as NSString).deletingLastPathComponent + "/" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: named, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: named) }
        let path = named + "/" + file.name
        try FileManager.default.linkItem(atPath: file.path, toPath: path)
        let sent = try await client.sendFile(
            SkypeChatID(message.chat.rawValue), path: path, kind: file.isImage && ImageFormat(contentsOf: path) != nil ? .picture : .file,
            clientMessageID: SkypeClientMessageID(message.transactionID.rawValue))
        return sent.id.map { RemoteMessageID($0.rawValue) } ?? RemoteMessageID(String(Int64(sent.arrival.timeIntervalSince1970 * 1000)))
    }
}
