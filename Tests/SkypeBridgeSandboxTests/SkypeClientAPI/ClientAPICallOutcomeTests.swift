import SkypeBridgeSandbox
import Testing

@Suite("Client API emulator: scripted call outcomes")
struct ClientAPICallOutcomeTests {
    /// A target and the statuses its call goes through until it ends.
    struct Scripted: Sendable, CustomTestStringConvertible {
        let target: String
        let statuses: [String]
        var testDescription: String { target }
    }

    @Test(arguments: [
        Scripted(target: "busy", statuses: ["UNPLACED", "ROUTING", "BUSY"]),
        Scripted(target: "refuse", statuses: ["UNPLACED", "ROUTING", "RINGING", "REFUSED"]),
        Scripted(target: "noanswer:0.2", statuses: ["UNPLACED", "ROUTING", "RINGING", "MISSED"]),
        Scripted(target: "offline", statuses: ["UNPLACED", "ROUTING", "FAILED"]),
        Scripted(target: "fail:6", statuses: ["UNPLACED", "ROUTING", "FAILED"]),
        Scripted(target: "hangup-after:1.2", statuses: ["UNPLACED", "ROUTING", "RINGING", "INPROGRESS", "FINISHED"]),
    ])
    func targetPlaysItsScript(_ scripted: Scripted) async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            let reply = try await client.request("CALL \(scripted.target)")
            let id = try #require(callID(reply))
            #expect(reply == "CALL \(id) STATUS UNPLACED")
            try await client.waitForStatus(scripted.statuses.last!, of: id)
            #expect(client.statuses(of: id) == scripted.statuses)
            #expect(try await client.request("ALTER CALL \(id) END HANGUP") == "ERROR 24 Cannot hangup inactive call")
            await client.close()
        }
    }

    @Test func failureReasonPrecedesFailedStatus() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            let id = try #require(callID(try await client.request("CALL offline")))
            try await client.waitForStatus("FAILED", of: id)
            let messages = client.messages
            let reason = try #require(messages.firstIndex(of: "CALL \(id) FAILUREREASON 3"))
            #expect(reason < messages.firstIndex(of: "CALL \(id) STATUS FAILED")!)
            #expect(try await client.request("GET CALL \(id) FAILUREREASON") == "CALL \(id) FAILUREREASON 3")
            await client.close()
        }
    }

    @Test func echo123AnswersAndTicksDurationUntilTheClientHangsUp() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            let id = try #require(callID(try await client.request("CALL echo123")))
            try await client.waitForStatus("INPROGRESS", of: id)
            _ = try await client.message { $0 == "CALL \(id) DURATION 1" }
            #expect(try await client.request("GET CALL \(id) TYPE") == "CALL \(id) TYPE OUTGOING_P2P")
            #expect(try await client.request("GET CALL \(id) PARTNER_HANDLE") == "CALL \(id) PARTNER_HANDLE echo123")
            #expect(try await client.request("ALTER CALL \(id) END HANGUP") == "ALTER CALL \(id) END HANGUP")
            try await client.waitForStatus("FINISHED", of: id)
            #expect(client.statuses(of: id) == ["UNPLACED", "ROUTING", "RINGING", "INPROGRESS", "FINISHED"])
            await client.close()
        }
    }

    @Test func hangingUpBeforeAnswerCancels() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            let id = try #require(callID(try await client.request("CALL noanswer:5")))
            try await client.waitForStatus("RINGING", of: id)
            _ = try await client.request("ALTER CALL \(id) HANGUP")
            try await client.waitForStatus("CANCELLED", of: id)
            await client.close()
        }
    }

    @Test func invalidTargetsAreRefusedWithError92() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            #expect(try await client.request("CALL invalid") == "ERROR 92 CALL: Unrecognised identity")
            #expect(try await client.request("CALL +12ab") == "ERROR 92 CALL: Unrecognised identity")
            #expect(try await client.request("GET CALL 999 STATUS") == "ERROR 11 Invalid call id")
            await client.close()
        }
    }

    @Test func skypeOutHasEarlyMediaAndLowersTheBalance() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            let id = try #require(callID(try await client.request("CALL +390612345678")))
            try await client.waitForStatus("INPROGRESS", of: id)
            #expect(client.statuses(of: id) == ["UNPLACED", "ROUTING", "EARLYMEDIA", "INPROGRESS"])
            #expect(try await client.request("GET CALL \(id) TYPE") == "CALL \(id) TYPE OUTGOING_PSTN")
            _ = try await client.message { $0 == "PROFILE PSTN_BALANCE 998" }
            #expect(try await client.request("GET PROFILE PSTN_BALANCE") == "PROFILE PSTN_BALANCE 998")
            _ = try await client.request("ALTER CALL \(id) END HANGUP")
            try await client.waitForStatus("FINISHED", of: id)
            await client.close()
        }
    }

    @Test func skypeOutWithoutCreditFails() async throws {
        let seed = SkypeClientAPISeed(endpoints: [.init(name: "poor", skypeUser: "pauper")], balances: ["pauper": 0], timing: fastTiming)
        try await withEmulator(seed) { info in
            let client = try await attachedClient(info, "poor")
            let id = try #require(callID(try await client.request("CALL +4930123456")))
            try await client.waitForStatus("FAILED", of: id)
            #expect(!client.statuses(of: id).contains("EARLYMEDIA"))
            await client.close()
        }
    }

    @Test func bareOKReplyAnnouncesTheCallInANotification() async throws {
        let seed = SkypeClientAPISeed(endpoints: [.init(name: "linux", skypeUser: "dave", bareCallReply: true)], timing: fastTiming)
        try await withEmulator(seed) { info in
            let client = try await attachedClient(info, "linux")
            #expect(try await client.request("CALL busy") == "OK")
            let announced = try await client.message { $0.hasSuffix("STATUS UNPLACED") }
            let id = try #require(callID(announced))
            try await client.waitForStatus("BUSY", of: id)
            await client.close()
        }
    }
}
