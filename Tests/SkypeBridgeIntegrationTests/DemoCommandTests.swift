import SkypeBridgeTestSupport
import Testing

/// `skypebridge demo`, the README's first command, through the real binary.
@Suite struct DemoCommandTests {
    @Test func theDemoSeesEveryStepArriveAndExitsZero() async throws {
        let result = try await BinaryRunner().run(["demo"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("11 of 11 steps verified: everything arrived, exactly once."))
        for shown in ["~skype-8-alice", "[ Mia ] Welcome, alice!", "**Deploy**", "post edited", "post deleted", "image/png", "notes.txt",
                      "HTTP 200 {\"msg\":\"Posted message\"}", "answered via desk"] {
            #expect(result.stdout.contains(shown), "the transcript lacks \(shown)")
        }
        #expect(!result.stdout.contains("\u{1B}["), "NO_COLOR output has escape codes")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}
