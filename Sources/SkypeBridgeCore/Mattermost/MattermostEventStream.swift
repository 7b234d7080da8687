import Foundation
import Logging

/// The Mattermost WebSocket event stream (`/api/v4/websocket`, over swift-websocket's WSClient).
///
/// It connects as soon as it is created and keeps connected until ``close()``: it authenticates
/// with the token (Authorization header on the upgrade, and the `authentication_challenge`
/// action as a fallback), tracks the event sequence, answers server pings and sends the `ping`
/// action (a connection whose ping goes unanswered for a whole interval is dropped), and
/// reconnects with backoff and jitter (``MattermostReconnectPolicy``).
///
/// A reconnect resumes with `connection_id` + `sequence_number`, so the server replays the
/// missed events. When the server answers with a `hello` carrying a new connection id instead
/// (it could not cover the gap), the stream backfills every channel in `channels()` with
/// ``MattermostClient/posts(in:since:)`` from the last event time. The events of the gap come
/// before ``MattermostEvent/reconnected(resumed:)``. Post events are de-duplicated across
/// resume and backfill: a post is delivered as new once, as deleted once, and once per edit
/// (`update_at`). Events other than those of ``MattermostEvent`` are ignored.
///
/// Iterate it from one task. The iteration ends (returns nil) only when that task is cancelled
/// (which also closes the stream) or ``close()`` was called.
public final class MattermostEventStream: AsyncSequence, Sendable {
    /// The stream delivers ``MattermostEvent`` values.
    public typealias Element = MattermostEvent
    /// The iterator of the underlying buffered stream.
    public typealias AsyncIterator = AsyncStream<MattermostEvent>.Iterator

    /// How the stream connects and reconnects.
    public struct Options: Sendable {
        /// The waits between connection attempts.
        public var reconnect: MattermostReconnectPolicy
        /// How often the `ping` action is sent; an unanswered ping drops the connection.
        public var pingInterval: Duration
        /// The time allowed to connect and complete the WebSocket upgrade.
        public var connectTimeout: Duration
        /// An `http` or `socks5`/`socks5h` proxy for the socket; nil connects directly.
        public var proxy: URL?
        /// How far before the last event time a backfill starts, against clock granularity and
        /// events still in flight (already delivered posts are not delivered again).
        public var backfillOverlap: Duration
        /// Whether the token rides on the upgrade request (`Authorization: Bearer`). Off, the
        /// stream authenticates with the `authentication_challenge` action only, as
        /// mattermostdriver does; the server then cannot resume, so every reconnect backfills.
        public var authenticateOnUpgrade: Bool

        /// Creates options; the defaults suit a real server (30 s pings as the web app, 1 s overlap).
        public init(
            reconnect: MattermostReconnectPolicy = MattermostReconnectPolicy(), pingInterval: Duration = .seconds(30), proxy: URL? = nil,
            backfillOverlap: Duration = .seconds(1), authenticateOnUpgrade: Bool = true, connectTimeout: Duration = .seconds(30)
        ) {
            self.reconnect = reconnect
            self.pingInterval = pingInterval
            self.connectTimeout = connectTimeout
            self.proxy = proxy
            self.backfillOverlap = backfillOverlap
            self.authenticateOnUpgrade = authenticateOnUpgrade
        }

        /// The default options with the proxy of the `[mattermost]` settings.
        public init(settings: MattermostSettings) {
            self.init(proxy: settings.proxy)
        }
    }

    private let events: AsyncStream<MattermostEvent>
    private let session: MattermostStreamSession
    private let task: Task<Void, Never>

    /// Creates the stream and starts connecting with the default ``Options``.
    /// - Parameters:
    ///   - client: the REST client used to backfill (with the same account as `token`).
    ///   - websocketURL: `ws(s)://host/api/v4/websocket`.
    ///   - channels: the channels to backfill after a gap the server could not replay.
    public convenience init(
        client: MattermostClient, websocketURL: URL, token: String, channels: @escaping @Sendable () async -> [MattermostChannelID], logger: Logger
    ) {
        self.init(client: client, websocketURL: websocketURL, token: token, channels: channels, options: Options(), logger: logger)
    }

    /// Creates the stream and starts connecting.
    public init(
        client: MattermostClient, websocketURL: URL, token: String, channels: @escaping @Sendable () async -> [MattermostChannelID], options: Options,
        logger: Logger
    ) {
        let (events, continuation) = AsyncStream.makeStream(of: MattermostEvent.self)
        let session = MattermostStreamSession(
            client: client, websocketURL: websocketURL, token: token, channels: channels, options: options, output: continuation, logger: logger)
        let task = Task { await session.run() }
        continuation.onTermination = { _ in task.cancel() }
        self.events = events
        self.session = session
        self.task = task
    }

    deinit {
        task.cancel()
    }

    /// The events, in order. Iterate from one task only.
    public func makeAsyncIterator() -> AsyncIterator {
        events.makeAsyncIterator()
    }

    /// Whether a socket is connected and authenticated right now.
    public var isConnected: Bool {
        session.isConnected
    }

    /// Sends the `user_typing` action: the account is typing in `channel` (in the thread `parent`).
    /// Does nothing while disconnected.
    public func sendTyping(channel: MattermostChannelID, parent: MattermostPostID? = nil) async {
        await session.sendTyping(channel: channel, parent: parent)
    }

    /// Closes the socket and ends the iteration; safe to call more than once.
    public func close() async {
        task.cancel()
        await session.stop()
        await task.value
    }
}
