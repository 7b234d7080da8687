import Foundation
import SkypeBridgeTestSupport
import Testing

/// Call audio pacing through the real binary (scenario 5 of §7.6): 50 frames per second each
/// way from a monotonic clock, and no burst after the process was paused.
@Suite struct CallAudioPacingTests {
    let binary = BinaryRunner()

    @Test func aTenSecondCallMovesFiveHundredFramesEachWay() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let result = try await binary.run(sandbox.options + ["call", "originate", "desk2/echo123", "--duration", "10", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let end = try #require(CallTestSupport.event("end", in: result.stdout))
        let sent = try #require(end["frames_out"] as? Int)
        let received = try #require(end["frames_in"] as? Int)
        #expect((490...510).contains(sent), "sent \(sent) frames")
        #expect((490...510).contains(received), "received \(received) frames")
        let id = try #require(CallTestSupport.event("placed", in: result.stdout)?["call"] as? Int)
        let audio = try #require(try await CallTestSupport.callReport(sandbox, id: id)["audio"] as? [String: Any])
        #expect((490...510).contains(audio["frames_in"] as? Int ?? 0), "the emulator read \(audio["frames_in"] ?? 0) frames")
        #expect((490...510).contains(audio["frames_out"] as? Int ?? 0), "the emulator wrote \(audio["frames_out"] ?? 0) frames")
    }

    @Test func aPausedSenderSkipsTheMissedFramesInsteadOfBursting() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let running = try binary.start(sandbox.options + ["call", "originate", "desk1/echo123", "--duration", "4", "--json"])
        let id = try await CallTestSupport.inProgressCall(sandbox, endpoint: "desk1")
        let owner = try #require(CallTestSupport.interface("desk1", in: try await CallTestSupport.interfaces(sandbox))?["owner_pid"] as? Int)
        try await Task.sleep(for: .seconds(1))
        kill(pid_t(owner), SIGSTOP)
        try await Task.sleep(for: .seconds(1))
        kill(pid_t(owner), SIGCONT)
        let result = await running.finish()
        #expect(result.status == 0, "\(result.stderr)")
        let end = try #require(CallTestSupport.event("end", in: result.stdout))
        let skipped = try #require(end["skipped_ticks"] as? Int)
        #expect(skipped >= 40, "about 50 ticks pass during a 1 s pause, \(skipped) skipped")
        let audio = try #require(try await CallTestSupport.callReport(sandbox, id: id)["audio"] as? [String: Any])
        let read = audio["frames_in"] as? Int ?? 0
        #expect(read <= 165, "4 s minus a 1 s pause is about 150 frames; \(read) means a burst")
        #expect(read >= 120)
    }
}
