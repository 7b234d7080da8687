import Foundation
import Testing
@testable import SkypeBridgeCore

@Suite struct RetryPolicyTests {
    private let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .milliseconds(300))
    private let get = HTTPRequest(url: "http://h/")

    private func response(_ status: Int, retryAfter: String? = nil) -> Result<HTTPResponse, HTTPError> {
        var headers = HTTPHeaders()
        if let retryAfter { headers["Retry-After"] = retryAfter }
        return .success(HTTPResponse(status: status, headers: headers))
    }

    @Test func backoffCeilingDoublesUpToTheMaximum() {
        #expect((1...4).map(policy.backoffCeiling(retry:)) == [.milliseconds(100), .milliseconds(200), .milliseconds(300), .milliseconds(300)])
        #expect(policy.backoffCeiling(retry: 200) == .milliseconds(300))
    }

    @Test func fullJitterScalesTheCeilingByTheRandomFraction() {
        #expect(policy.delay(afterAttempt: 2, of: get, outcome: response(503), unitRandom: { 0.5 }) == .milliseconds(100))
        #expect(policy.delay(afterAttempt: 1, of: get, outcome: response(503), unitRandom: { 0 }) == .zero)
        #expect(policy.delay(afterAttempt: 3, of: get, outcome: response(503), unitRandom: { 1 }) == .milliseconds(300))
    }

    @Test(arguments: [429, 502, 503, 504])
    func retryableStatusesAreRetried(status: Int) {
        #expect(policy.delay(afterAttempt: 1, of: get, outcome: response(status)) != nil)
    }

    @Test(arguments: [200, 201, 301, 400, 401, 404, 500])
    func otherStatusesAreNotRetried(status: Int) {
        #expect(policy.delay(afterAttempt: 1, of: get, outcome: response(status)) == nil)
    }

    @Test func timeoutsAndConnectionFailuresAreRetriedOtherErrorsAreNot() {
        #expect(policy.delay(afterAttempt: 1, of: get, outcome: .failure(.timeout)) != nil)
        #expect(policy.delay(afterAttempt: 1, of: get, outcome: .failure(.connectionFailed("reset"))) != nil)
        #expect(policy.delay(afterAttempt: 1, of: get, outcome: .failure(.tooLarge(limit: 1))) == nil)
        #expect(policy.delay(afterAttempt: 1, of: get, outcome: .failure(.cancelled)) == nil)
    }

    @Test func onlyIdempotentOrExplicitlyRetryableRequestsAreRetried() {
        for method in [HTTPMethod.get, .head, .put, .delete, .options] {
            #expect(policy.delay(afterAttempt: 1, of: HTTPRequest(method: method, url: "http://h/"), outcome: .failure(.timeout)) != nil)
        }
        for method in [HTTPMethod.post, .patch] {
            #expect(policy.delay(afterAttempt: 1, of: HTTPRequest(method: method, url: "http://h/"), outcome: .failure(.timeout)) == nil)
        }
        let marked = HTTPRequest(method: .post, url: "http://h/", retryable: true)
        #expect(policy.delay(afterAttempt: 1, of: marked, outcome: .failure(.timeout)) != nil)
        let optedOut = HTTPRequest(url: "http://h/", retryable: false)
        #expect(policy.delay(afterAttempt: 1, of: optedOut, outcome: .failure(.timeout)) == nil)
    }

    @Test func attemptsStopAtTheMaximum() {
        #expect(policy.delay(afterAttempt: 3, of: get, outcome: .failure(.timeout)) != nil)
        #expect(policy.delay(afterAttempt: 4, of: get, outcome: .failure(.timeout)) == nil)
        #expect(RetryPolicy.never.delay(afterAttempt: 1, of: get, outcome: .failure(.timeout)) == nil)
    }

    @Test func retryAfterIsHonouredExactlyAndWithoutJitter() {
        #expect(policy.delay(afterAttempt: 1, of: get, outcome: response(429, retryAfter: "2"), unitRandom: { 0 }) == .seconds(2))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let date = "Tue, 14 Nov 2023 22:13:25 GMT"  // now + 5 s
        #expect(policy.delay(afterAttempt: 1, of: get, outcome: response(503, retryAfter: date), now: now) == .seconds(5))
    }

    @Test func retryAfterBeyondTheLimitEndsRetries() {
        #expect(policy.delay(afterAttempt: 1, of: get, outcome: response(429, retryAfter: "61")) == nil)
        #expect(policy.delay(afterAttempt: 1, of: get, outcome: response(429, retryAfter: "60")) == .seconds(60))
    }
}

@Suite struct RetryAfterTests {
    private let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT

    @Test func deltaSecondsAreParsed() {
        #expect(RetryAfter.delay(from: "120", now: now) == .seconds(120))
        #expect(RetryAfter.delay(from: " 0 ", now: now) == .zero)
    }

    @Test(arguments: [
        "Tue, 14 Nov 2023 22:13:30 GMT",   // IMF-fixdate
        "Tuesday, 14-Nov-23 22:13:30 GMT", // RFC 850
        "Tue Nov 14 22:13:30 2023",        // asctime
    ])
    func httpDatesAreParsed(value: String) {
        #expect(RetryAfter.delay(from: value, now: now) == .seconds(10))
    }

    @Test func pastDatesMeanNoWait() {
        #expect(RetryAfter.delay(from: "Tue, 14 Nov 2023 22:00:00 GMT", now: now) == .zero)
    }

    @Test(arguments: ["", "soon", "-5", "1.5", "Tue, 99 Nov 2023"])
    func unparsableValuesGiveNil(value: String) {
        #expect(RetryAfter.delay(from: value, now: now) == nil)
    }
}
