import Hummingbird
import Logging
import NIOCore

/// Mounts the send API on the bridge's `[http]` listener: `/send-message`, `/send` and
/// `/openapi.json`, every method, answered by one ``SendAPIHandler``.
public enum SendAPIRoutes {
    /// The installer for the `[http]` settings: keys resolved from their references now (a
    /// missing variable or file is a configuration error), the per-key rate limit and body cap
    /// from the settings. Without keys there is no send API (nil): the listener then serves only
    /// `/healthz` and `/metrics`.
    public static func installer(settings: HTTPSettings, environment: [String: String], queue: any SendAPIQueue, logger: Logger) throws -> BridgeHTTPServer.RouteInstaller? {
        var keys: [(name: String, key: String)] = []
        for key in settings.keys {
            keys.append((key.name, try key.secret.resolve(environment: environment, logger: logger)))
        }
        guard !keys.isEmpty else {
            logger.info("no [http.keys]: the HTTP send API is off")
            return nil
        }
        let maxBodySize = Int(clamping: settings.maxBodySize.bytes)
        let handler = SendAPIHandler(
            keyring: SendAPIKeyring(keys: keys), limiter: SendAPIRateLimiter(perMinute: settings.rateLimit), queue: queue, maxBodySize: maxBodySize)
        return installer(handler: handler, maxBodySize: maxBodySize, logger: logger)
    }

    /// A route installer for ``BridgeHTTPServer``; bodies are read up to the handler's limit and
    /// no further (a longer body is refused without being buffered).
    public static func installer(handler: SendAPIHandler, maxBodySize: Int, logger: Logger) -> BridgeHTTPServer.RouteInstaller {
        { router in
            for path in SendAPIHandler.paths {
                for method in [HTTPTypes.HTTPRequest.Method.get, .post, .put, .delete, .patch, .head] {
                    router.on(RouterPath(path), method: method) { request, _ in
                        try await respond(to: request, handler: handler, maxBodySize: maxBodySize, logger: logger)
                    }
                }
            }
        }
    }

    private static func respond(to request: Request, handler: SendAPIHandler, maxBodySize: Int, logger: Logger) async throws -> Response {
        var body: [UInt8] = []
        var truncated = false
        var incoming = request.body
        do {
            let buffer = try await incoming.collect(upTo: maxBodySize)
            body = Array(buffer.readableBytesView)
        } catch {
            truncated = true
        }
        let answer = await handler.handle(SendAPIHTTPRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query,
            headers: request.headers.map { (name: $0.name.canonicalName, value: $0.value) }, body: body, bodyTruncated: truncated))
        if answer.status >= 400 {
            logger.info("send API request refused", metadata: ["sb.http.status": "\(answer.status)", "sb.http.path": "\(request.uri.path)"])
        }
        var headers: HTTPFields = [.contentType: "application/json"]
        for (name, value) in answer.headers {
            if let field = HTTPFields.Element.Name(name) { headers[field] = value }
        }
        return Response(
            status: HTTPTypes.HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
    }
}
