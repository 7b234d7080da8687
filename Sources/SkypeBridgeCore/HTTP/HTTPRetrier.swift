import Foundation
import Logging

/// Runs attempts of one request under a ``RetryPolicy``: asks the policy after each attempt and
/// sleeps (through an injectable function, so tests need not wait) before the next.
struct HTTPRetrier: Sendable {
    /// Waits for a duration; throws if the task is cancelled.
    typealias Sleep = @Sendable (Duration) async throws -> Void

    let policy: RetryPolicy
    let logger: Logger
    let sleep: Sleep
    let unitRandom: @Sendable () -> Double

    init(
        policy: RetryPolicy,
        logger: Logger,
        sleep: @escaping Sleep = { try await Task.sleep(for: $0) },
        unitRandom: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.policy = policy
        self.logger = logger
        self.sleep = sleep
        self.unitRandom = unitRandom
    }

    /// Sends `request` through `attempt` until it succeeds, the policy gives up, or the task is
    /// cancelled; returns the last response or throws the last error.
    func run(
        _ request: HTTPRequest,
        attempt send: (HTTPRequest) async throws(HTTPError) -> HTTPResponse
    ) async throws(HTTPError) -> HTTPResponse {
        var attempt = 1
        while true {
            let outcome: Result<HTTPResponse, HTTPError>
            do { outcome = .success(try await send(request)) } catch { outcome = .failure(error) }
            guard let wait = policy.delay(afterAttempt: attempt, of: request, outcome: outcome, unitRandom: unitRandom)
            else { return try outcome.get() }
            logger.debug("http retry", metadata: [
                "sb.http.method": "\(request.method)",
                "sb.http.url": "\(Redaction.redactedURL(request.url))",
                "sb.http.attempt": "\(attempt)",
                "sb.http.outcome": "\(Self.summary(outcome))",
                "sb.http.wait_ms": "\(wait.milliseconds)",
            ])
            do { try await sleep(wait) } catch { throw .cancelled }
            attempt += 1
        }
    }

    private static func summary(_ outcome: Result<HTTPResponse, HTTPError>) -> String {
        switch outcome {
        case .success(let response): "status \(response.status)"
        case .failure(let error): error.description
        }
    }
}
