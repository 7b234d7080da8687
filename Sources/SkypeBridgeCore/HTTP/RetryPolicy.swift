import Foundation

/// When and how long to wait before sending a failed request again.
///
/// Only requests that are safe to repeat are retried (``HTTPRequest/isRetryable``: idempotent
/// methods, or an explicit override). Retried outcomes are timeouts, connection failures and the
/// ``retryableStatuses``. The wait is exponential backoff with full jitter — a random time between
/// zero and `min(maxDelay, baseDelay × 2^(retry−1))` — unless the response carries a `Retry-After`,
/// which is honoured exactly up to ``maxRetryAfter`` (a longer one ends the retries).
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in total, the first included; 1 disables retries.
    public var maxAttempts: Int
    /// The backoff ceiling of the first retry.
    public var baseDelay: Duration
    /// The largest backoff ceiling.
    public var maxDelay: Duration
    /// The longest `Retry-After` honoured; a response asking for more is returned as it is.
    public var maxRetryAfter: Duration
    /// Statuses that are retried.
    public var retryableStatuses: Set<Int>

    /// Creates a policy: by default 3 attempts, 250 ms base, 8 s cap, `Retry-After` up to 60 s,
    /// statuses 429, 502, 503 and 504.
    public init(
        maxAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(250),
        maxDelay: Duration = .seconds(8),
        maxRetryAfter: Duration = .seconds(60),
        retryableStatuses: Set<Int> = [429, 502, 503, 504]
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.retryableStatuses = retryableStatuses
    }

    /// A policy that never retries.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// The backoff ceiling before retry number `retry` (1 for the first retry).
    public func backoffCeiling(retry: Int) -> Duration {
        let doublings = min(max(retry - 1, 0), 30)
        let ceiling = baseDelay * (1 << doublings)
        return min(ceiling, maxDelay)
    }

    /// How long to wait before sending `request` again after attempt number `attempt` (1-based)
    /// ended with `outcome`, or `nil` if it must not be retried.
    ///
    /// - Parameters:
    ///   - now: the current time, to resolve an HTTP-date `Retry-After`.
    ///   - unitRandom: returns a uniform random number in `0...1` (the jitter).
    public func delay(
        afterAttempt attempt: Int,
        of request: HTTPRequest,
        outcome: Result<HTTPResponse, HTTPError>,
        now: Date = Date(),
        unitRandom: () -> Double = { Double.random(in: 0...1) }
    ) -> Duration? {
        guard attempt < maxAttempts, request.isRetryable else { return nil }
        switch outcome {
        case .success(let response):
            guard retryableStatuses.contains(response.status) else { return nil }
            if let header = response.headers["Retry-After"], let wait = RetryAfter.delay(from: header, now: now) {
                return wait <= maxRetryAfter ? wait : nil
            }
        case .failure(.timeout), .failure(.connectionFailed):
            break
        case .failure:
            return nil
        }
        return backoffCeiling(retry: attempt) * min(max(unitRandom(), 0), 1)
    }
}
