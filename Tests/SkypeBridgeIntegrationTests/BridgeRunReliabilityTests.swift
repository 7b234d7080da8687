import Foundation
import SkypeBridgeTestSupport
import Testing

/// `bridge run` under load, a crash and lost connections: every message arrives once, in order.
@Suite(.serialized) struct BridgeRunReliabilityTests {
    /// Alice's 1:1 chat and its channel, made by a first relayed message; returns the channel id.
    private func prime(_ fixture: BridgeRunFixture) async throws -> String {
        try await fixture.skypeSays("alice", "start")
        var channel = ""
        _ = try await fixture.eventually {
            channel = try await fixture.channelID("skype-8-alice") ?? ""
            guard !channel.isEmpty else { return false }
            return try await fixture.livePosts(channel).count == 1
        }
        return channel
    }

    /// Sends `count` numbered messages each way at the same time; `midway` runs once half are sent.
    private func stream(_ fixture: BridgeRunFixture, count: Int, midway: @escaping @Sendable () async throws -> Void = {}) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for index in 0..<count { try await fixture.skypeSays("alice", "sk-\(index)") }
            }
            group.addTask {
                for index in 0..<count {
                    if index == count / 2 { try await midway() }
                    try await fixture.mattermostSays("mia", "mm-\(index)", in: "skype-8-alice")
                }
            }
            try await group.waitForAll()
        }
    }

    /// The numbers of the relayed messages on each side, in arrival order.
    private func relayed(_ fixture: BridgeRunFixture, channel: String) async throws -> (toMattermost: [Int], toSkype: [Int]) {
        let posts = try await fixture.livePosts(channel).compactMap { $0["message"] as? String }
        let toMattermost = posts.filter { $0.hasPrefix("sk-") }.compactMap { Int($0.dropFirst(3)) }
        let skype = try await fixture.bridgeMessagesOnSkype().compactMap { $0["content"] as? String }
        let toSkype = skype.compactMap { content in content.components(separatedBy: "] mm-").dropFirst().last.flatMap { Int($0) } }
        return (toMattermost, toSkype)
    }

    /// Waits until `count` arrived each way (or the timeout), then checks: all, once, in order.
    private func expectExactlyOnceInOrder(_ fixture: BridgeRunFixture, channel: String, count: Int, timeout: Duration) async throws {
        _ = try await fixture.eventually(timeout: timeout) {
            let (toMattermost, toSkype) = try await relayed(fixture, channel: channel)
            return toMattermost.count >= count && toSkype.count >= count
        }
        try await Task.sleep(for: .seconds(2))
        let (toMattermost, toSkype) = try await relayed(fixture, channel: channel)
        #expect(toMattermost == Array(0..<count), "Skype → Mattermost: \(toMattermost.count) relayed, \(Set(toMattermost).count) distinct")
        #expect(toSkype == Array(0..<count), "Mattermost → Skype: \(toSkype.count) relayed, \(Set(toSkype).count) distinct")
    }

    @Test func aThousandMessagesEachWayArriveOnceAndInOrder() async throws {
        let fixture = try await BridgeRunFixture()
        let bridge = try await fixture.startBridge()
        defer { bridge.kill() }
        let channel = try await prime(fixture)
        let started = ContinuousClock.now
        try await stream(fixture, count: 1000)
        try await expectExactlyOnceInOrder(fixture, channel: channel, count: 1000, timeout: .seconds(90))
        print("1000 each way relayed in \(ContinuousClock.now - started)")
    }

    @Test func killedMidStreamAndRestartedNothingIsLostOrDoubled() async throws {
        let fixture = try await BridgeRunFixture()
        let first = try await fixture.startBridge()
        let channel = try await prime(fixture)
        try await stream(fixture, count: 300, midway: { first.kill() })
        _ = await first.finish()
        let second = try await fixture.startBridge()
        defer { second.kill() }
        try await second.waitForStderr(containing: "catching up")
        try await expectExactlyOnceInOrder(fixture, channel: channel, count: 300, timeout: .seconds(60))
    }

    @Test func aWebSocketDropAndASkypeRegistrationExpiryMidStreamLoseNothing() async throws {
        let fixture = try await BridgeRunFixture()
        let bridge = try await fixture.startBridge()
        defer { bridge.kill() }
        let channel = try await prime(fixture)
        try await stream(fixture, count: 300, midway: {
            try await ControlClient.call("POST", fixture.sandbox.controlURL("mattermost", "/faults/drop-websockets"))
            try await ControlClient.call("POST", fixture.sandbox.controlURL("skype", "/users/bridge.bot/expire"), body: ["registration": true])
        })
        try await ControlClient.call("POST", fixture.sandbox.controlURL("mattermost", "/faults/lose-resume-buffer"))
        try await ControlClient.call("POST", fixture.sandbox.controlURL("mattermost", "/faults/drop-websockets"))
        try await fixture.mattermostSays("mia", "mm-300", in: "skype-8-alice")
        try await fixture.skypeSays("alice", "sk-300")
        try await expectExactlyOnceInOrder(fixture, channel: channel, count: 301, timeout: .seconds(60))
        let (_, metrics) = try await fixture.http("/metrics")
        #expect(!metrics.contains("skypebridge_reconnects_total{side=\"mattermost\"} 0"), "\(metrics)")
    }
}
