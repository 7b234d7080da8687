import Foundation

/// The HTTP send API of seeds 001 and 002, independent of the HTTP server that carries it.
///
/// - `POST /send-message` with JSON `{"msg", "channel", "API_KEY"}`: 200 `{"msg":"Posted message"}`,
///   401 `{"msg":"incorrect API key"}`, 400 `{"msg":"missing request parameters"}` — seed 001's bodies.
///   An optional `"format"` (`text`, `markdown`, `html`) sends rich text.
/// - `GET` or `POST /send` with `recipient` and `message` as query, form or JSON (seed 002):
///   200 `{"ok":true,"recipient":…,"request_id":…}`; errors `{"ok":false,"msg":…,"request_id":…}`.
///   A request carrying a Skype `username` or `password` is refused with 400 and the reason.
/// - `GET /openapi.json`: the OpenAPI 3.0 description.
///
/// The key comes from `API_KEY` (`api_key`) or `Authorization: Bearer`; keys are compared in
/// constant time; each key has its own rate limit (429 with `Retry-After`). A request is answered
/// 200 only once it is durable in the queue, so accepted means delivered even if Skype is down for
/// a while. Every answer carries `X-Request-Id`.
public struct SendAPIHandler: Sendable {
    private let keyring: SendAPIKeyring
    private let limiter: SendAPIRateLimiter
    private let queue: any SendAPIQueue
    private let maxBodySize: Int
    private let makeRequestID: @Sendable () -> String

    /// Creates the handler.
    /// - Parameter maxBodySize: bodies longer than this are refused with 413.
    public init(
        keyring: SendAPIKeyring, limiter: SendAPIRateLimiter, queue: any SendAPIQueue, maxBodySize: Int,
        makeRequestID: @escaping @Sendable () -> String = SendAPIHandler.randomRequestID
    ) {
        self.keyring = keyring
        self.limiter = limiter
        self.queue = queue
        self.maxBodySize = maxBodySize
        self.makeRequestID = makeRequestID
    }

    /// The paths this handler answers.
    public static let paths = ["/send-message", "/send", "/openapi.json"]

    /// Answers one request.
    public func handle(_ request: SendAPIHTTPRequest) async -> SendAPIHTTPResponse {
        let requestID = makeRequestID()
        let endpoint = SendAPIRequest.Endpoint(rawValue: request.path)
        do throws(SendAPIRejection) {
            if request.path == "/openapi.json" {
                guard request.method == "GET" || request.method == "HEAD" else { throw .methodNotAllowed }
                return SendAPIHTTPResponse(status: 200, headers: [("X-Request-Id", requestID)], body: SendAPIOpenAPI.document)
            }
            guard let endpoint else { throw .notFound }
            let allowed = endpoint == .sendMessage ? ["POST"] : ["GET", "POST"]
            guard allowed.contains(request.method) else { throw .methodNotAllowed }
            let accepted = try await accept(request, endpoint: endpoint, requestID: requestID)
            return success(accepted, requestID: requestID)
        } catch {
            return failure(error, endpoint: endpoint, requestID: requestID)
        }
    }

    private func accept(_ request: SendAPIHTTPRequest, endpoint: SendAPIRequest.Endpoint, requestID: String) async throws(SendAPIRejection) -> SendAPIRequest {
        guard !request.bodyTruncated, request.body.count <= maxBodySize else { throw .bodyTooLarge(limit: maxBodySize) }
        let parameters = try SendAPIParameters(request)
        if parameters.contains(anyOf: ["username", "password", "user", "pass", "skype_password"]) {
            throw .credentialsInRequest
        }
        let presentedKey = parameters["API_KEY", "api_key", "key"] ?? bearerToken(request)
        let recipient: String?
        let text: String?
        switch endpoint {
        case .sendMessage:
            recipient = parameters["channel"]
            text = parameters["msg"]
            guard let recipient, !recipient.isEmpty, let text, !text.isEmpty, presentedKey != nil else { throw .missingParameters }
        case .send:
            recipient = parameters["recipient", "to", "channel"]
            text = parameters["message", "msg", "text"]
            guard let recipient, !recipient.isEmpty, let text, !text.isEmpty else { throw .missingParameters }
        }
        guard let presentedKey, let keyName = keyring.name(matching: presentedKey) else { throw .incorrectKey }
        let format = try Self.format(parameters["format"])
        guard let recipient, let text, SendAPIRequest.isPlausibleRecipient(recipient) else { throw .invalidRecipient }
        if let wait = limiter.acquire(keyName) { throw .rateLimited(retryAfter: wait) }
        let accepted = SendAPIRequest(endpoint: endpoint, recipient: recipient, text: text, format: format, keyName: keyName)
        do {
            try await queue.enqueue(accepted, requestID: requestID)
        } catch {
            throw .unavailable(String(describing: error))
        }
        return accepted
    }

    private static func format(_ name: String?) throws(SendAPIRejection) -> OutgoingSkypeMessage.Format {
        switch name?.lowercased() {
        case nil, "", "text", "plain": .plain
        case "markdown", "rich", "md": .markdown
        case "html", "richtext": .richText
        default: throw .invalidFormat
        }
    }

    private func bearerToken(_ request: SendAPIHTTPRequest) -> String? {
        guard let value = request.header("Authorization") else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    private func success(_ request: SendAPIRequest, requestID: String) -> SendAPIHTTPResponse {
        let body: JSONValue =
            switch request.endpoint {
            case .sendMessage: .object(["msg": .string("Posted message")])
            case .send: .object(["ok": .bool(true), "recipient": .string(request.recipient), "request_id": .string(requestID)])
            }
        return SendAPIHTTPResponse(status: 200, headers: [("X-Request-Id", requestID)], body: Self.json(body))
    }

    private func failure(_ rejection: SendAPIRejection, endpoint: SendAPIRequest.Endpoint?, requestID: String) -> SendAPIHTTPResponse {
        var headers: [(name: String, value: String)] = [("X-Request-Id", requestID)]
        if let retryAfter = rejection.retryAfter {
            headers.append(("Retry-After", String(retryAfter)))
        }
        if rejection == .methodNotAllowed, let endpoint {
            headers.append(("Allow", endpoint == .sendMessage ? "POST" : "GET, POST"))
        }
        let body: JSONValue =
            endpoint == .send
            ? .object(["ok": .bool(false), "msg": .string(rejection.message), "request_id": .string(requestID)])
            : .object(["msg": .string(rejection.message)])
        return SendAPIHTTPResponse(status: rejection.status, headers: headers, body: Self.json(body))
    }

    private static func json(_ value: JSONValue) -> String {
        (try? value.jsonString()) ?? "{}"
    }

    /// A random 16-byte request id in hex.
    public static func randomRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.lowercase((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
