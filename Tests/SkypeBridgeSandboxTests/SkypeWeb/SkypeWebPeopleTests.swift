import Foundation
import Testing
@testable import SkypeBridgeSandbox

@Suite struct SkypeWebPeopleTests {
    @Test func acceptingTheSeededInviteMakesMutualContacts() async throws {
        try await SkypeWebHarness.with { harness in
            let bridge = try await harness.login("bridge.bot", password: "bridge-pass")
            let auth = ["X-SkypeToken": bridge.skype]
            let invites = try await harness.send("GET", "/contacts/v2/users/bridge.bot/invites", headers: auth)
            let list = invites.json["invite_list"] as? [[String: Any]] ?? []
            let senders: [String] = list.compactMap { entry in entry["mri"] as? String }
            #expect(senders == ["8:carol"])
            let entries = list.first?["invites"] as? [[String: Any]] ?? []
            let time = entries.first?["time"] as? String ?? ""
            let pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
            #expect(time.range(of: pattern, options: .regularExpression) != nil)
            let accepted = try await harness.send("PUT", "/contacts/v2/users/bridge.bot/invites/8:carol/accept", headers: auth)
            #expect(accepted.status == 200)
            let contacts = try await harness.send("GET", "/contacts/v2/users/SELF", headers: auth)
            let entriesOfContacts = contacts.json["contacts"] as? [[String: Any]] ?? []
            let mris: [String] = entriesOfContacts.compactMap { entry in entry["mri"] as? String }
            #expect(mris.contains("8:carol"))
            let again = try await harness.send("PUT", "/contacts/v2/users/bridge.bot/invites/8:carol/accept", headers: auth)
            #expect(again.status == 404)
            let other = try await harness.send("GET", "/contacts/v2/users/alice", headers: auth)
            #expect(other.status == 401)
        }
    }

    @Test func typingReachesOnlyTheOtherParticipants() async throws {
        try await SkypeWebHarness.with(.init(pollTimeout: 0.3)) { harness in
            let alice = try await harness.login("alice", password: "alice-pass")
            let bob = try await harness.login("bob", password: "bob-pass")
            for token in [alice.registration, bob.registration] { try await harness.subscribe(token) }
            let typing = try await harness.send("POST", "/v1/users/ME/conversations/8:bob/messages",
                                                headers: ["RegistrationToken": "registrationToken=\(alice.registration)"],
                                                json: ["messagetype": "Control/Typing", "contenttype": "text", "content": NSNull(), "clientmessageid": 5])
            #expect(typing.status == 201)
            let bobEvents = try await harness.poll(bob.registration)
            #expect((bobEvents.first?["resource"] as? [String: Any])?["messagetype"] as? String == "Control/Typing")
            #expect(try await harness.poll(alice.registration).isEmpty)
            let stored = try await harness.send("GET", "/_control/skype/messages?user=alice&conversation=8:bob")
            #expect((stored.json["messages"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func asmDownloadsAcceptTheCookieAndRefuseOutsiders() async throws {
        try await SkypeWebHarness.with { harness in
            let alice = try await harness.login("alice", password: "alice-pass")
            let carol = try await harness.login("carol", password: "carol-pass")
            let created = try await harness.send("POST", "/asm/v1/objects", headers: ["Authorization": "skype_token \(alice.skype)"],
                                                 json: ["type": "sharing/file", "filename": "a.txt", "permissions": ["8:bob": ["read"]]])
            #expect(created.status == 201)
            let id = try #require(created.json["id"] as? String)
            let upload = try await harness.send("PUT", "/asm/v1/objects/\(id)/content/original",
                                                headers: ["Authorization": "skype_token \(alice.skype)"], body: Data("bytes".utf8))
            #expect(upload.status == 201)
            let bob = try await harness.login("bob", password: "bob-pass")
            let download = try await harness.send("GET", "/asm/v1/objects/\(id)/views/original", headers: ["Cookie": "skypetoken_asm=\(bob.skype)"])
            #expect(download.text == "bytes")
            let status = try await harness.send("GET", "/asm/v1/objects/\(id)/views/original/status", headers: ["X-SkypeToken": bob.skype])
            #expect(status.json["content_state"] as? String == "ready")
            let outsider = try await harness.send("GET", "/asm/v1/objects/\(id)/views/original", headers: ["Authorization": "skype_token \(carol.skype)"])
            #expect(outsider.status == 403)
            let anonymous = try await harness.send("GET", "/asm/v1/objects/\(id)/views/original")
            #expect(anonymous.status == 401)
        }
    }
}
