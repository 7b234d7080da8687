import Testing
@testable import SkypeBridgeCore

@Suite struct LockAndKeyTests {
    /// The vectors of skype-web.md §3.2 (skpy 0.11 and an independent implementation agree).
    @Test(arguments: [
        ("1462570297", "5ac181edee7f30db176aaef9a043bf8a"),
        ("1451606400", "362420c48750c8e5db6ec9bcdf79e32c"),
        ("1700000000", "abe5fadd8fa2021a9041e263584ea4ab"),
        ("1735689600", "8d52b580d7df690b6cf9f578a82c6816"),
    ])
    func matchesTheKnownVectors(challenge: String, expected: String) {
        #expect(LockAndKey.response(challenge: challenge) == expected)
    }

    @Test func headerCarriesAppIdTimeAndResponse() {
        #expect(LockAndKey.header(time: 1462570297) == "appId=msmsgs@msnmsgr.com; time=1462570297; lockAndKeyResponse=5ac181edee7f30db176aaef9a043bf8a")
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func matchesFIPSVectors(input: String, expected: String) {
        #expect(SHA256.hex(Array(input.utf8)) == expected)
    }

    @Test func handlesInputsAcrossBlockBoundaries() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
