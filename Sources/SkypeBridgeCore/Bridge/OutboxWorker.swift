import Foundation
import Logging

/// Sends the outbox: one lane per target chat sends that chat's rows in order, so a failing
/// chat waits (with backoff and jitter) without holding up the others. Rows written by an
/// earlier process, or that failed once, may have arrived anyway: before sending them the lane
/// asks the side (``ReconcilingSide``) for messages carrying their transaction ids, so nothing is
/// posted twice. The HTTP send API queues through ``submit(_:)``.
///
/// A lane working through a backlog marks its sent rows done in one transaction per
/// ``settleBatch`` sends (and always before it reads the outbox again, sends an edit or a delete,
/// waits, or stops), not one per send. A crash in between leaves those rows pending; the next
/// run finds them arrived and completes them without sending them again.
public actor OutboxWorker {
    private struct Lane: Hashable {
        var side: BridgeSideKind
        var chat: BridgeChatID
    }

    /// How failed sends are retried.
    public struct RetrySchedule: Sendable {
        /// The backoff ceiling of the first retry; doubled per failure.
        public var baseDelay: Duration
        /// The largest backoff ceiling.
        public var maxDelay: Duration
        /// Attempts before a row is given up.
        public var maxAttempts: Int

        /// Creates a schedule (defaults: 500 ms doubling to 60 s, 40 attempts).
        public init(baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(60), maxAttempts: Int = 40) {
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
            self.maxAttempts = maxAttempts
        }
    }

    private let outbox: Outbox
    private let intake: OutboxIntake
    private let links: MessageLinks
    private let sides: [BridgeSideKind: any BridgeSide]
    private let metrics: BridgeMetrics
    private let schedule: RetrySchedule
    private let maxFileSize: Int64
    private let logger: Logger
    private let startedAt = Date()
    /// Sent rows per lane whose completion is not written yet.
    private var unsettled: [Lane: [Outbox.Completion]] = [:]
    /// Sent rows whose completion could not be written: reconciled before any resend.
    private var sentUnrecorded: Set<TransactionID> = []
    private var lanes: [Lane: Task<Void, Never>] = [:]
    private var dirty: Set<Lane> = []
    private var reconciled: Set<TransactionID> = []
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    private var accepting = true

    /// The transactions sent lately, for the echo guard.
    public let sent = SentTransactions()

    /// The most sent rows a lane marks done in one transaction.
    public static let settleBatch = 32

    /// Creates a worker; nothing is sent before ``start()``.
    /// - Parameter maxFileSize: files larger than this are announced with a label, not copied.
    public init(
        outbox: Outbox, links: MessageLinks, sides: [any BridgeSide], metrics: BridgeMetrics, schedule: RetrySchedule = RetrySchedule(),
        maxFileSize: Int64 = ByteSize.mebibytes(50).bytes, logger: Logger
    ) {
        self.outbox = outbox
        self.intake = OutboxIntake(outbox: outbox)
        self.links = links
        self.sides = Dictionary(sides.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        self.metrics = metrics
        self.schedule = schedule
        self.maxFileSize = maxFileSize
        self.logger = logger
    }

    /// Starts a lane for every chat with pending rows (those of a previous run included).
    public func start() throws {
        for (side, chat) in try outbox.pendingChats() { wake(Lane(side: side, chat: chat)) }
    }

    /// Writes a row for `request` (and moves `cursors`) and wakes its lane.
    /// - Returns: false when the same transaction was queued before (nothing new is sent).
    @discardableResult
    public func enqueue(_ request: OutboxRequest, cursors: [CursorPosition] = []) throws -> Bool {
        try enqueue([request], cursors: cursors)
    }

    /// Writes rows for `requests` in one transaction, in order, and wakes their lanes.
    /// - Returns: whether any row was new.
    @discardableResult
    public func enqueue(_ requests: [OutboxRequest], cursors: [CursorPosition] = []) throws -> Bool {
        let inserted = try outbox.enqueue(requests, cursors: cursors)
        if inserted, accepting {
            for request in requests { wake(Lane(side: request.target, chat: request.message.chat)) }
        }
        return inserted
    }

    /// Queues a row from outside the relay (the HTTP send API) and returns once it is durable.
    /// Concurrent callers share one transaction (``OutboxIntake``) and never wait for this actor;
    /// the row's lane is woken afterwards.
    public nonisolated func submit(_ request: OutboxRequest) async throws {
        try await intake.write(request)
        Task { await self.wake(Lane(side: request.target, chat: request.message.chat)) }
    }

    /// Completes the row an echo belongs to (the echo may overtake the send's own answer).
    public func completeFromEcho(_ entry: OutboxEntry, remoteID: RemoteMessageID) throws {
        guard entry.isPending, entry.request.action == .post else { return }
        if try outbox.complete(entry, remoteID: remoteID, link: Self.link(for: entry, remoteID: remoteID)) {
            metrics.relayed(to: entry.request.target, latency: .seconds(Date().timeIntervalSince(entry.createdAt)))
        }
    }

    /// Waits until every lane is idle or `timeout` passed, then stops sending.
    /// - Returns: the number of rows still pending.
    public func drain(timeout: Duration) async -> Int {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitUntilIdle() }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
        stop()
        return (try? outbox.depth()) ?? 0
    }

    /// Stops every lane now; pending rows stay for the next run.
    public func stop() {
        for lane in unsettled.keys { settle(lane) }
        accepting = false
        for task in lanes.values { task.cancel() }
        lanes.removeAll()
        resumeIdleWaiters()
    }

    private func waitUntilIdle() async {
        if lanes.isEmpty { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    private func resumeIdleWaiters() {
        let waiters = idleWaiters
        idleWaiters.removeAll()
        for waiter in waiters { waiter.resume() }
    }

    private func wake(_ lane: Lane) {
        guard accepting else { return }
        if lanes[lane] != nil {
            dirty.insert(lane)
            return
        }
        lanes[lane] = Task { await self.run(lane) }
    }

    /// Called by a lane that found nothing to send: whether it must look again.
    private func laneIsEmpty(_ lane: Lane) -> Bool {
        if dirty.remove(lane) != nil, accepting { return true }
        lanes[lane] = nil
        if lanes.isEmpty { resumeIdleWaiters() }
        return false
    }

    private func run(_ lane: Lane) async {
        var log = logger
        log[metadataKey: "sb.side"] = "\(lane.side)"
        log[metadataKey: "sb.channel"] = "\(lane.chat)"
        defer { settle(lane) }
        while !Task.isCancelled {
            settle(lane)
            let batch: [OutboxEntry]
            do {
                batch = try outbox.pending(for: lane.side, chat: lane.chat)
            } catch {
                log.error("cannot read the outbox", metadata: ["sb.error": "\(error)"])
                try? await Task.sleep(for: schedule.maxDelay)
                continue
            }
            if batch.isEmpty {
                if laneIsEmpty(lane) { continue }
                return
            }
            guard let arrived = await reconcile(batch, lane: lane, logger: log) else {
                try? await Task.sleep(for: schedule.maxDelay / 10)
                continue
            }
            for entry in batch where !arrived.contains(entry.transactionID) {
                guard !Task.isCancelled else { return }
                let wait = entry.nextAttemptAt.timeIntervalSinceNow
                if entry.request.action != .post || wait > 0 { settle(lane) }
                if wait > 0 { try? await Task.sleep(for: .seconds(wait)) }
                guard await send(entry, in: lane, logger: log) else { break }
            }
        }
    }

    /// Asks the side which of the rows that may already have been sent did arrive, and completes them.
    /// - Returns: the transactions found to have arrived; nil when the side could not tell (those
    ///   rows are not sent before it can).
    private func reconcile(_ batch: [OutboxEntry], lane: Lane, logger: Logger) async -> Set<TransactionID>? {
        let uncertain = batch.filter {
            $0.request.action == .post && ($0.createdAt < startedAt || $0.attempts > 0 || sentUnrecorded.contains($0.transactionID))
                && !reconciled.contains($0.transactionID)
        }
        guard let first = uncertain.first, let side = sides[lane.side] as? any ReconcilingSide else { return [] }
        let since = uncertain.map(\.createdAt).min() ?? first.createdAt
        do {
            let found = try await side.sentMessages(
                with: Set(uncertain.map(\.transactionID)), in: lane.chat, since: since.addingTimeInterval(-120))
            for entry in uncertain {
                reconciled.insert(entry.transactionID)
                sentUnrecorded.remove(entry.transactionID)
                if let remoteID = found[entry.transactionID] {
                    try outbox.complete(entry, remoteID: remoteID, link: Self.link(for: entry, remoteID: remoteID))
                    logger.info("outbox row had already arrived", metadata: ["sb.txn": "\(entry.transactionID)", "sb.msg.id": "\(remoteID)"])
                }
            }
            return Set(found.keys)
        } catch {
            logger.warning("cannot check what already arrived; asking again later", metadata: ["sb.error": "\(error)"])
            return nil
        }
    }

    /// Sends one row; its completion waits in `lane`'s unsettled rows.
    /// - Returns: whether the lane may go on with the next row.
    private func send(_ entry: OutboxEntry, in lane: Lane, logger: Logger) async -> Bool {
        let request = entry.request
        do {
            guard let side = sides[request.target] else { throw BridgeError.missingSide(request.target) }
            let remoteID = try await perform(request, on: side)
            let link = request.action == .post ? Self.link(for: entry, remoteID: remoteID) : nil
            if request.action == .post { sent.insert(entry.transactionID, target: request.target) }
            unsettled[lane, default: []].append(Outbox.Completion(entry: entry, remoteID: remoteID, link: link))
            if unsettled[lane]?.count ?? 0 >= Self.settleBatch { settle(lane) }
            logger.debug("relayed", metadata: ["sb.txn": "\(entry.transactionID)", "sb.msg.id": "\(remoteID?.rawValue ?? "-")"])
            return true
        } catch is CancellationError {
            return false
        } catch {
            metrics.failed(to: request.target)
            return handleFailure(entry, error: error, logger: logger)
        }
    }

    /// Marks `lane`'s sent rows done in one transaction. A failed write leaves them pending:
    /// the lane's next read finds them, and reconciling finds them arrived.
    private func settle(_ lane: Lane) {
        guard let completions = unsettled.removeValue(forKey: lane), !completions.isEmpty else { return }
        do {
            let now = Date()
            for entry in try outbox.complete(completions, now: now) {
                metrics.relayed(to: entry.request.target, latency: .seconds(now.timeIntervalSince(entry.createdAt)))
            }
        } catch {
            for completion in completions {
                reconciled.remove(completion.entry.transactionID)
                sentUnrecorded.insert(completion.entry.transactionID)
            }
            logger.error("cannot mark sent rows done; checking them before sending again", metadata: ["sb.error": "\(error)"])
        }
    }

    private func perform(_ request: OutboxRequest, on side: any BridgeSide) async throws -> RemoteMessageID? {
        switch request.action {
        case .post:
            if let attachment = request.message.attachment {
                return try await send(request.message, copying: attachment, to: side)
            }
            return try await side.send(request.message)
        case .edit:
            guard let editing = side as? any EditingSide else { throw BridgeError.unsupported(action: "edit", side: side.kind) }
            let target = try copy(of: request)
            try await editing.edit(target, to: request.message)
            return target
        case .delete:
            guard let deleting = side as? any DeletingSide else { throw BridgeError.unsupported(action: "delete", side: side.kind) }
            let target = try copy(of: request)
            try await deleting.delete(target, in: request.message.chat)
            return target
        }
    }

    /// Copies `attachment` from the side that holds it through a private temporary file (never
    /// whole in memory) and posts it; a file over the limit, gone, or unusable is announced with
    /// a label instead. Transient failures are thrown, so the row is retried.
    private func send(_ message: OutgoingMessage, copying attachment: BridgeAttachment, to side: any BridgeSide) async throws -> RemoteMessageID {
        let limit = ByteSize(bytes: maxFileSize)
        guard let target = side as? any FileTransferringSide, let origin = sides[attachment.side] as? any FileTransferringSide else {
            return try await side.send(Self.labelled(message, attachment, reason: "files are not copied to \(side.kind)", for: side.kind))
        }
        if let size = attachment.size, size > maxFileSize {
            return try await side.send(Self.labelled(message, attachment, reason: "larger than \(limit)", for: side.kind))
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("skypebridge-\(UUID().uuidString)").path
        defer { unlink(path) }
        do {
            try await origin.download(attachment, to: path, maxBytes: maxFileSize)
        } catch HTTPError.tooLarge {
            return try await side.send(Self.labelled(message, attachment, reason: "larger than \(limit)", for: side.kind))
        } catch let error as any CategorizedError where [.notFound, .dataError].contains(error.category) {
            return try await side.send(Self.labelled(message, attachment, reason: "\(error)", for: side.kind))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        return try await target.send(message, file: LocalFile(path: path, name: attachment.name, size: size, isImage: attachment.isImage))
    }

    /// `message` with a line naming the file that was not copied, in the target's markup.
    static func labelled(_ message: OutgoingMessage, _ attachment: BridgeAttachment, reason: String, for target: BridgeSideKind) -> OutgoingMessage {
        let label = FormattedText([.text("📎 \(attachment.label) — not copied: \(reason)")])
        let rendered = target == .mattermost ? MattermostMarkdown.render(label) : SkypeRichText.render(label)
        var labelled = message
        labelled.attachment = nil
        labelled.body = message.body.isEmpty ? rendered : message.body + (target == .mattermost ? "\n" : "<br>") + rendered
        return labelled
    }

    private func copy(of request: OutboxRequest) throws -> RemoteMessageID {
        guard let origin = request.origin, let link = try links.link(of: origin.id, in: origin.chat, on: origin.side) else {
            throw BridgeError.notRelayed(request.origin?.id ?? RemoteMessageID(request.message.transactionID.rawValue))
        }
        return link.id(on: request.target)
    }

    /// Gives up on rows a retry cannot fix; schedules the others. - Returns: whether the lane goes on.
    private func handleFailure(_ entry: OutboxEntry, error: any Error, logger: Logger) -> Bool {
        reconciled.remove(entry.transactionID)
        let category = (error as? any CategorizedError)?.category ?? .failure
        let permanent = [.notFound, .dataError, .config].contains(category) || entry.attempts + 1 >= schedule.maxAttempts
        do {
            if permanent {
                try outbox.fail(entry, error: "\(error)")
                logger.error("relay failed for good", metadata: ["sb.txn": "\(entry.transactionID)", "sb.error": "\(error)"])
                return true
            }
            let ceiling = min(schedule.baseDelay * (1 << min(entry.attempts, 20)), schedule.maxDelay)
            let delay = ceiling * Double.random(in: 0.5...1)
            try outbox.retryLater(entry, at: Date().addingTimeInterval(delay.timeInterval), error: "\(error)")
            logger.warning("relay failed; retrying", metadata: ["sb.txn": "\(entry.transactionID)", "sb.error": "\(error)", "sb.retry.in": "\(delay)"])
        } catch {
            logger.error("cannot update the outbox", metadata: ["sb.error": "\(error)"])
        }
        return false
    }

    private static func link(for entry: OutboxEntry, remoteID: RemoteMessageID?) -> MessageLink? {
        guard let remoteID, let origin = entry.request.origin else { return nil }
        switch entry.request.target {
        case .skype: return MessageLink(skypeChat: entry.request.message.chat, skypeMessage: remoteID, mattermostPost: origin.id)
        case .mattermost: return MessageLink(skypeChat: origin.chat, skypeMessage: origin.id, mattermostPost: remoteID)
        }
    }
}
