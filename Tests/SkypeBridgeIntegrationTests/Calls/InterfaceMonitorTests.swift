import Foundation
import SkypeBridgeTestSupport
import Testing

/// `listen --interfaces` through the real binary: incoming calls by the configured action, chats
/// and contact requests (scenario 13 of the desktop API protocol's §7.6 and issue item 6).
@Suite struct InterfaceMonitorTests {
    let binary = BinaryRunner()

    private func startListening(_ sandbox: SandboxProcess, defaults: [String], types: [String], count: Int) async throws -> (RunningBinary, [String]) {
        let path = sandbox.directory + "/listen.toml"
        try CallTestSupport.config(sandbox, interfaceDefaults: defaults).write(toFile: path, atomically: true, encoding: .utf8)
        let options = ["--config", path, "--state", sandbox.statePath]
        let arguments = options + ["-v", "listen", "--interfaces", "--count", "\(count)"] + types.flatMap { ["--type", $0] }
        let listening = try binary.start(arguments)
        try await CallTestSupport.waitUntil(timeout: .seconds(30)) {
            let reply = try await ControlClient.call("GET", sandbox.controlURL("client-api", "/endpoints")) as? [String: Any]
            let endpoints = reply?["endpoints"] as? [[String: Any]] ?? []
            return endpoints.count == 3 && endpoints.allSatisfy { ($0["attached"] as? Int ?? 0) >= 1 }
        }
        return (listening, options)
    }

    @Test func anIncomingCallRingingOnEveryClientOfAUserIsAnsweredOnce() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let (listening, options) = try await startListening(
            sandbox, defaults: [#"incoming_call_action = "answer""#], types: ["incoming-call", "call-end"], count: 2)
        let created = try await ControlClient.call(
            "POST", sandbox.controlURL("client-api", "/incoming-call"), body: ["to": "bridgebot", "from": "alice", "audio": "tone"]) as? [String: Any]
        #expect((created?["created"] as? [Any])?.count == 2)
        var answered: [String: Any]?
        try await CallTestSupport.waitUntil {
            answered = try await CallTestSupport.calls(sandbox).first { $0["status"] as? String == "INPROGRESS" }
            return answered != nil
        }
        let endpoint = try #require(answered?["endpoint"] as? String)
        let list = try await binary.run(options + ["interfaces", "list", "--json"])
        let interfaces = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let busy = try #require(CallTestSupport.interface(endpoint, in: interfaces))
        #expect(busy["state"] as? String == "UP")
        #expect((busy["call"] as? [String: Any])?["direction"] as? String == "inbound")
        try await Task.sleep(for: .seconds(1))
        try await ControlClient.call("POST", sandbox.controlURL("client-api", "/calls/\(answered?["id"] as? Int ?? 0)/hangup"))
        let result = await listening.finish()
        #expect(result.status == 0, "\(result.stderr)")
        let lines = CallTestSupport.lines(result.stdout)
        #expect(lines.count == 2)
        #expect(lines.first?["type"] as? String == "incoming-call")
        #expect(lines.first?["action"] as? String == "answer")
        #expect(lines.first?["interface"] as? String == endpoint)
        #expect(lines.first?["sender"] as? String == "alice")
        #expect(lines.last?["type"] as? String == "call-end")
        #expect(lines.last?["answered"] as? Bool == true)
        #expect((lines.last?["bytes_in"] as? Int ?? 0) > 640 * 20, "the caller's tone arrived")
        let legs = try await CallTestSupport.calls(sandbox)
        #expect(legs.compactMap { $0["status"] as? String }.sorted() == ["FINISHED", "MISSED"])
        let after = try await binary.run(options + ["interfaces", "list", "--json"])
        let record = CallTestSupport.interface(endpoint, in: try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]]))
        #expect(record?["inbound_total"] as? Int == 1 && record?["inbound_failed"] as? Int == 0)
        #expect(record?["state"] as? String == "IDLE")
    }

    @Test func anAnsweredCallHearsTheConfiguredToneAndTheCallerIsRecorded() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let recordings = sandbox.directory + "/calls"
        try FileManager.default.createDirectory(atPath: recordings, withIntermediateDirectories: true)
        let (listening, _) = try await startListening(
            sandbox, defaults: [#"incoming_call_action = "answer""#, #"answer_play = "tone:700""#, "answer_record = \"\(recordings)\""],
            types: ["call-end"], count: 1)
        try await ControlClient.call(
            "POST", sandbox.controlURL("client-api", "/incoming-call"), body: ["to": "helpdesk", "from": "alice", "audio": "echo"])
        var answered: [String: Any]?
        try await CallTestSupport.waitUntil {
            answered = try await CallTestSupport.calls(sandbox).first { $0["status"] as? String == "INPROGRESS" }
            return answered != nil
        }
        try await Task.sleep(for: .seconds(2))
        try await ControlClient.call("POST", sandbox.controlURL("client-api", "/calls/\(answered?["id"] as? Int ?? 0)/hangup"))
        let result = await listening.finish()
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: recordings)
        #expect(files.count == 1 && files[0].hasPrefix("desk3-call") && files[0].hasSuffix(".wav"), "\(files)")
        let (rate, channels, samples) = try AudioCheck.readWAV(recordings + "/" + (files.first ?? ""))
        #expect(rate == 16_000 && channels == 1)
        let heard = try #require(AudioCheck.strongestWindow(samples, frequency: 700), "the caller echoed nothing back")
        #expect(abs(AudioCheck.dominantFrequency(heard) - 700) <= 2, "the tone we played came back through the caller's echo")
    }

    @Test func rejectedCallsChatsAndContactRequestsAreReported() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let (listening, _) = try await startListening(
            sandbox, defaults: ["auto_accept_contacts = true", "silent_mode = true"], types: ["incoming-call", "chat", "contact"], count: 3)
        try await ControlClient.call(
            "POST", sandbox.controlURL("client-api", "/chat"), body: ["to": "helpdesk", "from": "alice", "display_name": "Alice", "body": "hello\nthere"])
        try await ControlClient.call("POST", sandbox.controlURL("client-api", "/auth-request"), body: ["to": "helpdesk", "from": "zoe", "text": "hi"])
        try await ControlClient.call("POST", sandbox.controlURL("client-api", "/incoming-call"), body: ["to": "helpdesk", "from": "bob"])
        let result = await listening.finish()
        #expect(result.status == 0, "\(result.stderr)")
        let lines = CallTestSupport.lines(result.stdout)
        let byType = Dictionary(lines.map { ($0["type"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byType["chat"]?["text"] as? String == "hello\nthere")
        #expect(byType["chat"]?["sender_name"] as? String == "Alice")
        #expect(byType["chat"]?["interface"] as? String == "desk3")
        #expect(byType["contact"]?["accepted"] as? Bool == true)
        #expect(byType["incoming-call"]?["action"] as? String == "reject")
        let user = try await ControlClient.call("GET", sandbox.controlURL("client-api", "/users/helpdesk")) as? [String: Any]
        #expect(user?["authorized"] as? [String] == ["zoe"])
        let messages = (try await ControlClient.call("GET", sandbox.controlURL("client-api", "/chat-messages")) as? [String: Any])?["messages"] as? [[String: Any]]
        #expect(messages?.first?["status"] as? String == "READ")
        try await CallTestSupport.waitUntil {
            try await CallTestSupport.calls(sandbox).first?["status"] as? String == "REFUSED"
        }
        let log = (try await ControlClient.call("GET", sandbox.controlURL("client-api", "/endpoints/desk3/log")) as? [String: Any])?["commands"] as? [String]
        #expect(log?.contains { $0.hasSuffix("SET SILENT_MODE ON") } == true, "silent_mode puts the client in silent mode")
    }
}

extension InterfaceMonitorTests {
    @Test func listeningWithoutInterfacesIsAConfigurationError() async throws {
        let directory = FileManager.default.temporaryDirectory.path + "/skypebridge-nointerfaces-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "[interfaces]\nincoming_call_action = \"answer\"\n".write(toFile: directory + "/empty.toml", atomically: true, encoding: .utf8)
        let result = try await binary.run(["--config", directory + "/empty.toml", "--state", directory + "/state.sqlite", "listen", "--interfaces"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("no interfaces are loaded"))
    }
}

extension InterfaceMonitorTests {
    @Test func bridgeRunAttendsItsInterfacesAndRejectsIncomingCallsByDefault() async throws {
        let fixture = try await BridgeRunFixture()
        let bridge = try await fixture.startBridge()
        defer { bridge.terminate() }
        let sandbox = fixture.sandbox
        try await CallTestSupport.waitUntil(timeout: .seconds(30)) {
            let reply = try await ControlClient.call("GET", sandbox.controlURL("client-api", "/endpoints")) as? [String: Any]
            let endpoints = reply?["endpoints"] as? [[String: Any]] ?? []
            return endpoints.count == 3 && endpoints.allSatisfy { ($0["attached"] as? Int ?? 0) >= 1 }
        }
        try await ControlClient.call("POST", sandbox.controlURL("client-api", "/incoming-call"), body: ["to": "helpdesk", "from": "bob"])
        try await CallTestSupport.waitUntil {
            try await CallTestSupport.calls(sandbox).first?["status"] as? String == "REFUSED"
        }
        try await fixture.skypeSays("alice", "the relay goes on beside the interfaces")
        #expect(try await fixture.eventually { try await fixture.channelID("skype-8-alice") != nil })
        bridge.terminate()
        #expect(await bridge.finish().status == 0)
    }
}
