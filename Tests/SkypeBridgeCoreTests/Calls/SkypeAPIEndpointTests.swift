import SkypeBridgeCore
import Testing

@Suite struct SkypeAPIEndpointTests {
    @Test(arguments: [
        ("tcp://127.0.0.1:4000", SkypeAPIEndpoint.tcp(host: "127.0.0.1", port: 4000)),
        ("  TCP://localhost:1 ", .tcp(host: "localhost", port: 1)),
        ("tcp://[::1]:65535", .tcp(host: "::1", port: 65535)),
        ("unix:/run/skype/desk1.sock", .unix(path: "/run/skype/desk1.sock")),
        ("unix:///tmp/a.sock", .unix(path: "/tmp/a.sock")),
        ("unix:relative.sock", .unix(path: "relative.sock")),
    ])
    func parsesTCPAndUnixEndpoints(_ text: String, _ expected: SkypeAPIEndpoint) throws {
        let endpoint = try SkypeAPIEndpoint(parsing: text)
        #expect(endpoint == expected)
        #expect(try SkypeAPIEndpoint(parsing: endpoint.description) == endpoint)
    }

    @Test(arguments: ["", "127.0.0.1:4000", "tcp://host", "tcp://host:0", "tcp://host:70000", "tcp://:80", "unix:", "http://x:1"])
    func rejectsOtherForms(_ text: String) {
        #expect(throws: CallError.invalidEndpoint(text)) { try SkypeAPIEndpoint(parsing: text) }
    }

    @Test func invalidEndpointIsAConfigError() {
        #expect(CallError.invalidEndpoint("x").category == .config)
        #expect(CallError.invalidEndpoint("x").description.contains("tcp://host:port"))
    }
}
