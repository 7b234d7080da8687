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

    @Test func interactivelyAPersonTypesOnEitherSideAndSeesItArrive() async throws {
        let input = "mia: typed by a person on Mattermost\nalice: typed by a person on Skype\nzed: nobody\nquit\n"
        let result = try await BinaryRunner().run(["demo", "--interactive"], stdin: input, environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("alice sees") && $0.contains("typed by a person on Mattermost") && $0.contains("✓") })
        #expect(lines.contains { $0.contains("~skype-8-alice") && $0.contains("typed by a person on Skype") && $0.contains("✓") })
        #expect(lines.contains { $0.contains("unknown person zed") })
    }

    @Test func sigtermDuringTheDemoEndsItWith130() async throws {
        let demo = try BinaryRunner().start(["demo", "--interactive"], environment: ["NO_COLOR": "1"])
        try await Task.sleep(for: .seconds(2))
        demo.terminate()
        let result = await demo.finish()
        #expect(result.status == 130, "\(result.stdout)\n\(result.stderr)")
    }
}
