import Foundation

extension MattermostClient {
    /// Sends one API request with the token and returns the 2xx response.
    ///
    /// - Parameters:
    ///   - path: the path under `/api/v4`, starting with `/`; segments must already be escaped.
    ///   - query: query parameters, escaped here.
    ///   - json: a JSON body (sets `Content-Type: application/json`).
    ///   - retryable: whether a failed attempt may be repeated; nil means "if the method is idempotent".
    ///   - timeout: the limit for the whole transfer; nil means the client's request timeout.
    func send(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], json: JSONValue? = nil, body: HTTPRequestBody = .none,
        destination: HTTPResponseDestination = .memory(), retryable: Bool? = nil, timeout: Duration? = nil
    ) async throws -> HTTPResponse {
        var url = apiBase + path
        if !query.isEmpty { url += "?" + FormEncoding.encode(query) }
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Accept": "application/json"]
        var payload = body
        if let json {
            headers["Content-Type"] = "application/json"
            payload = .bytes(try json.jsonData())
        }
        let request = HTTPRequest(
            method: method, url: url, headers: headers, body: payload, timeout: timeout ?? requestTimeout, retryable: retryable,
            destination: destination)
        return try await Self.exchange(request, transport: transport)
    }

    /// Sends a request and decodes a JSON object answer.
    func object(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], json: JSONValue? = nil, body: HTTPRequestBody = .none,
        retryable: Bool? = nil, timeout: Duration? = nil
    ) async throws -> [String: JSONValue] {
        let response = try await send(method, path, query: query, json: json, body: body, retryable: retryable, timeout: timeout)
        guard let object = MattermostWire.object(response.data) else {
            throw MattermostError.unexpectedResponse("\(method) \(path) did not answer a json object")
        }
        return object
    }

    /// Sends a request and decodes a JSON array answer.
    func array(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], json: JSONValue? = nil, retryable: Bool? = nil
    ) async throws -> [JSONValue] {
        let response = try await send(method, path, query: query, json: json, retryable: retryable)
        guard let array = MattermostWire.value(response.data)?.array else {
            throw MattermostError.unexpectedResponse("\(method) \(path) did not answer a json array")
        }
        return array
    }

    /// Decodes `object` with `parse`, or throws ``MattermostError/unexpectedResponse(_:)`` naming `what`.
    nonisolated func decode<T>(_ object: [String: JSONValue], as what: String, _ parse: ([String: JSONValue]) -> T?) throws -> T {
        guard let value = parse(object) else { throw MattermostError.unexpectedResponse("\(what) without an id") }
        return value
    }

    /// A path segment with everything but unreserved characters escaped.
    nonisolated func segment(_ value: some CustomStringConvertible) -> String {
        FormEncoding.escape(value.description)
    }

    /// Sends `request` and maps failures: a non-2xx answer to the server's error, a failed
    /// transfer to ``MattermostError/transport(_:)``, cancellation to `CancellationError`.
    static func exchange(_ request: HTTPRequest, transport: any HTTPTransport) async throws -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            switch error {
            case .cancelled: throw CancellationError()
            case .fileAccess(let path, let reason): throw MattermostError.fileAccess(path: path, reason: reason)
            default: throw MattermostError.transport(error.description)
            }
        }
        guard response.isSuccess else { throw serverError(response) }
        return response
    }

    /// The error a non-2xx response stands for, from its `AppError` body when it has one.
    static func serverError(_ response: HTTPResponse) -> MattermostError {
        let object = MattermostWire.object(response.data) ?? [:]
        let id = MattermostWire.string(object, "id")
        var message = MattermostWire.string(object, "message")
        if object.isEmpty { message = HTTPError.trimmed(response.text) }
        return MattermostError.fromServer(status: response.status, id: id, message: message)
    }
}
