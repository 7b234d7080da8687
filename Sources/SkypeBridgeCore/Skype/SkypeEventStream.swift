import Foundation
import Logging

/// The account's live events (skype-web.md §3.7, §4): subscribes, long-polls, and recovers on
/// its own — a lost subscription is re-created, a lost endpoint re-registered (then missed
/// messages are fetched from history), outages are retried with backoff and jitter. Messages
/// are delivered once each, in order, even across those recoveries.
public struct SkypeEventStream: AsyncSequence, Sendable {
    public typealias Element = SkypeEvent

    /// How the stream polls.
    public struct Options: Sendable {
        /// How long the service may hold one poll.
        public var pollTimeout: Duration
        /// The longest pause between attempts during an outage.
        public var maxBackoff: Duration
        /// The shortest time from one poll to the next after a poll that brought events. A poll
        /// answers as soon as one event is queued, so under heavy traffic (a backlog, a busy
        /// group, or the echoes of the bridge's own sends) polls would each fetch one event and
        /// cost a request per event on both ends; pausing this long lets the next poll fetch
        /// what arrived meanwhile in one answer. Traffic slower than one event per interval
        /// never waits.
        public var minimumPollInterval: Duration
        /// Called each time a new subscription is in place, before its first poll.
        public var subscribed: @Sendable () -> Void

        public init(
            pollTimeout: Duration = .seconds(30), maxBackoff: Duration = .seconds(30), minimumPollInterval: Duration = .milliseconds(2),
            subscribed: @escaping @Sendable () -> Void = {}
        ) {
            self.pollTimeout = pollTimeout
            self.maxBackoff = maxBackoff
            self.minimumPollInterval = minimumPollInterval
            self.subscribed = subscribed
        }
    }

    let client: SkypeClient
    let options: Options
    let logger: Logger

    public init(client: SkypeClient, options: Options = Options(), logger: Logger) {
        self.client = client
        self.options = options
        self.logger = logger
    }

    public func makeAsyncIterator() -> AsyncThrowingStream<SkypeEvent, any Error>.Iterator {
        let (stream, continuation) = AsyncThrowingStream<SkypeEvent, any Error>.makeStream(bufferingPolicy: .unbounded)
        let poller = SkypePoller(client: client, options: options, logger: logger)
        let task = Task {
            do {
                try await poller.run { event in continuation.yield(event) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream.makeAsyncIterator()
    }
}

/// The poll loop behind ``SkypeEventStream``.
private actor SkypePoller {
    private let client: SkypeClient
    private let options: SkypeEventStream.Options
    private let logger: Logger
    private var subscription: (registration: String, id: String)?
    private var lastRegistration: String?
    private var delivered = RecentKeys<String>(capacity: 4096)
    private var lastArrival = Date()

    init(client: SkypeClient, options: SkypeEventStream.Options, logger: Logger) {
        self.client = client
        self.options = options
        self.logger = logger
    }

    func run(_ yield: @Sendable (SkypeEvent) -> Void) async throws {
        var failures = 0
        var consecutiveNotFound = 0
        var nextPoll = ContinuousClock.now
        while !Task.isCancelled {
            do {
                let (subscriptionID, newRegistration) = try await ensureSubscription()
                if newRegistration { try await backfill(yield) }
                if nextPoll > .now { try await Task.sleep(until: nextPoll) }
                let started = ContinuousClock.now
                let response = try await client.session.send(
                    .messaging, .post, "/users/ME/endpoints/SELF/subscriptions/\(subscriptionID)/poll",
                    timeout: options.pollTimeout + .seconds(15), retryable: false
                )
                if response.status == 404 {
                    consecutiveNotFound += 1
                    subscription = nil
                    if consecutiveNotFound >= 2 {
                        logger.info("skype subscription lost twice; registering a new endpoint")
                        _ = try await client.session.refresh(invalidating: .registration)
                        consecutiveNotFound = 0
                    }
                    continue
                }
                try SkypeClient.check(response, what: "event subscription")
                consecutiveNotFound = 0
                failures = 0
                let body = (try? JSONValue.parse(response.data)) ?? .object([:])
                let envelopes = SkypeEventParser.parsePoll(body)
                for envelope in envelopes {
                    deliver(envelope.event, yield)
                }
                nextPoll = envelopes.isEmpty ? .now : started + options.minimumPollInterval
            } catch let error as SkypeError where error.category == .auth {
                throw error
            } catch is CancellationError {
                return
            } catch let error as HTTPError where error == .cancelled {
                return
            } catch {
                failures += 1
                let backoff = RetryPolicy(baseDelay: .milliseconds(500), maxDelay: options.maxBackoff)
                let delay = backoff.backoffCeiling(retry: failures) * Double.random(in: 0.5...1)
                logger.warning("skype poll failed; retrying", metadata: ["sb.error": "\(error)", "sb.retry.in": "\(delay)"])
                try await Task.sleep(for: delay)
                if failures % 3 == 0 { subscription = nil }
            }
        }
    }

    private func deliver(_ event: SkypeEvent, _ yield: @Sendable (SkypeEvent) -> Void) {
        switch event {
        case let .message(message), let .edited(message), let .deleted(message):
            guard delivered.insert("\(message.id.rawValue)|\(message.content.hashValue)") else { return }
            lastArrival = max(lastArrival, message.arrival)
        default:
            break
        }
        yield(event)
    }

    /// After a new registration, fetch what arrived while no endpoint was listening.
    private func backfill(_ yield: @Sendable (SkypeEvent) -> Void) async throws {
        let since = lastArrival.addingTimeInterval(-1)
        for conversation in try await client.conversations() where (conversation.lastActivity ?? .distantPast) > since {
            for message in try await client.messages(in: conversation.id, since: since) {
                deliver(.message(message), yield)
            }
        }
    }

    /// The subscription to poll, creating one when there is none for the current registration.
    /// - Returns: its id, and whether the registration changed since the last subscription (so
    ///   events may have gone to the old endpoint and history must fill the gap).
    private func ensureSubscription() async throws -> (String, Bool) {
        let credentials = try await client.session.credentials()
        let registration = credentials.registrationToken ?? ""
        if let subscription, subscription.registration == registration { return (subscription.id, false) }
        let replaced = lastRegistration.map { $0 != registration } ?? false
        let body = #"{"interestedResources": ["/v1/users/ME/conversations/ALL/properties", "/v1/users/ME/conversations/ALL/messages", "/v1/users/ME/contacts/ALL", "/v1/threads/ALL"], "template": "raw", "channelType": "httpLongPoll", "conversationType": 2047}"#
        let response = try await client.session.send(.messaging, .post, "/users/ME/endpoints/SELF/subscriptions", json: body)
        try SkypeClient.check(response, what: "event subscription")
        let id = response.headers["Location"].flatMap { $0.split(separator: "/").last.map(String.init) }.flatMap { Int($0) }.map(String.init) ?? "0"
        subscription = (registration, id)
        lastRegistration = registration
        logger.info("skype event subscription ready", metadata: ["sb.skype.subscription": "\(id)"])
        options.subscribed()
        return (id, replaced)
    }
}
