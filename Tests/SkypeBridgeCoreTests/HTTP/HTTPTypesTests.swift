import Foundation
import Testing
import SkypeBridgeCore

@Suite struct HTTPHeadersTests {
    @Test func lookupIsCaseInsensitiveAndKeepsRepeats() {
        var headers: HTTPHeaders = ["Set-Cookie": "a=1", "set-cookie": "b=2", "Content-Type": "text/plain"]
        #expect(headers["SET-COOKIE"] == "a=1")
        #expect(headers.values(for: "Set-Cookie") == ["a=1", "b=2"])
        #expect(headers.contains("content-type"))
        headers["SET-cookie"] = "c=3"
        #expect(headers.values(for: "set-cookie") == ["c=3"])
        headers.add("X-A", "1")
        headers["content-type"] = nil
        #expect(headers.map(\.name) == ["X-A", "SET-cookie"] || headers.map(\.name) == ["SET-cookie", "X-A"])
        #expect(headers.count == 2)
    }
}

@Suite struct HTTPErrorTests {
    @Test(arguments: [
        (HTTPError.status(code: 401, body: ""), ErrorCategory.auth),
        (.status(code: 403, body: ""), .auth),
        (.status(code: 404, body: ""), .notFound),
        (.status(code: 413, body: ""), .dataError),
        (.status(code: 429, body: ""), .unavailable),
        (.status(code: 500, body: ""), .unavailable),
        (.status(code: 503, body: ""), .unavailable),
        (.status(code: 400, body: ""), .failure),
        (.timeout, .timeout),
        (.connectionFailed("refused"), .unavailable),
        (.cancelled, .interrupted),
        (.invalidURL("x"), .config),
        (.invalidConfiguration("x"), .config),
        (.tooLarge(limit: 1), .dataError),
    ])
    func categoriesFollowTheFailure(error: HTTPError, category: ErrorCategory) {
        #expect(error.category == category)
    }

    @Test func descriptionsAreShortLowercaseAndRedacted() {
        #expect(HTTPError.status(code: 404, body: "no such chat").description == "server answered http 404: no such chat")
        #expect(HTTPError.timeout.description == "request timed out; check the server or raise the timeout")
        #expect(HTTPError.invalidURL("https://h/?token=abc").description.contains("token=<redacted>"))
        for error in [HTTPError.timeout, .cancelled, .tooLarge(limit: 5), .connectionFailed("x")] {
            #expect(error.description.first?.isLowercase == true)
        }
    }

    @Test func statusBodiesAreTrimmedAndCut() {
        #expect(HTTPError.trimmed("  hi \n") == "hi")
        let long = String(repeating: "x", count: 2000)
        #expect(HTTPError.trimmed(long).count == HTTPError.maxBodyExcerpt + 1)
    }
}

@Suite struct HTTPClientConfigurationTests {
    @Test(arguments: ["http://proxy:3128", "https://proxy", "socks5://127.0.0.1:1080", "SOCKS5H://u:p@proxy:1080"])
    func supportedProxySchemesAreAccepted(proxy: String) throws {
        try HTTPClientConfiguration(proxy: proxy).validate()
    }

    @Test(arguments: ["ftp://proxy", "proxy:3128", "socks4://proxy", "http://"])
    func otherProxiesAreRejected(proxy: String) {
        #expect(throws: HTTPError.self) { try HTTPClientConfiguration(proxy: proxy).validate() }
        #expect(throws: HTTPError.self) { try CurlTransport(configuration: HTTPClientConfiguration(proxy: proxy), logger: .init(label: "t")) }
    }

    @Test func timeoutsMustBePositive() {
        #expect(throws: HTTPError.self) { try HTTPClientConfiguration(connectTimeout: .zero).validate() }
    }

    @Test func methodsKnowWhetherTheyAreIdempotent() {
        #expect(HTTPMethod(rawValue: "get") == .get)
        #expect([HTTPMethod.get, .head, .put, .delete, .options].allSatisfy { $0.isIdempotent })
        #expect(![HTTPMethod.post, .patch].contains { $0.isIdempotent })
    }
}
