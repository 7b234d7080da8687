import Foundation
import Logging
@testable import SkypeBridgeCore
import SkypeBridgeSandbox

/// A Mattermost emulator started in-process on a free loopback port, with helpers to drive its
/// control API (act as other users, read channel history, inject faults).
struct MattermostTestServer: Sendable {
    /// The seeded bot's token.
    static let botToken = "bridgebottoken0000000000000"
    /// The seeded team.
    static let team = "skype"

    let info: SandboxServiceInfo
    let http: CurlTransport

    static var logger: Logger {
        var logger = Logger(label: "skypebridge.test.mattermost")
        logger.logLevel = .critical
        return logger
    }

    var baseURL: URL { URL(string: info.urls["base"]!)! }
    var websocketURL: URL { URL(string: info.urls["websocket"]!)! }
    var controlURL: String { info.urls["control"]! }

    /// Runs `body` against a fresh emulator, stopping it afterwards.
    static func run<T: Sendable>(
        _ options: MattermostEmulator.Options = MattermostEmulator.Options(), _ body: (MattermostTestServer) async throws -> T
    ) async throws -> T {
        let emulator = MattermostEmulator(options: options, logger: logger)
        let info = try await emulator.start(host: "127.0.0.1")
        let server = MattermostTestServer(info: info, http: try CurlTransport(configuration: .init(retryPolicy: .never), logger: logger))
        do {
            let result = try await body(server)
            await emulator.stop()
            return result
        } catch {
            await emulator.stop()
            throw error
        }
    }

    /// A client authenticated with `token` (default: the bot's).
    func client(token: String = botToken) -> MattermostClient {
        MattermostClient(baseURL: baseURL, token: token, transport: http, logger: Self.logger)
    }

    /// Calls the control API and returns its JSON answer.
    @discardableResult
    func control(_ method: HTTPMethod, _ path: String, _ body: JSONValue? = nil) async throws -> JSONValue {
        let request = HTTPRequest(
            method: method, url: "\(controlURL)/\(path)", headers: ["Content-Type": "application/json"],
            body: try body.map { .bytes(try JSONEncoder().encode($0)) } ?? .none)
        let response = try await http.send(request).checked()
        return try JSONValue.parse(response.data)
    }

    /// Creates a user through the control API; returns its id and token.
    func createUser(_ username: String, nickname: String = "", firstName: String = "", lastName: String = "") async throws -> (id: MattermostUserID, token: String) {
        let answer = try await control(.post, "users", .object([
            "username": .string(username), "password": .string("\(username)-password"), "nickname": .string(nickname),
            "first_name": .string(firstName), "last_name": .string(lastName),
        ]))
        return (MattermostUserID(answer["user"]?.string ?? ""), answer["token"]?.string ?? "")
    }

    /// Creates a public channel with these members (the first is the creator).
    func createChannel(_ name: String, members: [String] = ["mia", "bridge-bot"]) async throws -> MattermostChannelID {
        let answer = try await control(.post, "channels", .object([
            "name": .string(name), "display_name": .string(name), "members": .array(members.map { .string($0) }),
        ]))
        return MattermostChannelID(answer["id"]?.string ?? "")
    }

    /// Posts as `username` into the channel `channel`.
    @discardableResult
    func post(as username: String, in channel: MattermostChannelID, _ message: String) async throws -> MattermostPostID {
        let answer = try await control(.post, "posts", .object([
            "username": .string(username), "channel_id": .string(channel.rawValue), "message": .string(message),
        ]))
        return MattermostPostID(answer["id"]?.string ?? "")
    }

    /// Asks the emulator to close every WebSocket normally (their connection ids stay resumable).
    func closeWebSockets() async throws {
        try await control(.post, "faults/close-websockets")
    }

    /// Asks the emulator to forget every resume buffer.
    func loseResumeBuffers() async throws {
        try await control(.post, "faults/lose-resume-buffer")
    }

    /// How many sockets the emulator has attached right now.
    func onlineSockets() async throws -> Int {
        let state = try await control(.get, "state")
        return Int(state["sockets"]?.number ?? -1)
    }
}
