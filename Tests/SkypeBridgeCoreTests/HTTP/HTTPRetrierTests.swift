import Logging
import Synchronization
import Testing
@testable import SkypeBridgeCore

@Suite struct HTTPRetrierTests {
    /// Records requested sleeps instead of waiting.
    final class Sleeps: Sendable {
        private let stored = Mutex<[Duration]>([])
        var all: [Duration] { stored.withLock { $0 } }
        func record(_ duration: Duration) { stored.withLock { $0.append(duration) } }
    }

    /// Hands out scripted outcomes, one per attempt.
    final class Script: Sendable {
        private let outcomes: Mutex<[Result<HTTPResponse, HTTPError>]>
        private let count = Mutex(0)
        init(_ outcomes: [Result<HTTPResponse, HTTPError>]) { self.outcomes = Mutex(outcomes) }
        var attempts: Int { count.withLock { $0 } }
        func next(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
            count.withLock { $0 += 1 }
            return try outcomes.withLock { $0.removeFirst() }.get()
        }
    }

    private func retrier(_ sleeps: Sleeps, maxAttempts: Int = 3) -> HTTPRetrier {
        HTTPRetrier(
            policy: RetryPolicy(maxAttempts: maxAttempts, baseDelay: .milliseconds(100), maxDelay: .seconds(1)),
            logger: Logger(label: "skypebridge.test.retry"),
            sleep: { sleeps.record($0) },
            unitRandom: { 1 })
    }

    @Test func retriesUntilSuccessWithGrowingBackoff() async throws {
        let sleeps = Sleeps()
        let script = Script([.failure(.timeout), .success(HTTPResponse(status: 502)), .success(HTTPResponse(status: 200))])
        let response = try await retrier(sleeps).run(HTTPRequest(url: "http://h/")) { (request) throws(HTTPError) in try script.next(request) }
        #expect(response.status == 200)
        #expect(script.attempts == 3)
        #expect(sleeps.all == [.milliseconds(100), .milliseconds(200)])
    }

    @Test func returnsTheLastResponseWhenAttemptsRunOut() async throws {
        let sleeps = Sleeps()
        let script = Script(Array(repeating: .success(HTTPResponse(status: 503)), count: 3))
        let response = try await retrier(sleeps).run(HTTPRequest(url: "http://h/")) { (request) throws(HTTPError) in try script.next(request) }
        #expect(response.status == 503)
        #expect(script.attempts == 3)
        #expect(sleeps.all.count == 2)
    }

    @Test func throwsTheLastErrorWhenAttemptsRunOut() async {
        let sleeps = Sleeps()
        let script = Script([.failure(.timeout), .failure(.connectionFailed("refused"))])
        await #expect(throws: HTTPError.connectionFailed("refused")) {
            try await retrier(sleeps, maxAttempts: 2).run(HTTPRequest(url: "http://h/")) { (request) throws(HTTPError) in try script.next(request) }
        }
    }

    @Test func nonIdempotentRequestsAreSentOnce() async throws {
        let sleeps = Sleeps()
        let script = Script([.success(HTTPResponse(status: 503))])
        let request = HTTPRequest(method: .post, url: "http://h/")
        let response = try await retrier(sleeps).run(request) { (request) throws(HTTPError) in try script.next(request) }
        #expect(response.status == 503)
        #expect(script.attempts == 1)
        #expect(sleeps.all.isEmpty)
    }

    @Test func retryAfterReplacesTheBackoff() async throws {
        let sleeps = Sleeps()
        let script = Script([.success(HTTPResponse(status: 429, headers: ["Retry-After": "7"])), .success(HTTPResponse(status: 204))])
        _ = try await retrier(sleeps).run(HTTPRequest(url: "http://h/")) { (request) throws(HTTPError) in try script.next(request) }
        #expect(sleeps.all == [.seconds(7)])
    }

    @Test func cancellationDuringTheWaitThrowsCancelled() async {
        let script = Script([.failure(.timeout)])
        let retrier = HTTPRetrier(
            policy: RetryPolicy(), logger: Logger(label: "skypebridge.test.retry"),
            sleep: { _ in throw CancellationError() })
        await #expect(throws: HTTPError.cancelled) {
            try await retrier.run(HTTPRequest(url: "http://h/")) { (request) throws(HTTPError) in try script.next(request) }
        }
    }
}
