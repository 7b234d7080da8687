import Foundation
import Testing
@testable import SkypeBridgeSandbox

@Suite struct SkypeWebControlTests {
    @Test func rateLimitFaultAnswers429WithRetryAfterThenRecovers() async throws {
        try await SkypeWebHarness.with { harness in
            let alice = try await harness.login("alice", password: "alice-pass")
            let armed = try await harness.send("POST", "/_control/skype/faults",
                                               json: ["kind": "rateLimit", "pathContains": "/messages", "count": 1, "retryAfter": 9])
            #expect(armed.status == 201)
            let limited = try await harness.post(alice.registration, to: "8:bob", "one")
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "9")
            let next = try await harness.post(alice.registration, to: "8:bob", "two")
            #expect(next.status == 201)
        }
    }

    @Test func aBatchOfMessagesIsPostedInOrderAndFannedOutLikeSingleOnes() async throws {
        try await SkypeWebHarness.with { harness in
            let bob = try await harness.login("bob", password: "bob-pass")
            try await harness.subscribe(bob.registration)
            let posted = try await harness.send("POST", "/_control/skype/messages",
                                                json: ["from": "alice", "to": "bob", "contents": ["one", "two", "three"]])
            #expect(posted.status == 201)
            #expect((posted.json["ids"] as? [String])?.count == 3)
            let auth = ["RegistrationToken": "registrationToken=\(bob.registration)"]
            let poll = try await harness.send("POST", "/v1/users/ME/endpoints/SELF/subscriptions/0/poll", headers: auth)
            let events = poll.json["eventMessages"] as? [[String: Any]] ?? []
            #expect(events.compactMap { ($0["resource"] as? [String: Any])?["content"] as? String } == ["one", "two", "three"])
        }
    }

    @Test func statusFaultAppliesToTheNextNMatchingRequests() async throws {
        try await SkypeWebHarness.with { harness in
            let alice = try await harness.login("alice", password: "alice-pass")
            harness.emulator.inject(SkypeWebFault(kind: .status, pathContains: "/conversations", method: "GET", count: 2, status: 502))
            let auth = ["RegistrationToken": "registrationToken=\(alice.registration)"]
            var statuses: [Int] = []
            for _ in 0..<3 { statuses.append(try await harness.send("GET", "/v1/users/ME/conversations", headers: auth).status) }
            #expect(statuses == [502, 502, 200])
        }
    }

    @Test func lostSubscriptionFaultForcesAResubscribe() async throws {
        try await SkypeWebHarness.with { harness in
            let bob = try await harness.login("bob", password: "bob-pass")
            try await harness.subscribe(bob.registration)
            harness.emulator.inject(SkypeWebFault(kind: .subscriptionLost, pathContains: "/poll"))
            let auth = ["RegistrationToken": "registrationToken=\(bob.registration)"]
            let lost = try await harness.send("POST", "/v1/users/ME/endpoints/SELF/subscriptions/0/poll", headers: auth)
            #expect(lost.status == 404)
            #expect(lost.json["errorCode"] as? Int == 450)
            let stillLost = try await harness.send("POST", "/v1/users/ME/endpoints/SELF/subscriptions/0/poll", headers: auth)
            #expect(stillLost.status == 404)
            try await harness.subscribe(bob.registration)
            let back = try await harness.send("POST", "/v1/users/ME/endpoints/SELF/subscriptions/0/poll", headers: auth)
            #expect(back.status == 200)
        }
    }

    @Test func droppedConnectionFaultCutsTheResponse() async throws {
        try await SkypeWebHarness.with { harness in
            harness.emulator.inject(SkypeWebFault(kind: .drop, pathContains: "/api/users/self"))
            await #expect(throws: (any Error).self) {
                _ = try await harness.send("GET", "/api/users/self/profile", headers: ["X-SkypeToken": "x"])
            }
        }
    }

    @Test func expiringARegistrationMakesItsTokenUnauthorised() async throws {
        try await SkypeWebHarness.with { harness in
            let bob = try await harness.login("bob", password: "bob-pass")
            let auth = ["RegistrationToken": "registrationToken=\(bob.registration)"]
            #expect(try await harness.send("GET", "/v1/users/ME/conversations", headers: auth).status == 200)
            _ = try await harness.send("POST", "/_control/skype/users/bob/expire", json: ["registration": true])
            #expect(try await harness.send("GET", "/v1/users/ME/conversations", headers: auth).status == 401)
            _ = try await harness.send("POST", "/_control/skype/users/bob/expire", json: ["skypetoken": true])
            #expect(try await harness.send("GET", "/api/users/self/profile", headers: ["X-SkypeToken": bob.skype]).status == 401)
        }
    }

    @Test func controlPostsAsAUserAndReadsTheStoredConversation() async throws {
        try await SkypeWebHarness.with { harness in
            let created = try await harness.send("POST", "/_control/skype/users", json: ["username": "dave", "password": "dave-pass"])
            #expect(created.status == 201)
            let posted = try await harness.send("POST", "/_control/skype/messages", json: ["from": "dave", "to": "alice", "content": "hi alice"])
            #expect(posted.json["conversation"] as? String == "8:alice")
            let group = SkypeWebSeed.standard.groups[0].id
            _ = try await harness.send("POST", "/_control/skype/messages", json: ["from": "bob", "to": group, "content": "hi all"])
            let stored = try await harness.send("GET", "/_control/skype/messages?user=alice&conversation=8:dave")
            #expect((stored.json["messages"] as? [[String: Any]])?.map { $0["content"] as? String } == ["hi alice"])
            let groupStored = try await harness.send("GET", "/_control/skype/messages?user=alice&conversation=\(group)")
            #expect((groupStored.json["messages"] as? [[String: Any]])?.last?["content"] as? String == "hi all")
        }
    }

    @Test func persistedStateRestoresUsersConversationsAndInvites() async throws {
        let state = try await SkypeWebHarness.with { harness in
            _ = try await harness.send("POST", "/_control/skype/users", json: ["username": "erin", "password": "erin-pass"])
            _ = try await harness.send("POST", "/_control/skype/messages", json: ["from": "erin", "to": "bob", "content": "kept"])
            return try #require(try await harness.emulator.persistentState())
        }
        let restored = SkypeWebEmulator(options: .init(pollTimeout: 1))
        try await restored.restore(state)
        let info = try await restored.start(host: "127.0.0.1")
        let harness = SkypeWebHarness(emulator: restored, info: info)
        let stored = try await harness.send("GET", "/_control/skype/messages?user=bob&conversation=8:erin")
        let overview = try await harness.send("GET", "/_control/skype/state")
        await restored.stop()
        #expect((stored.json["messages"] as? [[String: Any]])?.first?["content"] as? String == "kept")
        let users = overview.json["users"] as? [[String: Any]] ?? []
        #expect(users.contains { $0["username"] as? String == "erin" })
        #expect(users.first { $0["username"] as? String == "bridge.bot" }?["invitesFrom"] as? [String] == ["carol"])
    }
}
