import Foundation
import HTTPTypes
import Hummingbird

/// The emulator's HTTP front door: routes `/api/v4/...`, `/hooks/{id}` and the control API,
/// applies injected faults and adds the headers every Mattermost response carries.
struct MattermostResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: MattermostServerState
    let faults: MattermostFaults
    let controlRoutes: [MattermostRoute]
    let maxPayloadSize: Int
    let maxFileSize: Int
    let serverVersion: String
    let incomingWebhooks: Bool

    func respond(to request: Request, context: Context) async throws -> Response {
        let requestId = MattermostID.make()
        var response: Response
        do {
            response = try await handle(request, requestId: requestId)
        } catch let error as MattermostAPIError {
            response = MattermostResponse.error(error, requestId: requestId)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            response = MattermostResponse.error(.bodyTooLarge, requestId: requestId)
        } catch {
            let failure = MattermostAPIError(status: .internalServerError, id: "api.context.internal_error.app_error", message: "\(error)")
            response = MattermostResponse.error(failure, requestId: requestId)
        }
        response.headers[HTTPField.Name("X-Request-ID")!] = requestId
        response.headers[HTTPField.Name("X-Version-ID")!] = serverVersion
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        if request.method == .get { response.headers[.expires] = "0" }
        return response
    }

    private func handle(_ request: Request, requestId: String) async throws -> Response {
        let parts = request.uri.path.split(separator: "/")
        if parts.starts(with: ["_control", "mattermost"]) {
            return try await dispatch(request, parts: Array(parts.dropFirst(2)), routes: controlRoutes, bodyLimit: maxFileSize)
        }
        let action = faults.next()
        if action.delay > .zero { try await Task.sleep(for: action.delay) }
        if let status = action.failureStatus {
            throw MattermostAPIError(status: .init(code: status), id: "api.sandbox.fault_injected.app_error", message: "Injected failure.")
        }
        if parts.isEmpty {
            return MattermostResponse.bytes(Data("Mattermost sandbox\n".utf8), contentType: "text/plain")
        }
        if parts.count == 2, parts[0] == "hooks" {
            return try await hook(request, id: MattermostHookID(String(parts[1])))
        }
        guard parts.starts(with: ["api", "v4"]) else { throw MattermostAPIError.routeMissing }
        let rest = Array(parts.dropFirst(2))
        return try await dispatch(request, parts: rest, routes: MattermostAPI.routes, bodyLimit: rest == ["files"] ? maxFileSize + 65536 : maxPayloadSize)
    }

    private func dispatch(_ request: Request, parts: [Substring], routes: [MattermostRoute], bodyLimit: Int) async throws -> Response {
        var matchedPath = false
        for route in routes {
            guard let parameters = route.match(parts) else { continue }
            matchedPath = true
            guard route.method == request.method else { continue }
            var incoming = request
            let buffer = try await incoming.collectBody(upTo: bodyLimit)
            let token = MattermostHTTPRequest.token(in: request.headers, method: request.method)
            let userId: MattermostUserID? = if let token { await state.userId(forToken: token) } else { nil }
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            let apiRequest = MattermostHTTPRequest(
                method: request.method, headers: request.headers, parameters: parameters, query: query,
                body: Array(buffer.readableBytesView), token: token, userId: userId)
            return try await route.handler(apiRequest, state)
        }
        throw matchedPath ? MattermostAPIError.methodNotAllowed : MattermostAPIError.routeMissing
    }

    /// `POST /hooks/{id}`: JSON, a form `payload` field, or multipart fields.
    private func hook(_ request: Request, id: MattermostHookID) async throws -> Response {
        guard request.method == .post else { throw MattermostAPIError.methodNotAllowed }
        guard incomingWebhooks else {
            throw MattermostAPIError(status: .notImplemented, id: "web.incoming_webhook.disabled.app_error", message: "Incoming webhooks have been disabled by the system admin.")
        }
        var incoming = request
        let body = Array(try await incoming.collectBody(upTo: maxPayloadSize).readableBytesView)
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let payload: MattermostJSON
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            let form = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "+", with: " ")
            let field = form.split(separator: "&").first { $0.hasPrefix("payload=") }
            let text = field.flatMap { String($0.dropFirst("payload=".count)).removingPercentEncoding } ?? ""
            payload = (try? MattermostJSON.parse(Array(text.utf8))) ?? .object([:])
        } else if let form = MattermostMultipart(body: body, contentType: contentType) {
            var fields: [String: MattermostJSON] = [:]
            for part in form.parts { fields[part.name] = .string(String(decoding: part.body, as: UTF8.self)) }
            payload = .object(fields)
        } else {
            guard let parsed = try? MattermostJSON.parse(body) else {
                throw MattermostAPIError.invalid("web.incoming_webhook.parse.app_error", "Unable to parse incoming data.")
            }
            payload = parsed
        }
        try await state.executeHook(id, payload: payload)
        return MattermostResponse.bytes(Data("ok".utf8), contentType: "text/plain")
    }
}
