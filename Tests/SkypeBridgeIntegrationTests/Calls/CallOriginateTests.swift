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
