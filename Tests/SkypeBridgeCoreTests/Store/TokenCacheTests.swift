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
        #expect(try cache.load(alice.userID) == nil)
        try cache.save(alice)
        #expect(try cache.load(alice.userID) == alice)
        var renewed = alice
        renewed.skypeToken = "tok2"
        try cache.save(renewed)
        #expect(try cache.load(alice.userID)?.skypeToken == "tok2")
        #expect(try cache.accounts() == [alice.userID])
        #expect(try cache.delete(alice.userID))
        #expect(try cache.load(alice.userID) == nil)
        #expect(try !cache.delete(alice.userID))
    }

    /// Two processes share the file: only one may refresh at a time, and a stale lease expires.
    @Test func refreshLeaseHasOneOwnerAtATime() throws {
        let tmp = try TemporaryDirectory()
        let path = tmp.file("s.sqlite")
        let bridge = TokenCache(store: try StateStore(path: path, logger: logger))
        let cron = TokenCache(store: try StateStore(path: path, logger: logger))
        let now = Date()
        #expect(try bridge.acquireRefreshLease(alice.userID, owner: "bridge", duration: 30, now: now))
        #expect(try !cron.acquireRefreshLease(alice.userID, owner: "cron", duration: 30, now: now))
        #expect(try bridge.acquireRefreshLease(alice.userID, owner: "bridge", duration: 30, now: now))
        #expect(try cron.acquireRefreshLease(alice.userID, owner: "cron", duration: 30, now: now.addingTimeInterval(31)))
        try cron.releaseRefreshLease(alice.userID, owner: "cron")
        #expect(try bridge.acquireRefreshLease(alice.userID, owner: "bridge", duration: 30, now: now.addingTimeInterval(32)))
        #expect(try bridge.load(alice.userID) == nil, "a lease alone is not cached credentials")
    }
}
