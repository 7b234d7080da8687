import Foundation
import Logging
import SkypeBridgeSandbox
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Mattermost emulator on an ephemeral loopback port, with small HTTP helpers for tests.
struct MattermostTestServer {
    let emulator: MattermostEmulator
    let info: SandboxServiceInfo

    /// Starts an emulator with `options` (port forced to 0), restoring `saved` state when given.
    static func start(_ options: MattermostEmulator.Options = .init(), restoring saved: [UInt8]? = nil) async throws -> MattermostTestServer {
        var options = options
        options.port = 0
        var logger = Logger(label: "test.mattermost")
        logger.logLevel = .critical
        let emulator = MattermostEmulator(options: options, logger: logger)
        if let saved { try await emulator.restore(saved) }
        return MattermostTestServer(emulator: emulator, info: try await emulator.start(host: "127.0.0.1"))
    }

    /// Runs `body` against a fresh emulator and stops it afterwards.
    static func with<T>(
        _ options: MattermostEmulator.Options = .init(), restoring saved: [UInt8]? = nil, _ body: (MattermostTestServer) async throws -> T
    ) async throws -> T {
        let server = try await start(options, restoring: saved)
        do {
            let result = try await body(server)
            await server.emulator.stop()
            return result
        } catch {
            await server.emulator.stop()
            throw error
        }
    }

    var botToken: String { secret("bridge-bot", role: "bot") }
    var miaToken: String { secret("mia", role: "personal-access-token") }
    var maxToken: String { secret("max", role: "personal-access-token") }

    func secret(_ username: String, role: String) -> String {
        info.accounts.first { $0.username == username && $0.role == role }?.secret ?? ""
    }

    /// One HTTP exchange; `json` is sent as the body, the reply parsed when it is JSON.
    struct Reply {
        var status: Int
        var headers: [String: String]
        var data: Data
        var json: Any? { try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    }

    @discardableResult
    func request(_ method: String, _ path: String, token: String? = nil, json: Any? = nil, body: Data? = nil, contentType: String? = nil) async throws -> Reply {
        let base = path.hasPrefix("/_control") || path.hasPrefix("/hooks") ? info.urls["base"]! : info.urls["api"]!
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed])
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let body {
            request.httpBody = body
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers[String(describing: key).lowercased()] = String(describing: value) }
        return Reply(status: http.statusCode, headers: headers, data: data)
    }

    /// The id of the seeded team.
    func teamId() async throws -> String {
        try await request("GET", "/teams/name/skype", token: botToken).object["id"] as? String ?? ""
    }

    /// Creates a channel through the control API with the given members (first = creator).
    func channel(members: [String], type: String = "O") async throws -> String {
        let name = "c-" + UUID().uuidString.prefix(8).lowercased()
        let reply = try await request("POST", "/_control/mattermost/channels", json: ["name": name, "display_name": name, "type": type, "members": members])
        return reply.object["id"] as? String ?? ""
    }

    /// Posts `message` as `token`'s owner; returns the post.
    func post(_ message: String, in channelId: String, token: String, extra: [String: Any] = [:]) async throws -> [String: Any] {
        var body: [String: Any] = ["channel_id": channelId, "message": message]
        body.merge(extra) { _, new in new }
        return try await request("POST", "/posts", token: token, json: body).object
    }
}
