import Foundation
import SkypeBridgeTestSupport
import Testing
import SkypeBridgeCore
@testable import skypebridge

@Suite struct ExitCodeTests {
    let binary = BinaryRunner()

    @Test func unknownOptionIsAUsageErrorWithCode2() async throws {
        let result = try await binary.run(["send", "--no-such-option", "8:alice", "hi"])
        #expect(result.status == ExitCodes.usage.rawValue)
        #expect(result.stderr.contains("--no-such-option"))
        #expect(result.stdout.isEmpty)
    }

    @Test func missingArgumentIsAUsageError() async throws {
        let result = try await binary.run(["interfaces", "remove"])
        #expect(result.status == 2)
    }

    @Test func conflictingOptionsAreAUsageError() async throws {
        let result = try await binary.run(["send", "--rich", "--html", "8:alice", "hi"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--rich and --html cannot be combined"))
    }

    @Test func exitCodesAreDistinctAndSysexitsStyle() {
        let codes = ExitCodes.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(ExitCodes.config.rawValue == 78)
        #expect(ExitCodes.unavailable.rawValue == 69)
        #expect(ExitCodes.auth.rawValue == 77)
    }

    @Test func everyErrorCategoryMapsToItsOwnCode() {
        let mapped = ErrorCategory.allCases.map { ExitCodes(category: $0) }
        #expect(Set(mapped).count == mapped.count)
        #expect(!mapped.contains(.success))
    }
}
