import Foundation
import Testing
@testable import SkypeBridgeSandbox

@Suite struct SkypeWebEmulatorTests {
    @Test func startReportsEveryServiceURLAndTheSeededAccounts() async throws {
        try await SkypeWebHarness.with { harness in
            let urls = harness.info.urls
            for name in ["base", "messaging", "login", "msacc", "edge", "api", "contacts", "asm", "profile", "control"] {
                #expect(urls[name]?.hasPrefix(harness.origin) == true, "missing \(name)")
            }
            #expect(urls["messaging"] == harness.origin + "/v1")
            #expect(harness.info.accounts.map(\.username) == ["bridge.bot", "alice", "bob", "carol"])
            #expect(harness.info.accounts.first?.role == "bridge")
        }
    }

    @Test func soapLoginWithAWrongPasswordAnswersAFaultWithStatus200() async throws {
        try await SkypeWebHarness.with { harness in
            let envelope = "<Envelope><wsse:Username>alice</wsse:Username><wsse:Password>nope</wsse:Password></Envelope>"
            let reply = try await harness.send("POST", "/live/RST.srf", body: Data(envelope.utf8))
            #expect(reply.status == 200)
            #expect(reply.text.contains("<faultcode>wsse:FailedAuthentication</faultcode>"))
        }
    }

    @Test func edgeAlwaysReportsExpiresInAndRejectsUnknownTickets() async throws {
        try await SkypeWebHarness.with { harness in
            let bad = try await harness.send("POST", "/edge/skypetoken", json: ["partner": 999, "access_token": "t=bogus&p=", "scopes": "client"])
            #expect((bad.json["status"] as? [String: Any])?["code"] as? Int == 40120)
            let (skype, _) = try await harness.login("alice", password: "alice-pass")
            let profile = try await harness.send("GET", "/api/users/self/profile", headers: ["X-SkypeToken": skype])
            #expect(profile.json["username"] as? String == "alice")
        }
    }

    @Test func registrationVerifiesLockAndKeyAndReturnsTheDocumentedHeader() async throws {
        try await SkypeWebHarness.with { harness in
            let (skype, _) = try await harness.login("bob", password: "bob-pass")
            let time = String(Int(Date().timeIntervalSince1970))
            let wrong = try await harness.send("POST", "/v1/users/ME/endpoints", headers: [
                "LockAndKey": "appId=msmsgs@msnmsgr.com; time=\(time); lockAndKeyResponse=00000000000000000000000000000000",
                "Authentication": "skypetoken=\(skype)",
            ], json: ["endpointFeatures": "Agent"])
            #expect(wrong.status == 401)
            #expect(wrong.header("Set-RegistrationToken") == nil)
            let good = try await harness.send("POST", "/v1/users/ME/endpoints", headers: [
                "LockAndKey": "appId=msmsgs@msnmsgr.com; time=\(time); lockAndKeyResponse=\(LockAndKey.response(challenge: time))",
                "Authentication": "skypetoken=\(skype)",
            ], json: ["endpointFeatures": "Agent"])
            #expect(good.status == 201)
            #expect(good.header("Location") == nil)
            let header = try #require(good.header("Set-RegistrationToken"))
            let pattern = #"^registrationToken=[A-Za-z0-9+/=]+; expires=\d+; endpointId=\{[0-9a-f-]+\}$"#
            #expect(header.range(of: pattern, options: .regularExpression) != nil, "\(header)")
        }
    }

    @Test func aPostedMessageFansOutToEveryEndpointIncludingTheSendersOwn() async throws {
        try await SkypeWebHarness.with { harness in
            let alice = try await harness.login("alice", password: "alice-pass")
            let bobPhone = try await harness.login("bob", password: "bob-pass")
            let bobDesk = try await harness.register(bobPhone.skype)
            for token in [alice.registration, bobPhone.registration, bobDesk] { try await harness.subscribe(token) }
            let posted = try await harness.post(alice.registration, to: "8:bob", "hello bob")
            #expect(posted.status == 201)
            let messageId = try #require(posted.header("Location")?.components(separatedBy: "/").last)
            #expect(Int64(messageId) != nil)
            #expect(posted.json["OriginalArrivalTime"] is Int)
            for token in [alice.registration, bobPhone.registration, bobDesk] {
                let events = try await harness.poll(token)
                let resource = try #require(events.first?["resource"] as? [String: Any])
                #expect(events.first?["resourceType"] as? String == "NewMessage")
                #expect(resource["id"] as? String == messageId)
                #expect(resource["content"] as? String == "hello bob")
                #expect((resource["from"] as? String)?.hasSuffix("/contacts/8:alice") == true)
            }
        }
    }

    @Test func aMessageToYourselfArrivesOnceOnEachOfYourEndpoints() async throws {
        try await SkypeWebHarness.with { harness in
            let phone = try await harness.login("alice", password: "alice-pass")
            let desk = try await harness.register(phone.skype)
            for token in [phone.registration, desk] { try await harness.subscribe(token) }
            let posted = try await harness.post(phone.registration, to: "8:alice", "note to self")
            #expect(posted.status == 201)
            for token in [phone.registration, desk] {
                let events = try await harness.poll(token)
                #expect(events.count == 1)
                #expect((events.first?["resource"] as? [String: Any])?["content"] as? String == "note to self")
            }
        }
    }

    @Test func aWaitingPollReturnsAsSoonAsAMessageArrives() async throws {
        try await SkypeWebHarness.with(.init(pollTimeout: 10)) { harness in
            let alice = try await harness.login("alice", password: "alice-pass")
            let bob = try await harness.login("bob", password: "bob-pass")
            try await harness.subscribe(bob.registration)
            let started = ContinuousClock.now
            async let events = harness.poll(bob.registration)
            try await Task.sleep(for: .milliseconds(200))
            _ = try await harness.post(alice.registration, to: "8:bob", "wake up")
            let received = try await events
            #expect(received.count == 1)
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    @Test func anIdlePollTimesOutWithAnEmptyEventList() async throws {
        try await SkypeWebHarness.with(.init(pollTimeout: 0.3)) { harness in
            let carol = try await harness.login("carol", password: "carol-pass")
            try await harness.subscribe(carol.registration)
            let reply = try await harness.send("POST", "/v1/users/ME/endpoints/SELF/subscriptions/0/poll",
                                               headers: ["RegistrationToken": "registrationToken=\(carol.registration); expires=1; endpointId={x}"])
            #expect(reply.status == 200)
            #expect(reply.text == "{\"eventMessages\":[]}")
        }
    }

    @Test func editsAndDeletesReachThePeerWithTheOriginalClientId() async throws {
        try await SkypeWebHarness.with { harness in
            let alice = try await harness.login("alice", password: "alice-pass")
            let bob = try await harness.login("bob", password: "bob-pass")
            try await harness.subscribe(bob.registration)
            let posted = try await harness.post(alice.registration, to: "8:bob", "draft")
            let id = posted.header("Location")!.components(separatedBy: "/").last!
            _ = try await harness.poll(bob.registration)
            let auth = ["RegistrationToken": "registrationToken=\(alice.registration)"]
            let edit = try await harness.send("PUT", "/v1/users/ME/conversations/8:bob/messages/\(id)", headers: auth,
                                              json: ["content": "final", "messagetype": "Text"])
            #expect(edit.json["edittime"] is Int)
            let delete = try await harness.send("DELETE", "/v1/users/ME/conversations/8:bob/messages/\(id)", headers: auth)
            #expect(delete.json["deletetime"] is Int)
            let events = try await harness.poll(bob.registration)
            let resources = events.compactMap { $0["resource"] as? [String: Any] }
            #expect(resources.map { $0["content"] as? String } == ["final", ""])
            #expect(resources.allSatisfy { $0["skypeeditedid"] as? String == "123" && $0["id"] as? String == id })
            let notMine = try await harness.send("DELETE", "/v1/users/ME/conversations/8:alice/messages/\(id)",
                                                 headers: ["RegistrationToken": "registrationToken=\(bob.registration)"])
            #expect(notMine.status == 403)
        }
    }

    @Test func badInputGetsTheServiceErrorStatuses() async throws {
        try await SkypeWebHarness.with(.init(pollTimeout: 1, maxBodySize: 1024)) { harness in
            let alice = try await harness.login("alice", password: "alice-pass")
            let auth = ["RegistrationToken": "registrationToken=\(alice.registration)"]
            let malformed = try await harness.send("POST", "/v1/users/ME/conversations/8:bob/messages", headers: auth, body: Data("{not json".utf8))
            #expect(malformed.status == 400)
            let noAuth = try await harness.send("GET", "/v1/users/ME/conversations")
            #expect(noAuth.status == 401)
            let wrongAuth = try await harness.send("GET", "/v1/users/ME/conversations", headers: ["RegistrationToken": "registrationToken=nope"])
            #expect(wrongAuth.status == 401)
            let unknown = try await harness.send("GET", "/v1/users/ME/conversations/8:nobody", headers: auth)
            #expect(unknown.status == 404)
            let unknownThread = try await harness.send("GET", "/v1/threads/19:missing@thread.skype", headers: auth)
            #expect(unknownThread.status == 404)
            let huge = try await harness.send("POST", "/v1/users/ME/conversations/8:bob/messages", headers: auth,
                                              json: ["messagetype": "Text", "content": String(repeating: "x", count: 4096)])
            #expect(huge.status == 413)
            let noPoll = try await harness.poll(alice.registration)
            #expect(noPoll.isEmpty)
        }
    }

    @Test func conversationListMarksGroupsWithThreadPropertiesOnly() async throws {
        try await SkypeWebHarness.with { harness in
            let alice = try await harness.login("alice", password: "alice-pass")
            _ = try await harness.post(alice.registration, to: "8:bob", "hi")
            let reply = try await harness.send("GET", "/v1/users/ME/conversations", headers: ["RegistrationToken": "registrationToken=\(alice.registration)"])
            let conversations = reply.json["conversations"] as? [[String: Any]] ?? []
            let byId = Dictionary(uniqueKeysWithValues: conversations.map { ($0["id"] as! String, $0) })
            #expect(byId["8:bob"]?["threadProperties"] == nil)
            #expect(byId[SkypeWebSeed.standard.groups[0].id]?["threadProperties"] != nil)
            let metadata = reply.json["_metadata"] as? [String: Any]
            let next = try #require(metadata?["syncState"] as? String)
            let rest = try await harness.send("GET", next, headers: ["RegistrationToken": "registrationToken=\(alice.registration)"])
            #expect((rest.json["conversations"] as? [Any])?.isEmpty == true)
        }
    }
}
