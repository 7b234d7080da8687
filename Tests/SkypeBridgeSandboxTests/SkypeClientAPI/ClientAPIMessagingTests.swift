import SkypeBridgeSandbox
import Testing

@Suite("Client API emulator: DTMF, incoming calls, chat and contacts")
struct ClientAPIMessagingTests {
    @Test func dtmfIsAcceptedOnLiveCallsBothWaysAndBadDigitsAreRefused() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            let id = try #require(callID(try await client.request("CALL echo123")))
            #expect(try await client.request("ALTER CALL \(id) DTMF 5") == "ERROR 41 Call not active")
            try await client.waitForStatus("INPROGRESS", of: id)
            #expect(try await client.request("ALTER CALL \(id) DTMF 5") == "ALTER CALL \(id) DTMF 5")
            #expect(try await client.request("SET CALL \(id) DTMF #") == "CALL \(id) DTMF #")
            #expect(try await client.request("ALTER CALL \(id) DTMF A") == "ERROR 42 Invalid DTMF code")
            #expect(try await control(info, "POST", "/calls/\(id)/dtmf", ["digits": "1*"]).status == 204)
            _ = try await client.message { $0 == "CALL \(id) DTMF *" }
            #expect(client.messages.filter { $0.hasPrefix("CALL \(id) DTMF") } == ["CALL \(id) DTMF 1", "CALL \(id) DTMF *"])
            let report = try await callReport(info, id)
            #expect(report["dtmf_sent"] as? [String] == ["5", "#"])
            #expect(report["dtmf_received"] as? [String] == ["1", "*"])
            #expect(try await control(info, "POST", "/calls/\(id)/dtmf", ["digits": "D"]).status == 400)
            await client.close()
        }
    }

    @Test func incomingCallRingsEveryClientOfTheUserAndOnlyOneAnswers() async throws {
        try await withEmulator { info in
            let desk1 = try await attachedClient(info, "desk1")
            let desk2 = try await attachedClient(info, "desk2")
            let desk3 = try await attachedClient(info, "desk3")
            let injected = try await control(info, "POST", "/incoming-call", ["to": "bridgebot", "from": "alice", "display_name": "Alice A"])
            let created = try #require((injected.json as? [String: Any])?["created"] as? [[String: Any]])
            #expect(created.compactMap { $0["endpoint"] as? String } == ["desk1", "desk2"])
            let first = try #require(created[0]["id"] as? Int)
            let second = try #require(created[1]["id"] as? Int)
            try await desk1.waitForStatus("RINGING", of: first)
            try await desk2.waitForStatus("RINGING", of: second)
            #expect(try await desk1.request("GET CALL \(first) TYPE") == "CALL \(first) TYPE INCOMING_P2P")
            #expect(try await desk1.request("GET CALL \(first) PARTNER_HANDLE") == "CALL \(first) PARTNER_HANDLE alice")
            #expect(try await desk1.request("GET CALL \(first) PARTNER_DISPNAME") == "CALL \(first) PARTNER_DISPNAME Alice A")
            #expect(try await desk1.request("ALTER CALL \(first) ANSWER") == "ALTER CALL \(first) ANSWER")
            try await desk1.waitForStatus("INPROGRESS", of: first)
            try await desk2.waitForStatus("MISSED", of: second)
            #expect(try await desk2.request("ALTER CALL \(second) ANSWER") == "ERROR 559 ALTER CALL: action failed")
            #expect(try await control(info, "POST", "/calls/\(first)/hangup").status == 204)
            try await desk1.waitForStatus("FINISHED", of: first)
            #expect(!desk3.messages.contains { $0.hasPrefix("CALL ") })
            for client in [desk1, desk2, desk3] { await client.close() }
        }
    }

    @Test func incomingCallRefusedWhileRingingEndsRefused() async throws {
        try await withEmulator { info in
            let desk3 = try await attachedClient(info, "desk3")
            let injected = try await control(info, "POST", "/incoming-call", ["to": "helpdesk", "from": "+441234567890", "pstn": true])
            let id = try #require(((injected.json as? [String: Any])?["created"] as? [[String: Any]])?.first?["id"] as? Int)
            try await desk3.waitForStatus("RINGING", of: id)
            #expect(try await desk3.request("GET CALL \(id) TYPE") == "CALL \(id) TYPE INCOMING_PSTN")
            _ = try await desk3.request("ALTER CALL \(id) END HANGUP")
            try await desk3.waitForStatus("REFUSED", of: id)
            #expect(try await control(info, "POST", "/incoming-call", ["to": "nobody", "from": "x"]).status == 404)
            await desk3.close()
        }
    }

    @Test func receivedChatMessageCanBeReadAndMarkedSeen() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info, "desk3")
            let injected = try await control(info, "POST", "/chat", ["to": "helpdesk", "from": "alice", "display_name": "Alice", "body": "hello  there\nsecond line"])
            let id = try #require(((injected.json as? [String: Any])?["created"] as? [[String: Any]])?.first?["id"] as? Int)
            _ = try await client.message { $0 == "CHATMESSAGE \(id) STATUS RECEIVED" }
            #expect(try await client.request("GET CHATMESSAGE \(id) TYPE") == "CHATMESSAGE \(id) TYPE SAID")
            let chatName = String(try await client.request("GET CHATMESSAGE \(id) CHATNAME").dropFirst("CHATMESSAGE \(id) CHATNAME ".count))
            #expect(chatName.hasPrefix("#helpdesk/$alice;"))
            #expect(try await client.request("GET CHATMESSAGE \(id) FROM_HANDLE") == "CHATMESSAGE \(id) FROM_HANDLE alice")
            #expect(try await client.request("GET CHATMESSAGE \(id) FROM_DISPNAME") == "CHATMESSAGE \(id) FROM_DISPNAME Alice")
            #expect(try await client.request("GET CHATMESSAGE \(id) BODY") == "CHATMESSAGE \(id) BODY hello  there\nsecond line")
            #expect(try await client.request("SET CHATMESSAGE \(id) SEEN") == "CHATMESSAGE \(id) STATUS READ")
            #expect(try await client.request("GET CHAT \(chatName) DIALOG_PARTNER") == "CHAT \(chatName) DIALOG_PARTNER alice")
            await client.close()
        }
    }

    @Test func sentChatMessageGoesFromSendingToSent() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            let created = try await client.request("CHAT CREATE alice")
            #expect(created.hasPrefix("CHAT #bridgebot/$alice;") && created.hasSuffix(" STATUS DIALOG"))
            let chatName = String(created.split(separator: " ")[1])
            let sending = try await client.request("CHATMESSAGE \(chatName) hi alice")
            let id = try #require(Int(sending.split(separator: " ")[1]))
            #expect(sending == "CHATMESSAGE \(id) STATUS SENDING")
            _ = try await client.message { $0 == "CHATMESSAGE \(id) STATUS SENT" }
            #expect(try await client.request("CHATMESSAGE \(chatName) ") == "ERROR 43 Cannot send empty message")
            #expect(try await client.request("CHATMESSAGE #nope hi") == "ERROR 105 Invalid chat name")
            let messages = try await control(info, "GET", "/chat-messages").json as? [String: Any]
            let listed = try #require((messages?["messages"] as? [[String: Any]])?.first)
            #expect(listed["body"] as? String == "hi alice")
            #expect(listed["status"] as? String == "SENT")
            await client.close()
        }
    }

    @Test func authorizationRequestIsDeliveredAndGrantRecorded() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info, "desk3")
            #expect(try await control(info, "POST", "/auth-request", ["to": "helpdesk", "from": "zoe", "text": "let me in"]).status == 200)
            _ = try await client.message { $0 == "USER zoe RECEIVEDAUTHREQUEST let me in" }
            #expect(try await client.request("SEARCH USERSWAITINGMYAUTHORIZATION") == "USERS zoe")
            #expect(try await client.request("SET USER zoe ISAUTHORIZED TRUE") == "USER zoe ISAUTHORIZED TRUE")
            #expect(try await client.request("GET USER zoe ISAUTHORIZED") == "USER zoe ISAUTHORIZED TRUE")
            #expect(try await client.request("GET USER zoe BUDDYSTATUS") == "USER zoe BUDDYSTATUS 0")
            #expect(try await client.request("SEARCH USERSWAITINGMYAUTHORIZATION") == "USERS ")
            let user = try await control(info, "GET", "/users/helpdesk").json as? [String: Any]
            #expect(user?["authorized"] as? [String] == ["zoe"])
            #expect(user?["auth_requests"] as? [String] == ["zoe"])
            await client.close()
        }
    }

    @Test func droppingAConnectionEndsItsCalls() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            let id = try #require(callID(try await client.request("CALL echo123")))
            try await client.waitForStatus("INPROGRESS", of: id)
            _ = try await control(info, "POST", "/endpoints/desk1/drop")
            let report = try await callReport(info, id)
            #expect(report["status"] as? String == "FINISHED")
            let again = try await attachedClient(info)
            #expect(try await again.request("SEARCH ACTIVECALLS") == "CALLS ")
            await again.close()
            await client.close()
        }
    }
}

@Suite("Client API emulator: hold and transfer")
struct ClientAPIHoldTransferTests {
    @Test func holdAndResumeMoveBetweenLocalHoldAndInProgress() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            let id = try #require(callID(try await client.request("CALL echo123")))
            #expect(try await client.request("ALTER CALL \(id) RESUME") == "ERROR 23 Cannot resume this call at the moment")
            try await client.waitForStatus("INPROGRESS", of: id)
            #expect(try await client.request("ALTER CALL \(id) HOLD") == "ALTER CALL \(id) HOLD")
            try await client.waitForStatus("LOCALHOLD", of: id)
            _ = try await client.request("ALTER CALL \(id) RESUME")
            #expect(client.statuses(of: id).suffix(3) == ["INPROGRESS", "LOCALHOLD", "INPROGRESS"])
            await client.close()
        }
    }

    @Test func transferRingsTheOtherUsersClients() async throws {
        try await withEmulator { info in
            let desk3 = try await attachedClient(info, "desk3")
            let desk1 = try await attachedClient(info, "desk1")
            let injected = try await control(info, "POST", "/incoming-call", ["to": "helpdesk", "from": "alice"])
            let id = try #require(((injected.json as? [String: Any])?["created"] as? [[String: Any]])?.first?["id"] as? Int)
            try await desk3.waitForStatus("RINGING", of: id)
            #expect(try await desk3.request("ALTER CALL \(id) TRANSFER nobody") == "ERROR 559 ALTER CALL: action failed")
            #expect(try await desk3.request("ALTER CALL \(id) TRANSFER bridgebot") == "ALTER CALL \(id) TRANSFER bridgebot")
            try await desk3.waitForStatus("TRANSFERRED", of: id)
            #expect(desk3.statuses(of: id) == ["RINGING", "TRANSFERRING", "TRANSFERRED"])
            let ring = try await desk1.message { $0.hasSuffix("STATUS RINGING") }
            let transferred = try #require(callID(ring))
            #expect(try await desk1.request("GET CALL \(transferred) PARTNER_HANDLE") == "CALL \(transferred) PARTNER_HANDLE alice")
            await desk1.close()
            await desk3.close()
        }
    }
}
