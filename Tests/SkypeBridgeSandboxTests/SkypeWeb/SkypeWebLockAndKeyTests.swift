import Testing
@testable import SkypeBridgeSandbox

@Suite struct SkypeWebLockAndKeyTests {
    @Test(arguments: [
        ("1462570297", "5ac181edee7f30db176aaef9a043bf8a"),
        ("1451606400", "362420c48750c8e5db6ec9bcdf79e32c"),
        ("1700000000", "abe5fadd8fa2021a9041e263584ea4ab"),
        ("1735689600", "8d52b580d7df690b6cf9f578a82c6816"),
    ])
    func responseMatchesTheDocumentedVectors(time: String, expected: String) {
        #expect(LockAndKey.response(challenge: time) == expected)
        #expect(LockAndKey.verify(challenge: time, answer: expected))
    }

    @Test func verifyRejectsAnAnswerForAnotherTime() {
        #expect(!LockAndKey.verify(challenge: "1462570298", answer: "5ac181edee7f30db176aaef9a043bf8a"))
    }

    @Test func sha256MatchesAKnownDigest() {
        let hex = SHA256Digest.hash(Array("abc".utf8)).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        #expect(hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
