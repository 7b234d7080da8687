import Foundation
import Logging
import Testing
@testable import SkypeBridgeCore

@Suite struct TokenCacheTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    let alice = SkypeCredentials(
        userID: SkypeUserID("live:alice"), skypeToken: "tok", skypeTokenExpiry: Date(timeIntervalSince1970: 2_000_000_000),
        registrationToken: "reg", registrationExpiry: Date(timeIntervalSince1970: 1_900_000_000),
        endpointID: "{e}", messagingHost: "http://127.0.0.1:1/v1")

    @Test func savesLoadsAndDeletes() throws {
        let tmp = try TemporaryDirectory()
        let cache = TokenCache(store: try StateStore(path: tmp.file("s.sqlite"), logger: logger))
        #expect(try cache.load("alice@example.com") == nil)
        try cache.save(alice, account: "alice@example.com")
        #expect(try cache.load("alice@example.com") == alice)
        var renewed = alice
        renewed.skypeToken = "tok2"
        try cache.save(renewed, account: "alice@example.com")
        #expect(try cache.load("alice@example.com")?.skypeToken == "tok2")
        #expect(try cache.accounts() == ["alice@example.com"])
        #expect(try cache.delete("alice@example.com"))
        #expect(try cache.load("alice@example.com") == nil)
        #expect(try !cache.delete("alice@example.com"))
    }

    /// Two processes share the file: only one may refresh at a time, and a stale lease expires.
    @Test func refreshLeaseHasOneOwnerAtATime() throws {
        let tmp = try TemporaryDirectory()
        let path = tmp.file("s.sqlite")
        let bridge = TokenCache(store: try StateStore(path: path, logger: logger))
        let cron = TokenCache(store: try StateStore(path: path, logger: logger))
        let now = Date()
        #expect(try bridge.acquireRefreshLease("live:alice", owner: "bridge", duration: 30, now: now))
        #expect(try !cron.acquireRefreshLease("live:alice", owner: "cron", duration: 30, now: now))
        #expect(try bridge.acquireRefreshLease("live:alice", owner: "bridge", duration: 30, now: now))
        #expect(try cron.acquireRefreshLease("live:alice", owner: "cron", duration: 30, now: now.addingTimeInterval(31)))
        try cron.releaseRefreshLease("live:alice", owner: "cron")
        #expect(try bridge.acquireRefreshLease("live:alice", owner: "bridge", duration: 30, now: now.addingTimeInterval(32)))
        #expect(try bridge.load("live:alice") == nil, "a lease alone is not cached credentials")
    }
}
