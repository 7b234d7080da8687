import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A request context that remembers the client's port, so tests can count connections.
struct TestServerContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remotePort: Int

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remotePort = source.channel.remoteAddress?.port ?? -1
    }

    var maxUploadSize: Int { 32 << 20 }
}

/// What the test server saw.
actor TestServerRecorder {
    private(set) var remotePorts: [Int] = []
    private var hits: [String: Int] = [:]

    /// Records one request on `path` from `port`.
    func record(port: Int, path: String) {
        remotePorts.append(port)
        hits[path, default: 0] += 1
    }

    /// How many requests `path` has had.
    func hitCount(_ path: String) -> Int { hits[path] ?? 0 }
}

/// A real Hummingbird HTTP/1.1 server on 127.0.0.1 (port 0) with the endpoints the transport tests use.
struct TestHTTPServer: Sendable {
    let port: Int
    let recorder: TestServerRecorder

    /// A URL on this server.
    func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    /// Runs `body` with a fresh server, shutting it down afterwards.
    static func run<T: Sendable>(_ body: @Sendable (TestHTTPServer) async throws -> T) async throws -> T {
        var logger = Logger(label: "skypebridge.test.server")
        logger.logLevel = .critical
        let recorder = TestServerRecorder()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: makeRouter(recorder),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            let result: Result<T, any Error>
            do { result = .success(try await body(TestHTTPServer(port: port, recorder: recorder))) }
            catch { result = .failure(error) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }

    /// The payload's doubled block as one buffer, so streamed chunks are slices that allocate nothing.
    private static let payload = ByteBuffer(bytes: TestPayload.doubledBlock)

    private static func makeRouter(_ recorder: TestServerRecorder) -> Router<TestServerContext> {
        let router = Router(context: TestServerContext.self)
        router.middlewares.add(RecordingMiddleware(recorder: recorder))

        router.get("/hello") { request, _ -> String in
            if let delay = request.uri.queryParameters["delay_ms"].flatMap({ Int($0) }) {
                try await Task.sleep(for: .milliseconds(delay))
            }
            return "hello \(request.uri.queryParameters["n"] ?? "")"
        }
        router.get("/headers") { _, _ -> Response in
            Response(status: .ok, headers: [.setCookie: "a=1", .setCookie: "b=2", .init("X-Test")!: "x"])
        }
        router.get("/echo") { request, _ -> String in
            let head = request.head
            return "authority=\(head.authority ?? "-") path=\(head.path ?? "-")"
        }
        router.get("/status") { request, _ -> Response in
            let code = request.uri.queryParameters["code"].flatMap { Int($0) } ?? 500
            return Response(status: .init(code: code), body: .init(byteBuffer: ByteBuffer(string: "  status body \(code)\n")))
        }
        let flaky: @Sendable (Request, TestServerContext) async throws -> Response = { request, _ in
            let hits = await recorder.hitCount("/flaky")
            let failures = request.uri.queryParameters["failures"].flatMap { Int($0) } ?? 1
            guard hits > failures else {
                let code = request.uri.queryParameters["code"].flatMap { Int($0) } ?? 429
                var headers = HTTPFields()
                if let retryAfter = request.uri.queryParameters["retry_after"] {
                    headers[.retryAfter] = String(retryAfter)
                }
                return Response(status: .init(code: code), headers: headers)
            }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "recovered after \(hits - 1)")))
        }
        router.get("/flaky", use: flaky)
        router.post("/flaky", use: flaky)
        router.get("/bytes") { request, _ -> Response in
            let size = request.uri.queryParameters["size"].flatMap { Int($0) } ?? 0
            return Response(status: .ok, body: ResponseBody(contentLength: size) { writer in
                var offset = 0
                while offset < size {
                    let count = min(64 << 10, size - offset)
                    for segment in TestPayload.segments(offset: offset, count: count) {
                        try await writer.write(payload.getSlice(at: segment.lowerBound, length: segment.count)!)
                    }
                    offset += count
                }
                try await writer.finish(nil)
            })
        }
        let upload: @Sendable (Request, TestServerContext) async throws -> String = { request, _ in
            var size = 0
            var hash = TestPayload.fnv1a([])
            for try await buffer in request.body {
                size += buffer.readableBytes
                hash = buffer.withUnsafeReadableBytes { TestPayload.fnv1a($0, hash: hash) }
            }
            let type = request.headers[.contentType] ?? "-"
            return "\(request.method) size=\(size) fnv=\(hash) type=\(type)"
        }
        router.put("/upload", use: upload)
        router.post("/upload", use: upload)
        router.post("/multipart") { request, context -> String in
            let contentType = request.headers[.contentType] ?? ""
            guard let boundary = contentType.components(separatedBy: "boundary=").last, contentType.hasPrefix("multipart/form-data")
            else { throw HTTPError(.badRequest, message: "not multipart: \(contentType)") }
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let parts = MultipartTestParser.parse(Array(body.readableBytesView), boundary: boundary)
            return parts.map(\.summary).joined(separator: "\n")
        }
        return router
    }
}

/// Records the client port of every request.
struct RecordingMiddleware: RouterMiddleware {
    let recorder: TestServerRecorder

    func handle(_ request: Request, context: TestServerContext, next: (Request, TestServerContext) async throws -> Response) async throws -> Response {
        await recorder.record(port: context.remotePort, path: request.uri.path)
        return try await next(request, context)
    }
}
