import Foundation
import Logging
import SkypeBridgeSandbox
import SkypeBridgeTestSupport
import Testing

/// Faulty Skype clients (scenarios 8 and 9 of the desktop API protocol's §7.6): an emulator run in
/// this process with a seed of misbehaving endpoints, driven through the real binary.
@Suite struct InterfaceFaultTests {
    let binary = BinaryRunner()

    /// An emulator of `endpoints`, a config listing `order` (plus `gone`, an endpoint nobody
    /// listens on), and a state path; stopped and removed by the caller.
    private func start(order: [String]) async throws -> (SkypeClientAPIEmulator, [String], String) {
        let seed = SkypeClientAPISeed(
            endpoints: [
                .init(name: "good", skypeUser: "bob"),
                .init(name: "denied", skypeUser: "bob", authorization: .deny),
                .init(name: "impostor", skypeUser: "bob", reportedUser: "mallory"),
                .init(name: "noisy", skypeUser: "bob", bareCallReply: true, noisy: true),
            ],
            timing: .init(stepMilliseconds: 50, answerMilliseconds: 300))
        let emulator = SkypeClientAPIEmulator(seed: seed, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let info = try await emulator.start(host: "127.0.0.1")
        let directory = FileManager.default.temporaryDirectory.path + "/skypebridge-faults-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let config: String = order.map { name -> String in
            let endpoint = name == "gone" ? "tcp://127.0.0.1:1" : info.urls["endpoint.\(name)"] ?? ""
            return "[interfaces.\(name)]\nendpoint = \"\(endpoint)\"\nskype_user = \"bob\"\n"
        }.joined(separator: "\n")
        try config.write(toFile: directory + "/faults.toml", atomically: true, encoding: .utf8)
        return (emulator, ["--config", directory + "/faults.toml", "--state", directory + "/state.sqlite"], directory)
    }

    @Test func unreachableRefusingAndImpostorClientsAreDownWithTheirReasonAndOthersWork() async throws {
        let (emulator, options, directory) = try await start(order: ["good", "denied", "impostor", "gone", "noisy"])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let list = try await binary.run(options + ["interfaces", "list", "--json"])
        await emulator.stop()
        let interfaces = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let state = { (name: String) in CallTestSupport.interface(name, in: interfaces) }
        #expect(state("good")?["state"] as? String == "IDLE")
        #expect(state("noisy")?["state"] as? String == "IDLE")
        for (name, reason) in [("denied", "refused access"), ("impostor", "logged in as mallory"), ("gone", "cannot connect")] {
            #expect(state(name)?["state"] as? String == "DOWN", "\(name)")
            let found = state(name)?["reason"] as? String ?? ""
            #expect(found.contains(reason), "\(name): \(found)")
        }
    }

    @Test func namedCallsThroughFaultyClientsFailClearlyAndRoundRobinSkipsThem() async throws {
        let (emulator, options, directory) = try await start(order: ["denied", "good", "impostor", "gone", "noisy"])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try await binary.run(options + ["call", "originate", "RR/busy", "--json"])
        #expect(first.status == 80, "\(first.stderr)")
        let down = try #require(CallTestSupport.event("interface-down", in: first.stdout))
        #expect(down["interface"] as? String == "denied")
        #expect(CallTestSupport.lines(first.stdout).filter { $0["event"] as? String == "interface" }.compactMap { $0["interface"] as? String } == ["denied", "good"])
        for (name, status, message) in [("denied", Int32(77), "refused access"), ("impostor", 78, "logged in as mallory"), ("gone", 69, "cannot connect")] {
            let result = try await binary.run(options + ["call", "originate", "\(name)/echo123"])
            #expect(result.status == status, "\(name): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(name): \(result.stderr)")
        }
        var picks: [String] = []
        for _ in 0..<3 {
            let result = try await binary.run(options + ["call", "originate", "RR/busy", "--json"])
            picks.append(CallTestSupport.lines(result.stdout).last { $0["event"] as? String == "interface" }?["interface"] as? String ?? "?")
        }
        await emulator.stop()
        #expect(picks == ["noisy", "good", "noisy"], "round robin skips interfaces marked DOWN")
    }

    @Test func duplicateStatusesAndUnknownPropertiesHaveNoEffect() async throws {
        let (emulator, options, directory) = try await start(order: ["noisy"])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await binary.run(options + ["call", "originate", "noisy/echo123", "--duration", "1", "--json"])
        await emulator.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(CallTestSupport.statuses(result.stdout) == ["UNPLACED", "ROUTING", "RINGING", "INPROGRESS", "FINISHED"])
        #expect(CallTestSupport.event("end", in: result.stdout)?["outcome"] as? String == "completed")
    }
}
