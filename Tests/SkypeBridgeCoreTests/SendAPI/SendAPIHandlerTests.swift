import Foundation
import SkypeBridgeCore
import Synchronization
import Testing

/// A queue that keeps what it was given, or fails when told to.
private final class RecordingQueue: SendAPIQueue {
    let stored = Mutex<[(request: SendAPIRequest, id: String)]>([])
    let failing: Bool

    init(failing: Bool = false) { self.failing = failing }

    struct Unavailable: Error {}

    func enqueue(_ request: SendAPIRequest, requestID: String) async throws {
        if failing { throw Unavailable() }
        stored.withLock { $0.append((request, requestID)) }
    }

    var requests: [SendAPIRequest] { stored.withLock { $0.map(\.request) } }
}

private func handler(queue: RecordingQueue = RecordingQueue(), perMinute: Int = 600, maxBody: Int = 1024) -> SendAPIHandler {
    SendAPIHandler(
        keyring: SendAPIKeyring(keys: [(name: "ops", key: "k-ops-secret"), (name: "cron", key: "k-cron-secret")]),
        limiter: SendAPIRateLimiter(perMinute: perMinute), queue: queue, maxBodySize: maxBody)
}

private func json(_ text: String, path: String = "/send-message", headers: [(name: String, value: String)] = []) -> SendAPIHTTPRequest {
    SendAPIHTTPRequest(method: "POST", path: path, headers: [("Content-Type", "application/json")] + headers, body: Array(text.utf8))
}

private func header(_ response: SendAPIHTTPResponse, _ name: String) -> String? {
    response.headers.first { $0.name.lowercased() == name.lowercased() }?.value
}

@Suite("Send API")
struct SendAPIHandlerTests {
    @Test("seed 001: a JSON send-message with the right key is queued and answered exactly as seed 001")
    func seed001Success() async throws {
        let queue = RecordingQueue()
        let response = await handler(queue: queue).handle(json(#"{"msg":"hi","channel":"8:alice","API_KEY":"k-cron-secret"}"#))
        #expect(response.status == 200)
        #expect(response.body == #"{"msg":"Posted message"}"#)
        #expect(header(response, "X-Request-Id")?.count == 32)
        #expect(queue.requests == [SendAPIRequest(endpoint: .sendMessage, recipient: "8:alice", text: "hi", format: .plain, keyName: "cron")])
        #expect(queue.stored.withLock { $0[0].id } == header(response, "X-Request-Id"))
    }

    @Test("seed 001: a wrong or absent key is 401 incorrect API key, and nothing is queued")
    func wrongKey() async {
        let queue = RecordingQueue()
        let api = handler(queue: queue)
        let wrong = await api.handle(json(#"{"msg":"hi","channel":"8:alice","API_KEY":"k-ops-secreT"}"#))
        #expect(wrong.status == 401)
        #expect(wrong.body == #"{"msg":"incorrect API key"}"#)
        let bearerWrong = await api.handle(json(#"{"msg":"hi","channel":"8:alice"}"#, headers: [("authorization", "Bearer nope")]))
        #expect(bearerWrong.status == 401)
        #expect(queue.requests.isEmpty)
    }

    @Test("seed 001: a missing field is 400 missing request parameters")
    func missingParameters() async {
        let api = handler()
        for body in [#"{"channel":"8:alice","API_KEY":"k-ops-secret"}"#, #"{"msg":"hi","API_KEY":"k-ops-secret"}"#,
                     #"{"msg":"hi","channel":"8:alice"}"#, #"{"msg":"","channel":"8:alice","API_KEY":"k-ops-secret"}"#] {
            let response = await api.handle(json(body))
            #expect(response.status == 400, "\(body)")
            #expect(response.body == #"{"msg":"missing request parameters"}"#)
        }
    }

    @Test("the key may come as Authorization: Bearer, in any header case")
    func bearerKey() async {
        let queue = RecordingQueue()
        let response = await handler(queue: queue).handle(json(#"{"msg":"hi","channel":"alice"}"#, headers: [("AUTHORIZATION", "bearer k-ops-secret")]))
        #expect(response.status == 200)
        #expect(queue.requests.first?.keyName == "ops")
    }

    @Test("send-message may carry Markdown or RichText, converted for Skype")
    func richText() async {
        let queue = RecordingQueue()
        let response = await handler(queue: queue).handle(json(#"{"msg":"**bold** move","channel":"8:alice","API_KEY":"k-ops-secret","format":"markdown"}"#))
        #expect(response.status == 200)
        let outgoing = queue.requests.first?.outgoing
        #expect(outgoing?.messageType == "RichText")
        #expect(outgoing?.content.hasPrefix("<b") == true)
        #expect(outgoing?.content.hasSuffix(">bold</b> move") == true)
        let bad = await handler().handle(json(#"{"msg":"x","channel":"8:alice","API_KEY":"k-ops-secret","format":"bbcode"}"#))
        #expect(bad.status == 400)
    }

    @Test("seed 002: /send takes recipient and message from the query, a form or JSON")
    func seed002Forms() async throws {
        let queue = RecordingQueue()
        let api = handler(queue: queue)
        let get = await api.handle(SendAPIHTTPRequest(method: "GET", path: "/send", query: "recipient=8%3Aalice&message=hello+there&API_KEY=k-ops-secret"))
        let form = await api.handle(SendAPIHTTPRequest(
            method: "POST", path: "/send", headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: Array("recipient=bob&message=caf%C3%A9%20%26%20more&api_key=k-ops-secret".utf8)))
        let body = await api.handle(json(#"{"recipient":"19:abc@thread.skype","message":"json"}"#, path: "/send", headers: [("Authorization", "Bearer k-cron-secret")]))
        #expect([get.status, form.status, body.status] == [Int](repeating: 200, count: 3))
        #expect(queue.requests.map(\.recipient) == ["8:alice", "bob", "19:abc@thread.skype"])
        #expect(queue.requests.map(\.text) == ["hello there", "café & more", "json"])
        let answer = try JSONValue.parse(Data(get.body.utf8))
        #expect(answer["ok"]?.bool == true)
        #expect(answer["request_id"]?.string == header(get, "X-Request-Id"))
    }

    @Test("seed 002: Skype credentials in the request are refused with a reason, never used")
    func credentialsRefused() async {
        let queue = RecordingQueue()
        let response = await handler(queue: queue).handle(SendAPIHTTPRequest(
            method: "GET", path: "/send", query: "recipient=alice&message=hi&username=me&password=secret&API_KEY=k-ops-secret"))
        #expect(response.status == 400)
        #expect(response.body.contains("credentials in requests are refused"))
        #expect(!response.body.contains("secret"))
        #expect(queue.requests.isEmpty)
    }

    @Test("each key has its own rate limit: 429 with Retry-After, the other key unaffected")
    func rateLimit() async {
        let queue = RecordingQueue()
        let api = handler(queue: queue, perMinute: 3)
        var statuses: [Int] = []
        var retryAfter: String?
        for _ in 0..<5 {
            let response = await api.handle(json(#"{"msg":"hi","channel":"8:alice","API_KEY":"k-ops-secret"}"#))
            statuses.append(response.status)
            if response.status == 429 { retryAfter = header(response, "Retry-After") }
        }
        #expect(statuses == [Int]([200, 200, 200, 429, 429]))
        #expect(retryAfter == "20")
        let other = await api.handle(json(#"{"msg":"hi","channel":"8:alice","API_KEY":"k-cron-secret"}"#))
        #expect(other.status == 200)
        #expect(queue.requests.count == 4)
    }

    @Test("bodies over the limit, malformed JSON and odd content types are refused with 4xx")
    func hostileBodies() async {
        let api = handler(maxBody: 64)
        let large = await api.handle(json(#"{"msg":""# + String(repeating: "x", count: 100) + #"","channel":"8:alice","API_KEY":"k-ops-secret"}"#))
        #expect(large.status == 413)
        let truncated = await api.handle(SendAPIHTTPRequest(method: "POST", path: "/send-message", body: [], bodyTruncated: true))
        #expect(truncated.status == 413)
        let broken = await api.handle(json(#"{"msg":"hi","channel":"#))
        #expect(broken.status == 400)
        #expect(broken.body.contains("malformed request body"))
        let array = await api.handle(json(#"["msg"]"#))
        #expect(array.status == 400)
        let xml = await api.handle(SendAPIHTTPRequest(method: "POST", path: "/send-message", headers: [("Content-Type", "application/xml")], body: Array("<a/>".utf8)))
        #expect(xml.status == 400)
        let control = await handler().handle(json(#"{"msg":"hi","channel":"8:al\nice","API_KEY":"k-ops-secret"}"#))
        #expect(control.status == 400)
        #expect(control.body.contains("invalid recipient"))
    }

    @Test("wrong methods are 405 with Allow, unknown paths 404, and the OpenAPI document is JSON")
    func routing() async throws {
        let api = handler()
        let get = await api.handle(SendAPIHTTPRequest(method: "GET", path: "/send-message"))
        #expect(get.status == 405)
        #expect(header(get, "Allow") == "POST")
        let missing = await api.handle(SendAPIHTTPRequest(method: "GET", path: "/nothing"))
        #expect(missing.status == 404)
        let document = await api.handle(SendAPIHTTPRequest(method: "GET", path: "/openapi.json"))
        #expect(document.status == 200)
        let parsed = try JSONValue.parse(Data(document.body.utf8))
        #expect(parsed["openapi"]?.string == "3.0.3")
        #expect(parsed["paths"]?["/send-message"]?["post"] != nil)
        #expect(parsed["paths"]?["/send"]?["get"] != nil)
    }

    @Test("a queue that cannot store the request makes it 503, not a false success")
    func queueFailure() async {
        let response = await handler(queue: RecordingQueue(failing: true)).handle(json(#"{"msg":"hi","channel":"8:alice","API_KEY":"k-ops-secret"}"#))
        #expect(response.status == 503)
        #expect(header(response, "Retry-After") == "1")
    }

    @Test("the keyring names the matching key and matches nothing else")
    func keyring() {
        let keyring = SendAPIKeyring(keys: [(name: "a", key: "alpha"), (name: "b", key: "beta")])
        #expect(keyring.name(matching: "alpha") == "a")
        #expect(keyring.name(matching: "beta") == "b")
        #expect(keyring.name(matching: "alph") == nil)
        #expect(keyring.name(matching: "") == nil)
        #expect(SendAPIKeyring(keys: []).isEmpty)
    }

    @Test("form decoding handles plus, escapes, bad escapes and bare names")
    func formDecoding() {
        let pairs = FormEncoding.decode("a=1+2&b=%41%zz&c&d=%e2%82%ac&&e=x=y")
        #expect(pairs.map(\.0) == ["a", "b", "c", "d", "e"])
        #expect(pairs.map(\.1) == ["1 2", "A%zz", "", "€", "x=y"])
    }
}
