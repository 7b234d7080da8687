import Foundation
import SkypeBridgeTestSupport
import Testing

/// `call originate` through the real binary against the sandbox's Skype client API emulator
/// (scenarios 1, 3, 4, 7 of the desktop API protocol's §7.6).
@Suite struct CallOriginateTests {
    let binary = BinaryRunner()

    @Test func echoCallThroughANamedInterfaceSeesEveryStatusMovesAudioAndExitsZero() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let result = try await binary.run(sandbox.options + ["call", "originate", "desk2/echo123", "--duration", "2", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(CallTestSupport.statuses(result.stdout) == ["UNPLACED", "ROUTING", "RINGING", "INPROGRESS", "FINISHED"])
        let selected = try #require(CallTestSupport.event("interface", in: result.stdout))
        #expect(selected["interface"] as? String == "desk2")
        let ports = try #require(CallTestSupport.event("audio-ports", in: result.stdout))
        for key in ["input_port", "output_port"] {
            let port = try #require(ports[key] as? Int)
            #expect((32769..<65000).contains(port), "\(key) \(port) is outside mod_skypopen's allocation range")
        }
        let end = try #require(CallTestSupport.event("end", in: result.stdout))
        #expect(end["outcome"] as? String == "completed")
        let talk = try #require(end["talk_seconds"] as? Double)
        #expect(talk >= 1.9 && talk < 3.5)
        let framesOut = try #require(end["frames_out"] as? Int)
        let framesIn = try #require(end["frames_in"] as? Int)
        #expect(framesOut >= 90 && framesOut <= 115, "2 s at 50 frames/s, got \(framesOut)")
        #expect(framesIn >= 80, "echo123 loops our frames back, got \(framesIn)")
        let id = try #require(CallTestSupport.event("placed", in: result.stdout)?["call"] as? Int)
        let report = try await CallTestSupport.callReport(sandbox, id: id)
        let audio = try #require(report["audio"] as? [String: Any])
        #expect(audio["input_connected"] as? Bool == true)
        #expect(audio["output_connected"] as? Bool == true)
        #expect((audio["bytes_in"] as? Int ?? 0) >= 80 * 640, "the emulator received our frames")
        #expect(report["status"] as? String == "FINISHED")
    }
}

extension CallOriginateTests {
    @Test func busyRefusedNoAnswerAndFailedCallsEachHaveTheirOwnExitCode() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let cases: [(target: String, status: Int32, outcome: String, last: String)] = [
            ("busy", 80, "busy", "BUSY"), ("refuse", 81, "refused", "REFUSED"), ("noanswer", 82, "no-answer", "CANCELLED"),
            ("offline", 83, "failed", "FAILED"),
        ]
        for (target, status, outcome, last) in cases {
            let result = try await binary.run(sandbox.options + ["call", "originate", "desk3/\(target)", "--ring-timeout", "1", "--json"])
            #expect(result.status == status, "\(target): \(result.stderr)")
            let end = try #require(CallTestSupport.event("end", in: result.stdout), "\(target)")
            #expect(end["outcome"] as? String == outcome)
            #expect(CallTestSupport.statuses(result.stdout).last == last)
            if target == "noanswer" {
                #expect(CallTestSupport.event("hangup", in: result.stdout)?["reason"] as? String == "ring-timeout")
            }
            if target == "offline" {
                #expect(end["failure_reason"] as? Int == 3)
            }
        }
        let text = try await binary.run(sandbox.options + ["call", "originate", "desk3/busy"])
        #expect(text.stdout.contains("status BUSY"))
        #expect(text.stdout.contains("busy (BUSY)"))
        let desk3 = try #require(CallTestSupport.interface("desk3", in: try await CallTestSupport.interfaces(sandbox)))
        #expect(desk3["outbound_failed"] as? Int == 5 && desk3["outbound_total"] as? Int == 5)
        #expect(desk3["state"] as? String == "IDLE")
    }

    @Test func skypeOutHasEarlyMediaBeforeTheAnswerAndCostsCredit() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let user = sandbox.controlURL("client-api", "/users/bridgebot")
        let before = try #require((try await ControlClient.call("GET", user) as? [String: Any])?["balance"] as? Int)
        let result = try await binary.run(sandbox.options + ["call", "originate", "desk1/+15551234567", "--duration", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(CallTestSupport.statuses(result.stdout) == ["UNPLACED", "ROUTING", "EARLYMEDIA", "INPROGRESS", "FINISHED"])
        let events = CallTestSupport.lines(result.stdout).compactMap { $0["event"] as? String == "status" ? $0["status"] as? String : $0["event"] as? String }
        let portsIndex = try #require(events.firstIndex(of: "audio-ports"))
        #expect(portsIndex < (events.firstIndex(of: "INPROGRESS") ?? 0), "audio starts with early media: \(events)")
        let after = try #require((try await ControlClient.call("GET", user) as? [String: Any])?["balance"] as? Int)
        #expect(after < before)
        let invalid = try await binary.run(sandbox.options + ["call", "originate", "desk1/invalid"])
        #expect(invalid.status == 67)
        #expect(invalid.stderr.contains("is not a Skype name or dialable number"))
        let desk1 = try #require(CallTestSupport.interface("desk1", in: try await CallTestSupport.interfaces(sandbox)))
        #expect(desk1["state"] as? String == "IDLE")
    }

    @Test func dtmfIsSentWithoutAToDAndReceivedDigitsAreReported() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let running = try binary.start(sandbox.options + ["call", "originate", "desk3/echo123", "--duration", "3", "--dtmf", "1A#", "--json"])
        let id = try await CallTestSupport.inProgressCall(sandbox, endpoint: "desk3")
        try await ControlClient.call("POST", sandbox.controlURL("client-api", "/calls/\(id)/dtmf"), body: ["digits": "42"])
        let result = await running.finish()
        #expect(result.status == 0, "\(result.stderr)")
        let lines = CallTestSupport.lines(result.stdout)
        let digits = { (event: String) in lines.filter { $0["event"] as? String == event }.compactMap { $0["digit"] as? String } }
        #expect(digits("dtmf-sent") == ["1", "#"])
        #expect(digits("dtmf-dropped") == ["A"])
        #expect(digits("dtmf-received") == ["4", "2"])
        let report = try await CallTestSupport.callReport(sandbox, id: id)
        #expect(report["dtmf_sent"] as? [String] == ["1", "#"])
    }

    @Test func theClientClosingTheAudioMidCallEndsItCleanlyAndFreesTheInterface() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let result = try await binary.run(sandbox.options + ["call", "originate", "desk1/audio-drop:1", "--duration", "8", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(CallTestSupport.event("hangup", in: result.stdout)?["reason"] as? String == "audio-closed")
        #expect(CallTestSupport.statuses(result.stdout).last == "FINISHED")
        let talk = try #require(CallTestSupport.event("end", in: result.stdout)?["talk_seconds"] as? Double)
        #expect(talk < 5)
        let desk1 = try #require(CallTestSupport.interface("desk1", in: try await CallTestSupport.interfaces(sandbox)))
        #expect(desk1["state"] as? String == "IDLE")
    }

    @Test func sigtermHangsUpTheCallAndExitsInterrupted() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let running = try binary.start(sandbox.options + ["call", "originate", "desk2/echo123", "--json"])
        let id = try await CallTestSupport.inProgressCall(sandbox, endpoint: "desk2")
        running.terminate()
        let result = await running.finish()
        #expect(result.status == 130)
        #expect(CallTestSupport.event("hangup", in: result.stdout)?["reason"] as? String == "interrupted")
        #expect(try await CallTestSupport.callReport(sandbox, id: id)["status"] as? String == "FINISHED")
        let desk2 = try #require(CallTestSupport.interface("desk2", in: try await CallTestSupport.interfaces(sandbox)))
        #expect(desk2["state"] as? String == "IDLE")
    }
}
