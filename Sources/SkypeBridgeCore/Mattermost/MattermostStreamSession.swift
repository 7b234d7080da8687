import Foundation
import Logging
import Synchronization
import WSClient

/// The state behind a ``MattermostEventStream``: the connection loop, the resume position
/// (`connection_id`, next `seq`), the last event time and the de-duplication memory.
actor MattermostStreamSession {
    /// What one socket has seen so far.
    private struct Socket {
        /// Whether this socket asked to resume a previous connection.
        var resuming: Bool
        /// Whether the upgrade succeeded.
        var opened = false
        /// Whether a `hello` arrived on it.
        var sawHello = false
        /// Whether it is registered (hello received, or resume confirmed).
        var established = false
        /// The last action `seq` used on it.
        var lastActionSeq = 0
        /// The `seq` of the ping sent right after connecting, whose reply confirms a resume.
        var probeSeq = 0
        /// The `seq` of the ping still waiting for its reply.
        var pendingPing: Int?
    }

    let client: MattermostClient
    let websocketURL: URL
    private let token: String
    let channels: @Sendable () async -> [MattermostChannelID]
    let options: MattermostEventStream.Options
    private let output: AsyncStream<MattermostEvent>.Continuation
    let logger: Logger
    private let connected = Mutex(false)

    var connectionID: String?
    var nextSeq = 0
    private var everEstablished = false
    /// Server time (ms) up to which every event has been received.
    var lastEventTime: Int64?
    /// Server time (ms) when the stream first registered; backfills never reach before it.
    var streamStart: Int64?
    private var deduplicator = MattermostEventDeduplicator()
    private var socket = Socket(resuming: false)
    private var outbound: WebSocketOutboundWriter?
    var backfilling = false
    /// The number of the current connection attempt; sockets of older (abandoned) attempts are closed.
    private var attempt = 0
    /// Resumed with true when the current attempt's socket opens, false when it ends or times out first.
    private var openWaiter: CheckedContinuation<Bool, Never>?
    /// Set by ``stop()``: no further connection is made or kept.
    private var stopped = false

    init(
        client: MattermostClient, websocketURL: URL, token: String, channels: @escaping @Sendable () async -> [MattermostChannelID],
        options: MattermostEventStream.Options, output: AsyncStream<MattermostEvent>.Continuation, logger: Logger
    ) {
        self.client = client
        self.websocketURL = websocketURL
        self.token = token
        self.channels = channels
        self.options = options
        self.output = output
        self.logger = logger
    }

    /// Whether a socket is connected and registered.
    nonisolated var isConnected: Bool {
        connected.withLock { $0 }
    }

    /// Connects, and reconnects after every loss with backoff, until cancelled; then ends the output.
    func run() async {
        var failures = 0
        while !Task.isCancelled, !stopped {
            let established = await withTaskCancellationHandler {
                await connectOnce()
            } onCancel: {
                Task { await self.stop() }
            }
            guard !Task.isCancelled, !stopped else { break }
            if established { output.yield(.disconnected) }
            failures = established ? 1 : failures + 1
            let delay = options.reconnect.delay(afterFailures: failures)
            logger.info("mattermost websocket disconnected; reconnecting", metadata: ["sb.mm.retry_in_ms": "\(delay.milliseconds)"])
            try? await Task.sleep(for: delay)
        }
        output.finish()
    }

    /// Stops for good: gives up a pending connection attempt and closes the current socket.
    func stop() async {
        stopped = true
        settleOpen(false)
        try? await outbound?.close(.normalClosure, reason: nil)
    }

    /// Sends `user_typing` on the current socket.
    func sendTyping(channel: MattermostChannelID, parent: MattermostPostID?) async {
        guard socket.established else { return }
        await sendAction("user_typing", data: ["channel_id": .string(channel.rawValue), "parent_id": .string(parent?.rawValue ?? "")])
    }

    // MARK: One connection

    /// One socket from connect to close. Returns whether it got registered.
    private func connectOnce() async -> Bool {
        let resuming = connectionID != nil && options.authenticateOnUpgrade
        socket = Socket(resuming: resuming)
        var configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 24)
        if options.authenticateOnUpgrade { configuration.additionalHeaders[.authorization] = "Bearer \(token)" }
        let url = socketURL(resuming: resuming)
        var proxy: WebSocketProxySettings?
        if let proxyURL = options.proxy {
            proxy = Self.proxySettings(proxyURL)
            guard proxy != nil else {
                logger.error("mattermost websocket proxy must be an http or socks5 url", metadata: ["sb.mm.proxy": "\(Redaction.redactedURL(proxyURL.absoluteString))"])
                return false
            }
        }
        attempt += 1
        let current = attempt
        let handler: WebSocketDataHandler<WebSocketClient.Context> = { inbound, outbound, _ in
            try await self.serve(inbound: inbound, outbound: outbound, attempt: current)
        }
        let (logger, websocketURL) = (logger, websocketURL)
        // The upgrade itself has no time limit in WSClient and cannot be cancelled, so it runs in
        // its own task: an attempt that does not open in time is abandoned (its socket, should it
        // open later, is closed at once).
        let connection = Task {
            do {
                if let proxy {
                    try await WebSocketClient.connect(url: url, configuration: configuration, proxySettings: proxy, logger: logger, handler: handler)
                } else {
                    try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger, handler: handler)
                }
            } catch is CancellationError {
                logger.debug("mattermost websocket closed: stopping")
            } catch {
                logger.warning("mattermost websocket failed", metadata: ["sb.error": "\(error)", "sb.mm.url": "\(websocketURL)"])
            }
            self.connectionEnded(attempt: current)
        }
        let timeout = options.connectTimeout
        let timer = Task {
            try? await Task.sleep(for: timeout)
            self.connectionTimedOut(attempt: current)
        }
        let opened = await withCheckedContinuation { waiter in
            if stopped { waiter.resume(returning: false) } else { openWaiter = waiter }
        }
        timer.cancel()
        if opened {
            await connection.value
        } else if !socket.opened {
            attempt += 1
        }
        outbound = nil
        connected.withLock { $0 = false }
        if resuming, socket.opened, !socket.established {
            logger.info("mattermost websocket refused the resume; starting a new connection", metadata: ["sb.mm.connection": "\(connectionID ?? "")"])
            connectionID = nil
        }
        return socket.established
    }

    private func connectionEnded(attempt ended: Int) {
        if ended == attempt { settleOpen(false) }
    }

    private func connectionTimedOut(attempt timedOut: Int) {
        guard timedOut == attempt, !socket.opened, openWaiter != nil else { return }
        logger.warning("mattermost websocket did not open in time; trying again", metadata: ["sb.mm.url": "\(websocketURL)"])
        settleOpen(false)
    }

    private func settleOpen(_ opened: Bool) {
        openWaiter?.resume(returning: opened)
        openWaiter = nil
    }

    private nonisolated func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, attempt: Int) async throws {
        guard await opened(outbound, attempt: attempt) else {
            try? await outbound.close(.normalClosure, reason: nil)
            return
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: self.options.pingInterval)
                    guard await self.pingTick() else {
                        self.logger.warning("mattermost websocket ping unanswered; reconnecting")
                        try? await outbound.close(.normalClosure, reason: nil)
                        return
                    }
                }
            }
            for try await message in inbound.messages(maxSize: 1 << 24) {
                guard case .text(let text) = message else { continue }
                guard await receive(text) else {
                    try? await outbound.close(.normalClosure, reason: nil)
                    break
                }
            }
            group.cancelAll()
        }
    }

    /// A socket is up: send the challenge (ignored by the server when the upgrade carried the
    /// token) and a ping whose reply confirms a resume and gives the server's time. False for the
    /// socket of an abandoned attempt.
    private func opened(_ writer: WebSocketOutboundWriter, attempt opening: Int) async -> Bool {
        guard opening == attempt, !stopped else { return false }
        outbound = writer
        socket.opened = true
        settleOpen(true)
        await sendAction("authentication_challenge", data: ["token": .string(token)])
        await sendAction("ping", data: [:])
        socket.probeSeq = socket.lastActionSeq
        socket.pendingPing = socket.lastActionSeq
        return true
    }

    /// Sends the next `ping` action; false when the previous one is still unanswered.
    private func pingTick() async -> Bool {
        guard !backfilling else { return true }
        guard socket.pendingPing == nil else { return false }
        await sendAction("ping", data: [:])
        socket.pendingPing = socket.lastActionSeq
        return true
    }

    private func sendAction(_ action: String, data: [String: JSONValue]) async {
        guard let outbound else { return }
        socket.lastActionSeq += 1
        let frame = JSONValue.object(["seq": .number(Double(socket.lastActionSeq)), "action": .string(action), "data": .object(data)])
        guard let text = try? frame.jsonString() else { return }
        try? await outbound.write(.text(text))
    }

    /// Handles one frame; false when the socket must be dropped (sequence gap, lost session).
    private func receive(_ text: String) async -> Bool {
        guard let frame = MattermostSocketFrame(text: text) else { return true }
        switch frame {
        case .reply(let seq, let ok, let data, let errorID):
            if !ok, errorID.contains("not_authenticated") { return false }
            if seq == socket.pendingPing {
                socket.pendingPing = nil
                if let time = data["server_time"]?.number {
                    advance(to: Int64(time))
                    if seq == socket.probeSeq, !socket.resuming, streamStart == nil { streamStart = Int64(time) }
                }
            }
            if seq == socket.probeSeq, socket.resuming, !socket.sawHello, !socket.established {
                registered()
                logger.info("mattermost websocket resumed", metadata: ["sb.mm.connection": "\(connectionID ?? "")"])
                output.yield(.reconnected(resumed: true))
            }
            return true
        case .event("hello", let seq, let data, _):
            socket.sawHello = true
            let previous = connectionID
            connectionID = MattermostWire.string(data, "connection_id")
            nextSeq = seq + 1
            if lastEventTime == nil { advance(to: Int64(Date().timeIntervalSince1970 * 1000)) }
            let reconnect = everEstablished
            registered()
            if reconnect {
                logger.info(
                    "mattermost websocket could not resume; backfilling",
                    metadata: ["sb.mm.connection": "\(connectionID ?? "")", "sb.mm.previous": "\(previous ?? "")"])
                await backfill()
                output.yield(.reconnected(resumed: false))
            }
            return true
        case .event(let name, let seq, let data, let broadcast):
            if seq < nextSeq { return true }
            if seq > nextSeq {
                logger.warning("mattermost websocket sequence gap; reconnecting", metadata: ["sb.mm.expected": "\(nextSeq)", "sb.mm.seq": "\(seq)"])
                return false
            }
            nextSeq = seq + 1
            if let event = MattermostSocketFrame.event(named: name, data: data, broadcast: broadcast) { deliver(event) }
            return true
        }
    }

    private func registered() {
        socket.established = true
        everEstablished = true
        connected.withLock { $0 = true }
    }

    /// Delivers `event` unless it was delivered before; returns whether it was delivered.
    @discardableResult
    func deliver(_ event: MattermostEvent) -> Bool {
        guard deduplicator.admit(event) else { return false }
        switch event {
        case .posted(let post), .postEdited(let post), .postDeleted(let post): advance(to: post.updateAt)
        default: break
        }
        output.yield(event)
        return true
    }

    private func advance(to time: Int64) {
        lastEventTime = max(lastEventTime ?? time, time)
    }
}
