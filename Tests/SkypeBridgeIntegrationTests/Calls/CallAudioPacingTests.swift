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
        let seconds = try #require(end["audio_seconds"] as? Double)
        let due = Int((seconds * 50).rounded())
        // The audio starts a little after the answer (ports, SET_INPUT/SET_OUTPUT, the client
        // connecting), so the pace is checked against the time the audio actually ran.
        #expect(seconds > 8 && seconds <= 10.5, "audio ran \(seconds) s of the 10 s call")
        let skipped = try #require(end["skipped_ticks"] as? Int)
        // Every tick of the monotonic clock is either sent or, when the process was starved
        // (a loaded machine), skipped: the clock never drifts and never bursts.
        #expect(abs(sent + skipped - due) <= 10, "sent \(sent) and skipped \(skipped) of \(due) ticks")
        if skipped == 0 { #expect(abs(sent - due) <= 10, "sent \(sent) frames in \(seconds) s") }
        #expect(received <= due + 10, "received \(received) frames in \(seconds) s")
        let id = try #require(CallTestSupport.event("placed", in: result.stdout)?["call"] as? Int)
        let audio = try #require(try await CallTestSupport.callReport(sandbox, id: id)["audio"] as? [String: Any])
        let read = audio["frames_in"] as? Int ?? 0
        #expect(read <= due + 10 && read >= sent - 10, "the emulator read \(read) of the \(sent) frames sent")
        #expect(abs((audio["frames_out"] as? Int ?? 0) - received) <= 10, "the emulator wrote \(audio["frames_out"] ?? 0) frames")
    }

    @Test func aPausedSenderSkipsTheMissedFramesInsteadOfBursting() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let running = try binary.start(sandbox.options + ["call", "originate", "desk1/echo123", "--duration", "6", "--json"])
        let id = try await CallTestSupport.inProgressCall(sandbox, endpoint: "desk1")
        let owner = try #require(try CallTestSupport.stored(sandbox).first { $0.name == "desk1" }?.ownerPID)
        try await Task.sleep(for: .seconds(1))
        #expect(kill(owner, SIGSTOP) == 0)
        try await Task.sleep(for: .seconds(1))
        #expect(kill(owner, SIGCONT) == 0)
        let result = await running.finish()
        #expect(result.status == 0, "\(result.stderr)")
        let end = try #require(CallTestSupport.event("end", in: result.stdout))
        let skipped = try #require(end["skipped_ticks"] as? Int)
        #expect(skipped >= 40, "about 50 ticks pass during a 1 s pause, \(skipped) skipped")
        let audio = try #require(try await CallTestSupport.callReport(sandbox, id: id)["audio"] as? [String: Any])
        let read = audio["frames_in"] as? Int ?? 0
        #expect(read <= 265, "6 s minus a 1 s pause is about 250 frames; \(read) means a burst")
        #expect(read >= 200)
    }
}
