import Foundation
import Logging
import SkypeBridgeCore
import SkypeBridgeTestSupport
import Testing

/// The HTTP send API of `bridge run` over real HTTP, against the sandbox: what a script using
/// seed 001's or seed 002's API sees, and what arrives on Skype.
@Suite struct SendAPITests {
    static let key = "k-" + UUID().uuidString
    static let otherKey = "k2-" + UUID().uuidString

    /// A sandbox and `bridge run` (or `--http-only`) with two API keys, a rate limit and a body cap.
    private func start(rateLimit: Int = 600, httpOnly: Bool = false) async throws -> (BridgeRunFixture, RunningBinary) {
        let fixture = try await BridgeRunFixture()
        let keys = """
            rate_limit = \(rateLimit)
            max_body_size = "2KiB"

            [http.keys]
            ci = "env:SB_TEST_API_KEY"
            ops = "env:SB_TEST_OTHER_KEY"

            """
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: fixture.sandbox.configPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(keys.utf8))
        try handle.close()
        let bridge = try fixture.binary.start(
            fixture.sandbox.options + ["-v", "bridge", "run"] + (httpOnly ? ["--http-only"] : []),
            environment: ["SB_TEST_API_KEY": Self.key, "SB_TEST_OTHER_KEY": Self.otherKey])
        try await bridge.waitForStderr(containing: httpOnly ? "send API running" : "bridge running", timeout: .seconds(30))
        return (fixture, bridge)
    }

    private func request(
        _ fixture: BridgeRunFixture, _ method: HTTPMethod, _ path: String, json: String? = nil, form: String? = nil, headers: HTTPHeaders = [:]
    ) async throws -> HTTPResponse {
        let transport = try CurlTransport(logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        var all = headers
        var body = HTTPRequestBody.none
        if let json {
            all["Content-Type"] = "application/json"
            body = .bytes(Data(json.utf8))
        } else if let form {
            all["Content-Type"] = "application/x-www-form-urlencoded"
            body = .bytes(Data(form.utf8))
        }
        return try await transport.send(HTTPRequest(method: method, url: "http://127.0.0.1:\(fixture.httpPort)\(path)", headers: all, body: body, retryable: false))
    }

    /// How often `text` arrived in alice's chat with the bridge (none while that chat does not exist yet).
    private func arrived(_ fixture: BridgeRunFixture, _ text: String, user: String = "alice") async throws -> Int {
        ((try? await fixture.skypeMessages(user: user)) ?? []).filter { ($0["content"] as? String ?? "").contains(text) }.count
    }

    @Test func seed001AndSeed002RequestsAreDeliveredOnceAndEveryRefusalHasItsStatus() async throws {
        let (fixture, bridge) = try await start(rateLimit: 4)
        defer { bridge.terminate() }
        let marker = UUID().uuidString.prefix(8)

        let posted = try await request(fixture, .post, "/send-message", json: #"{"msg":"seed001 \#(marker)","channel":"8:alice","API_KEY":"\#(Self.key)"}"#)
        #expect(posted.status == 200)
        #expect(posted.text == #"{"msg":"Posted message"}"#)
        #expect(posted.headers["x-request-id"]?.count == 32)
        #expect(posted.headers["Content-Type"] == "application/json")

        let viaQuery = try await request(fixture, .get, "/send?recipient=alice&message=seed002+\(marker)", headers: ["Authorization": "Bearer \(Self.key)"])
        #expect(viaQuery.status == 200)
        #expect(viaQuery.text.contains(#""ok":true"#))
        let viaForm = try await request(fixture, .post, "/send", form: "recipient=8%3Aalice&message=form+%26+%3Cb%3E+\(marker)&API_KEY=\(Self.key)")
        #expect(viaForm.status == 200)
        let rich = try await request(fixture, .post, "/send-message", json: #"{"msg":"**rich** \#(marker)","channel":"alice","format":"markdown"}"#, headers: ["Authorization": "Bearer \(Self.key)"])
        #expect(rich.status == 200)

        let limited = try await request(fixture, .post, "/send-message", json: #"{"msg":"fifth","channel":"8:alice","API_KEY":"\#(Self.key)"}"#)
        #expect(limited.status == 429)
        #expect(Int(limited.headers["Retry-After"] ?? "") ?? 0 >= 1)
        let otherKey = try await request(fixture, .post, "/send-message", json: #"{"msg":"other key \#(marker)","channel":"8:alice","API_KEY":"\#(Self.otherKey)"}"#)
        #expect(otherKey.status == 200)

        let wrongKey = try await request(fixture, .post, "/send-message", json: #"{"msg":"x","channel":"8:alice","API_KEY":"nope"}"#)
        #expect(wrongKey.status == 401)
        #expect(wrongKey.text == #"{"msg":"incorrect API key"}"#)
        let missing = try await request(fixture, .post, "/send-message", json: #"{"channel":"8:alice","API_KEY":"\#(Self.key)"}"#)
        #expect(missing.status == 400)
        #expect(missing.text == #"{"msg":"missing request parameters"}"#)
        let credentials = try await request(fixture, .get, "/send?recipient=alice&message=x&username=me&password=pw&API_KEY=\(Self.key)")
        #expect(credentials.status == 400)
        #expect(credentials.text.contains("credentials in requests are refused"))
        let large = try await request(fixture, .post, "/send-message", json: #"{"msg":""# + String(repeating: "x", count: 4096) + #"","channel":"8:alice","API_KEY":"\#(Self.key)"}"#)
        #expect(large.status == 413)
        let hostile = try await request(fixture, .post, "/send-message", json: "{\"msg\": \u{0}\u{1}\u{7f}[[[", headers: ["Authorization": "Bearer \(Self.key)"])
        #expect(hostile.status == 400)
        let wrongMethod = try await request(fixture, .get, "/send-message")
        #expect(wrongMethod.status == 405)
        let openAPI = try await request(fixture, .get, "/openapi.json")
        #expect(openAPI.status == 200)
        #expect(openAPI.text.contains("/send-message"))

        for text in ["seed001 \(marker)", "seed002 \(marker)", "form &amp; &lt;b&gt; \(marker)", "other key \(marker)"] {
            #expect(try await fixture.eventually { try await arrived(fixture, text) == 1 }, "\(text)")
        }
        #expect(try await fixture.eventually { try await fixture.skypeMessages().contains { ($0["content"] as? String ?? "").contains("<b") && ($0["content"] as? String ?? "").contains("rich</b> \(marker)") } })
        try await Task.sleep(for: .seconds(1))
        #expect(try await arrived(fixture, "seed001 \(marker)") == 1)
        #expect(try await arrived(fixture, "fifth") == 0)
    }

    @Test func aRequestAcceptedWhileSkypeFailsIsDeliveredOnceSkypeRecovers() async throws {
        let (fixture, bridge) = try await start()
        defer { bridge.terminate() }
        try await ControlClient.call("POST", fixture.sandbox.controlURL("skype", "/faults"), body: [
            "kind": "status", "pathContains": "/messages", "method": "POST", "count": 4, "status": 503,
        ])
        let marker = "outage " + UUID().uuidString.prefix(8)
        let answer = try await request(fixture, .post, "/send-message", json: #"{"msg":"\#(marker)","channel":"8:alice","API_KEY":"\#(Self.key)"}"#)
        #expect(answer.status == 200)
        #expect(try await fixture.eventually(timeout: .seconds(30)) { try await arrived(fixture, marker) == 1 })
        try await Task.sleep(for: .seconds(1))
        #expect(try await arrived(fixture, marker) == 1)
    }

    @Test func httpOnlyServesTheAPIWithTheBridgeLoginAndRelaysNothing() async throws {
        let (fixture, bridge) = try await start(httpOnly: true)
        defer { bridge.terminate() }
        let marker = "http-only " + UUID().uuidString.prefix(8)
        let answer = try await request(fixture, .get, "/send?recipient=alice&message=\(marker.replacingOccurrences(of: " ", with: "+"))&API_KEY=\(Self.key)")
        #expect(answer.status == 200)
        #expect(try await fixture.eventually { try await arrived(fixture, marker) == 1 })
        let health = try await request(fixture, .get, "/healthz")
        #expect(health.status == 200)
        #expect(!health.text.contains("mattermost"))
        try await fixture.skypeSays("alice", "not relayed in http-only mode")
        try await Task.sleep(for: .seconds(2))
        #expect(try await fixture.channelID("skype-8-alice") == nil)
        bridge.terminate()
        #expect(await bridge.finish().status == 0)
    }
}
