import Foundation
import Logging
import Testing
@testable import SkypeBridgeCore

/// The curl transport against a real local HTTP server.
@Suite struct CurlTransportTests {
    private func transport(_ configuration: HTTPClientConfiguration = HTTPClientConfiguration(retryPolicy: .never)) throws -> CurlTransport {
        try CurlTransport(configuration: configuration, logger: Logger(label: "skypebridge.test.http"))
    }

    @Test func sequentialRequestsReuseOneConnection() async throws {
        try await TestHTTPServer.run { server in
            let client = try transport()
            var opened: [Bool] = []
            for index in 0..<20 {
                let response = try await client.send(HTTPRequest(url: server.url("/hello?n=\(index)"))).checked()
                #expect(response.text == "hello \(index)")
                opened.append(response.openedConnection)
            }
            let ports = await server.recorder.remotePorts
            #expect(ports.count == 20)
            #expect(Set(ports).count == 1)
            #expect(opened == [true] + Array(repeating: false, count: 19))
        }
    }

    @Test func stalledServerTimesOut() async throws {
        let stalled = try StalledServer()
        let client = try transport()
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: HTTPError.timeout) {
            try await client.send(HTTPRequest(url: stalled.url("/never"), timeout: .milliseconds(800)))
        }
        let elapsed = clock.now - start
        #expect(elapsed >= .milliseconds(700))
        #expect(elapsed < .seconds(15), "a stalled server must not hold the request much past its timeout")
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let stalled = try StalledServer()
        let client = try transport()
        let clock = ContinuousClock()
        let start = clock.now
        let task = Task { try await client.send(HTTPRequest(url: stalled.url("/never"), timeout: .seconds(30))) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await #expect(throws: HTTPError.cancelled) { try await task.value }
        #expect(clock.now - start < .seconds(15), "well before the 30 s request timeout")
    }

    @Test func retryAfterIsWaitedAndTheRetrySucceeds() async throws {
        try await TestHTTPServer.run { server in
            let client = try transport(HTTPClientConfiguration(retryPolicy: RetryPolicy(maxAttempts: 3)))
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await client.send(HTTPRequest(url: server.url("/flaky?code=429&retry_after=1")))
            let elapsed = clock.now - start
            #expect(response.status == 200)
            #expect(response.text == "recovered after 1")
            #expect(elapsed >= .seconds(1))
            #expect(elapsed < .seconds(12), "waited far longer than the 1 s Retry-After")
            #expect(await server.recorder.hitCount("/flaky") == 2)
        }
    }

    @Test func postIsNotRetriedUnlessMarkedRetryable() async throws {
        try await TestHTTPServer.run { server in
            let client = try transport(HTTPClientConfiguration(retryPolicy: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10))))
            let response = try await client.send(HTTPRequest(method: .post, url: server.url("/flaky?code=503"), body: .text("x")))
            #expect(response.status == 503)
            #expect(await server.recorder.hitCount("/flaky") == 1)
            #expect(throws: HTTPError.status(code: 503, body: "")) { try response.checked() }

            let retried = try await client.send(
                HTTPRequest(method: .post, url: server.url("/flaky?code=503"), body: .text("x"), retryable: true))
            #expect(retried.status == 200)
            #expect(await server.recorder.hitCount("/flaky") == 2)
        }
    }

    @Test func memoryBodyOverTheLimitFailsAsTooLarge() async throws {
        try await TestHTTPServer.run { server in
            let client = try transport()
            let request = HTTPRequest(url: server.url("/bytes?size=100000"), destination: .memory(maxBytes: 1000))
            await #expect(throws: HTTPError.tooLarge(limit: 1000)) { try await client.send(request) }
            let fits = try await client.send(HTTPRequest(url: server.url("/bytes?size=1000"), destination: .memory(maxBytes: 1000)))
            #expect(fits.data == Data(TestPayload.bytes(offset: 0, count: 1000)))
        }
    }

    @Test func errorStatusToFileDestinationKeepsBodyInMemoryAndWritesNoFile() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("missing.bin")
        try await TestHTTPServer.run { server in
            let client = try transport()
            let response = try await client.send(HTTPRequest(url: server.url("/status?code=404"), destination: .file(path: path)))
            #expect(response.status == 404)
            #expect(response.text.contains("status body 404"))
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(throws: HTTPError.status(code: 404, body: "status body 404")) { try response.checked() }
        }
    }

    @Test func missingUploadFileIsAFileAccessError() async throws {
        let client = try transport()
        await #expect {
            try await client.send(HTTPRequest(method: .put, url: "http://127.0.0.1:9/x", body: .file(path: "/nonexistent/file")))
        } throws: { error in
            guard case HTTPError.fileAccess(let path, _) = error else { return false }
            return path == "/nonexistent/file"
        }
    }

    @Test func multipartUploadArrivesWithItsParts() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("photo.jpg")
        let fileSize = 1 << 20
        try TestPayload.writeFile(path, count: fileSize)
        try await TestHTTPServer.run { server in
            let client = try transport()
            let request = HTTPRequest(method: .post, url: server.url("/multipart"), body: .multipart([
                .field("channel_id", "abc123"),
                .file("files", path: path, contentType: "image/jpeg"),
                MultipartPart(name: "notes", content: .bytes(Data("hi".utf8)), filename: "notes.txt", contentType: "text/plain"),
            ]))
            let response = try await client.send(request).checked()
            let lines = response.text.components(separatedBy: "\n")
            #expect(lines == [
                "channel_id|-|-|6|\(TestPayload.fnv1a(Array("abc123".utf8)))",
                "files|photo.jpg|image/jpeg|\(fileSize)|\(TestPayload.checksum(count: fileSize))",
                "notes|notes.txt|text/plain|2|\(TestPayload.fnv1a(Array("hi".utf8)))",
            ])
        }
    }

    @Test func proxySettingIsApplied() async throws {
        try await TestHTTPServer.run { server in
            let client = try transport(HTTPClientConfiguration(proxy: "http://127.0.0.1:\(server.port)", retryPolicy: .never))
            let response = try await client.send(HTTPRequest(url: "http://skypebridge.invalid/echo")).checked()
            #expect(response.text == "authority=skypebridge.invalid path=/echo")
        }
    }

    @Test func socks5hProxyTunnelsAndResolvesNamesOnTheProxy() async throws {
        try await TestHTTPServer.run { server in
            let proxy = try TestSocksProxy(targetPort: server.port)
            let client = try transport(HTTPClientConfiguration(proxy: "socks5h://127.0.0.1:\(proxy.port)", retryPolicy: .never))
            let response = try await client.send(HTTPRequest(url: "http://skypebridge.invalid:8080/echo")).checked()
            #expect(response.text == "authority=skypebridge.invalid:8080 path=/echo")
            #expect(proxy.destinations == ["skypebridge.invalid:8080"])
        }
    }

    @Test(.enabled(if: TestTLSServer.isAvailable))
    func tlsPeersAreVerifiedAgainstTheSystemOrConfiguredCAs() async throws {
        let directory = try TemporaryDirectory()
        let server = try await TestTLSServer(in: directory)
        let url = "https://127.0.0.1:\(server.port)/"
        await #expect {
            try await transport().send(HTTPRequest(url: url))
        } throws: { error in
            guard case HTTPError.connectionFailed(let message) = error else { return false }
            return message.contains("certificate")
        }
        let trusting = try transport(HTTPClientConfiguration(caFile: server.certificatePath, retryPolicy: .never))
        let response = try await trusting.send(HTTPRequest(url: url))
        #expect(response.status == 200)
        withExtendedLifetime(server) {}
    }

    @Test func fiftyConcurrentRequestsAllComplete() async throws {
        try await TestHTTPServer.run { server in
            let client = try transport()
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<50 {
                    group.addTask { try await client.send(HTTPRequest(url: server.url("/hello?n=\(index)&delay_ms=100"))).checked().text }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(bodies == Set((0..<50).map { "hello \($0)" }))
            #expect(Set(await server.recorder.remotePorts).count > 1)
        }
    }

    @Test func responseHeadersAreCaseInsensitiveAndMultiValued() async throws {
        try await TestHTTPServer.run { server in
            let response = try await transport().send(HTTPRequest(url: server.url("/headers"))).checked()
            #expect(response.headers.values(for: "set-cookie") == ["a=1", "b=2"])
            #expect(response.headers["x-TEST"] == "x")
        }
    }

    @Test func refusedConnectionIsAConnectionFailure() async throws {
        let port = try StalledServer().port  // closed again at once: nothing listens there now
        let client = try transport()
        await #expect {
            try await client.send(HTTPRequest(url: "http://127.0.0.1:\(port)/"))
        } throws: { error in
            guard case HTTPError.connectionFailed = error else { return false }
            return (error as? HTTPError)?.category == .unavailable
        }
    }

    @Test func invalidURLIsRejectedBeforeSending() async throws {
        let client = try transport()
        for url in ["not a url", "ftp://example.com/file", "/relative/path"] {
            await #expect(throws: HTTPError.invalidURL(url)) { try await client.send(HTTPRequest(url: url)) }
        }
    }

    @Test func debugLogNamesTheExchangeWithSecretsRedacted() async throws {
        let sink = LogSink()
        let logger = Logger(label: "skypebridge.test.http") { _ in sink }
        try await TestHTTPServer.run { server in
            let client = try CurlTransport(configuration: HTTPClientConfiguration(retryPolicy: .never), logger: logger)
            let request = HTTPRequest(
                url: server.url("/hello?n=1&access_token=SECRET1"),
                headers: ["X-Skypetoken": "SECRET2", "Accept": "text/plain"])
            _ = try await client.send(request)
        }
        let lines = sink.lines
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(!line.contains("SECRET"))
        #expect(line.contains("access_token=<redacted>"))
        #expect(line.contains("X-Skypetoken: <redacted>"))
        #expect(line.contains("Accept: text/plain"))
        #expect(line.contains("sb.http.status=200"))
        #expect(line.contains("sb.http.method=GET"))
        #expect(line.contains("sb.http.reused=false"))
    }
}
