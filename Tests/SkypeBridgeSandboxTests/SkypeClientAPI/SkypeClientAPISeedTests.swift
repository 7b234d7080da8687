import Foundation
import Logging
import SkypeBridgeSandbox
import Testing

@Suite struct SkypeClientAPISeedTests {
    @Test func decodesSnakeCaseJSONWithDefaults() throws {
        let json = """
            {"endpoints": [{"name": "desk1", "skype_user": "bridgebot"},
                           {"name": "old", "skype_user": "bob", "listen": "unix:/tmp/old.sock",
                            "reported_user": "mallory", "authorization": "deny", "bare_call_reply": true, "noisy": true}],
             "balances": {"bridgebot": 500}, "timing": {"answer_ms": 50}}
            """
        let seed = try JSONDecoder().decode(SkypeClientAPISeed.self, from: Data(json.utf8))
        #expect(seed.endpoints[0] == .init(name: "desk1", skypeUser: "bridgebot"))
        #expect(seed.endpoints[1] == .init(name: "old", skypeUser: "bob", listen: "unix:/tmp/old.sock", reportedUser: "mallory", authorization: .deny, bareCallReply: true, noisy: true))
        #expect(seed.balances == ["bridgebot": 500])
        #expect(seed.defaultBalance == 1000 && seed.currency == "EUR" && seed.pstnRatePerMinute == 2)
        #expect(seed.timing == .init(answerMilliseconds: 50))
        #expect(try JSONDecoder().decode(SkypeClientAPISeed.self, from: JSONEncoder().encode(seed)) == seed)
    }

    @Test func defaultSeedHasThreeDesksTwoSharingAUser() {
        let users = SkypeClientAPISeed.default.endpoints.map(\.skypeUser)
        #expect(SkypeClientAPISeed.default.endpoints.map(\.name) == ["desk1", "desk2", "desk3"])
        #expect(users[0] == users[1] && users[1] != users[2])
    }

    @Test(arguments: [
        (SkypeClientAPISeed(endpoints: [.init(name: "a", skypeUser: "x"), .init(name: "a", skypeUser: "y")]), SkypeClientAPIEmulatorError.duplicateEndpoint("a")),
        (SkypeClientAPISeed(endpoints: [.init(name: "a", skypeUser: "x", listen: "http://127.0.0.1:1")]), .invalidListenAddress("http://127.0.0.1:1")),
    ])
    func startRefusesBadSeeds(_ seed: SkypeClientAPISeed, _ expected: SkypeClientAPIEmulatorError) async {
        let emulator = SkypeClientAPIEmulator(seed: seed, logger: Logger(label: "test"))
        await #expect(throws: expected) { _ = try await emulator.start(host: "127.0.0.1") }
        await emulator.stop()
    }
}
