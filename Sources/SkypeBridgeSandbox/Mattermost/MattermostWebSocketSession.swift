import HTTPTypes
import Foundation
import HummingbirdWebSocket
import Synchronization

/// One socket on `/api/v4/websocket`: authenticates (upgrade token or `authentication_challenge`),
/// writes the events the state queues for it and answers client actions.
struct MattermostWebSocketSession: Sendable {
    /// What the upgrade request carried.
    struct Upgrade: Sendable {
        var token: String?
        var resume: MattermostServerState.ResumeRequest?
        /// `connection_id` present but malformed, or without a valid `sequence_number`.
        var malformedResume: Bool
    }

    let state: MattermostServerState
    let authTimeout: Duration
    let serverVersion: String

    /// Reads the token and resume parameters from an upgrade request's path and headers.
    static func upgrade(path: String, headers: HTTPFields) -> Upgrade {
        var query: [String: String] = [:]
        if let mark = path.firstIndex(of: "?") {
            for pair in path[path.index(after: mark)...].split(separator: "&") {
                let items = pair.split(separator: "=", maxSplits: 1)
                query[String(items[0])] = items.count > 1 ? String(items[1]).removingPercentEncoding : ""
            }
        }
        let token = MattermostHTTPRequest.token(in: headers, method: .get) ?? query["access_token"]
        guard let connectionId = query["connection_id"], !connectionId.isEmpty else {
            return Upgrade(token: token, resume: nil, malformedResume: false)
        }
        guard MattermostID.isValid(connectionId), let sequence = query["sequence_number"].flatMap({ Int($0) }), sequence >= 0 else {
            return Upgrade(token: token, resume: nil, malformedResume: true)
        }
        return Upgrade(token: token, resume: .init(connectionId: MattermostConnectionID(connectionId), sequenceNumber: sequence), malformedResume: false)
    }

    /// Serves the socket until either side closes it.
    func run(_ upgrade: Upgrade, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async {
        if upgrade.malformedResume {
            try? await outbound.close(.policyViolation, reason: "invalid resume parameters")
            return
        }
        let (frames, continuation) = AsyncStream.makeStream(of: MattermostSocketFrame.self)
        let registration = Registration()
        if let token = upgrade.token, let userId = await state.userId(forToken: token) {
            let attached = await state.attach(userId: userId, continuation: continuation, resume: upgrade.resume)
            registration.withLock { $0 = attached }
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in frames {
                    switch frame {
                    case .text(let text):
                        do { try await outbound.write(.text(text)) } catch { return }
                    case .close(let abnormal):
                        try? await outbound.close(abnormal ? .unexpectedServerError : .normalClosure, reason: nil)
                        return
                    }
                }
            }
            group.addTask {
                try? await Task.sleep(for: authTimeout)
                if registration.withLock({ $0 == nil }) {
                    continuation.yield(.close(abnormal: false))
                    continuation.finish()
                }
            }
            do {
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    guard case .text(let text) = message else { continue }
                    await handle(text, continuation: continuation, registration: registration)
                }
            } catch {}
            continuation.finish()
            group.cancelAll()
        }
        if let attached = registration.withLock({ $0 }) {
            await state.detach(attached.id, attachment: attached.attachment)
        }
    }

    private func handle(_ text: String, continuation: AsyncStream<MattermostSocketFrame>.Continuation, registration: Registration) async {
        guard let message = try? MattermostJSON.parse(Array(text.utf8)) else { return }
        let seq = message["seq"]?.intValue ?? 0
        let action = message["action"]?.stringValue ?? ""
        let authenticated = registration.withLock { $0 != nil }
        if action == "authentication_challenge" {
            guard !authenticated else { return }
            guard let token = message["data"]?["token"]?.stringValue, let userId = await state.userId(forToken: token) else {
                continuation.yield(.close(abnormal: false))
                continuation.finish()
                return
            }
            let attached = await state.attach(userId: userId, continuation: continuation, resume: nil)
            registration.withLock { $0 = attached }
            continuation.yield(.text(reply(seq: seq, status: "OK")))
            return
        }
        guard authenticated, let userId = await currentUser(registration) else { return }
        if seq <= 0 {
            continuation.yield(.text(failure(seq: seq, id: "api.web_socket_router.bad_seq.app_error", message: "Invalid sequence.", status: 400)))
            return
        }
        let data = message["data"]?.objectValue ?? [:]
        switch action {
        case "ping":
            let pong: [String: MattermostJSON] = [
                "text": .string("pong"), "version": .string(serverVersion.split(separator: ".").prefix(3).joined(separator: ".")),
                "server_time": .number(Double(Int64(Date().timeIntervalSince1970 * 1000))), "node_id": .string(""),
            ]
            continuation.yield(.text(reply(seq: seq, status: "OK", data: pong)))
        case "user_typing":
            await state.typing(userId: userId, channelId: data["channel_id"]?.typedID() ?? .none, parentId: data["parent_id"]?.typedID() ?? .none)
            continuation.yield(.text(reply(seq: seq, status: "OK")))
        case "get_statuses", "get_statuses_by_ids", "user_update_active_status", "presence", "posted_notify_ack":
            continuation.yield(.text(reply(seq: seq, status: "OK")))
        default:
            continuation.yield(.text(failure(seq: seq, id: "api.web_socket_router.bad_action.app_error", message: "Invalid action.", status: 500)))
        }
    }

    private func currentUser(_ registration: Registration) async -> MattermostUserID? {
        guard let id = registration.withLock({ $0?.id }) else { return nil }
        return await state.connections[id]?.userId
    }

    private func reply(seq: Int, status: String, data: [String: MattermostJSON]? = nil) -> String {
        var body: [String: MattermostJSON] = ["status": .string(status), "seq_reply": .number(Double(seq))]
        if let data { body["data"] = .object(data) }
        return Self.encode(body)
    }

    private func failure(seq: Int, id: String, message: String, status: Int) -> String {
        let error: [String: MattermostJSON] = [
            "id": .string(id), "message": .string(message), "detailed_error": .string(""), "request_id": .string(""), "status_code": .number(Double(status)),
        ]
        return Self.encode(["status": .string("FAIL"), "seq_reply": .number(Double(seq)), "error": .object(error)])
    }

    /// The connection a socket is attached to, once it has authenticated.
    private final class Registration: Sendable {
        private let value = Mutex<(id: MattermostConnectionID, attachment: Int)?>(nil)

        func withLock<T>(_ body: (inout (id: MattermostConnectionID, attachment: Int)?) -> T) -> T {
            value.withLock { body(&$0) }
        }
    }

    private static func encode(_ value: [String: MattermostJSON]) -> String {
        (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
