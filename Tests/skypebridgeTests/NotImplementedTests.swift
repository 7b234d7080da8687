import SkypeBridgeTestSupport
import Testing

/// Commands that later issues build must say so and exit "unavailable", never pretend.
@Suite struct NotImplementedTests {
    @Test(arguments: [
        ["demo"], ["bridge", "run", "--http-only"],
    ])
    func unbuiltCommandsExitUnavailableWithOneLine(command: [String]) async throws {
        let result = try await BinaryRunner().run(command)
        #expect(result.status == 69)
        #expect(result.stderr == "error: \(command.joined(separator: " ")) is not implemented yet\n")
        #expect(result.stdout.isEmpty)
    }
}
