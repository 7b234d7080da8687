import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import SkypeBridgeCore
import SkypeBridgeTestSupport

/// A sandbox and `bridge run` against it, with the people on both sides acting through the
/// control APIs (and, for edits, through the core clients signed in as those people).
final class BridgeRunFixture: Sendable {
    let sandbox: SandboxProcess
    let binary = BinaryRunner()
    /// The `[http]` port `bridge run` listens on.
    let httpPort: Int
    static let teamChat = "19:0a1b2c3d4e5f60718293a4b5c6d7e8f9@thread.skype"

    /// Starts a sandbox and extends its config with `[bridge]` and `[http]` settings.
    init(bridgeSettings: String = "") async throws {
        sandbox = try await SandboxProcess()
        httpPort = try Self.freePort()
        let extra = """

            [bridge]
            drain_timeout = "10s"
            \(bridgeSettings)

            [http]
            enabled = true
            listen = "127.0.0.1:\(httpPort)"

            """
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: sandbox.configPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(extra.utf8))
        try handle.close()
    }

    deinit { sandbox.stop() }

    /// Starts `bridge run` and waits until it relays.
    func startBridge() async throws -> RunningBinary {
        let bridge = try binary.start(sandbox.options + ["-v", "bridge", "run"])
        try await bridge.waitForStderr(containing: "bridge running", timeout: .seconds(30))
        return bridge
    }

    // MARK: Skype side

    /// Posts as a Skype person (control API).
    @discardableResult
    func skypeSays(_ from: String, _ content: String, to: String = "bridge.bot") async throws -> String {
        let answer = try await ControlClient.call("POST", sandbox.controlURL("skype", "/messages"), body: ["from": from, "to": to, "content": content])
        return (answer as? [String: Any])?["id"] as? String ?? ""
    }

    /// Every message of a Skype conversation as `user` sees it, oldest first.
    func skypeMessages(user: String = "alice", conversation: String = "8:bridge.bot") async throws -> [[String: Any]] {
        let query = conversation.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? conversation
        let answer = try await ControlClient.call("GET", sandbox.controlURL("skype", "/messages?user=\(user)&conversation=\(query)"))
        return (answer as? [String: Any])?["messages"] as? [[String: Any]] ?? []
    }

    /// The live messages the bridge account wrote in a conversation, oldest first.
    func bridgeMessagesOnSkype(user: String = "alice", conversation: String = "8:bridge.bot") async throws -> [[String: Any]] {
        try await skypeMessages(user: user, conversation: conversation).filter {
            ($0["from"] as? String ?? "").hasSuffix("/8:bridge.bot") && !($0["content"] as? String ?? "").isEmpty
        }
    }

    /// A Skype client signed in as `user` (for edits and deletes, which the control API lacks).
    func skypeClient(_ user: String) throws -> SkypeClient {
        var settings = try ConfigurationLoader.load(ConfigLocation(path: sandbox.configPath, source: .argument)).skype
        settings.username = user
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return SkypeClient(session: try SkypeSession.make(
            settings: settings, store: nil, environment: [:], password: { "\(user)-pass" }, logger: logger))
    }

    // MARK: Mattermost side

    /// The id of the channel named `name` (nil until it exists).
    func channelID(_ name: String) async throws -> String? {
        let state = try await ControlClient.call("GET", sandbox.controlURL("mattermost", "/state")) as? [String: Any]
        return (state?["channels"] as? [[String: Any]] ?? []).first { $0["name"] as? String == name }?["id"] as? String
    }

    /// Every post of a channel, creation order, deleted ones included (control API).
    func posts(_ channelID: String) async throws -> [[String: Any]] {
        try await ControlClient.call("GET", sandbox.controlURL("mattermost", "/channels/\(channelID)/posts")) as? [[String: Any]] ?? []
    }

    /// The normal posts of a channel that are not deleted.
    func livePosts(_ channelID: String) async throws -> [[String: Any]] {
        try await posts(channelID).filter { $0["type"] as? String == "" && ($0["delete_at"] as? Int ?? 0) == 0 }
    }

    /// Posts as a Mattermost user (control API); returns the post id.
    @discardableResult
    func mattermostSays(_ username: String, _ message: String, in channel: String, rootID: String? = nil) async throws -> String {
        var body: [String: any Sendable] = ["username": username, "channel": channel, "message": message]
        if let rootID { body["root_id"] = rootID }
        let answer = try await ControlClient.call("POST", sandbox.controlURL("mattermost", "/posts"), body: body)
        return (answer as? [String: Any])?["id"] as? String ?? ""
    }

    /// A Mattermost client signed in as mia (personal access token), for edits and deletes.
    func miaClient() throws -> MattermostClient {
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return MattermostClient(
            baseURL: URL(string: sandbox.urls["mattermost"]?["base"] ?? "")!, token: "miapersonaltoken00000000000",
            transport: try CurlTransport(configuration: HTTPClientConfiguration(), logger: logger), logger: logger)
    }

    // MARK: Helpers

    /// `GET http://127.0.0.1:<http port><path>`: status and body.
    func http(_ path: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(httpPort)\(path)")!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Polls `condition` every 100 ms until it holds or `timeout` passes.
    func eventually(timeout: Duration = .seconds(20), _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }

    private static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
