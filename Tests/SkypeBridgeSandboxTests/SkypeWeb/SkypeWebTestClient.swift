import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import SkypeBridgeSandbox

/// A running emulator on an ephemeral port plus a tiny HTTP client for tests.
struct SkypeWebHarness {
    /// A session that neither stores nor sends cookies, so parallel tests cannot see each
    /// other's login cookies and an explicit `Cookie` header is sent as written.
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration)
    }()

    let emulator: SkypeWebEmulator
    let info: SandboxServiceInfo
    var origin: String { info.urls["base"]! }

    /// Starts an emulator, runs `body`, stops it.
    static func with<T>(_ options: SkypeWebEmulator.Options = .init(pollTimeout: 1), _ body: (SkypeWebHarness) async throws -> T) async throws -> T {
        let emulator = SkypeWebEmulator(options: options)
        let info = try await emulator.start(host: "127.0.0.1")
        do {
            let result = try await body(SkypeWebHarness(emulator: emulator, info: info))
            await emulator.stop()
            return result
        } catch {
            await emulator.stop()
            throw error
        }
    }

    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// Sends one request and returns status, headers and body.
    func send(_ method: String, _ path: String, headers: [String: String] = [:], json: Any? = nil, body: Data? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: path.hasPrefix("http") ? path : origin + path)!)
        request.httpMethod = method
        request.timeoutInterval = 30
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
        }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)"] = "\(value)" }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// Logs in over SOAP + edge and registers an endpoint; returns the two tokens.
    func login(_ user: String, password: String) async throws -> (skype: String, registration: String) {
        let envelope = "<Envelope><Header><wsse:Security><wsse:UsernameToken><wsse:Username>\(user)@example.com</wsse:Username><wsse:Password>\(password)</wsse:Password></wsse:UsernameToken></wsse:Security></Header></Envelope>"
        let soap = try await send("POST", "/live/RST.srf", body: Data(envelope.utf8))
        let ticket = soap.text.components(separatedBy: "\">").dropFirst().first { $0.hasPrefix("t=") }?.components(separatedBy: "<").first ?? ""
        let form = "partner=999&access_token=\(ticket.replacingOccurrences(of: "&amp;", with: "%26"))&scopes=client"
        let edge = try await send("POST", "/edge/skypetoken", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(form.utf8))
        let skype = edge.json["skypetoken"] as? String ?? ""
        let registration = try await register(skype)
        return (skype, registration)
    }

    /// Registers an endpoint with a valid LockAndKey; returns the registration token.
    func register(_ skypeToken: String) async throws -> String {
        let time = String(Int(Date().timeIntervalSince1970))
        let lockAndKey = "appId=msmsgs@msnmsgr.com; time=\(time); lockAndKeyResponse=\(LockAndKey.response(challenge: time))"
        let reply = try await send("POST", "/v1/users/ME/endpoints", headers: ["LockAndKey": lockAndKey, "Authentication": "skypetoken=\(skypeToken)"],
                                   json: ["endpointFeatures": "Agent"])
        let header = reply.header("Set-RegistrationToken") ?? ""
        return header.components(separatedBy: ";").first?.replacingOccurrences(of: "registrationToken=", with: "") ?? ""
    }

    /// Subscribes the token's endpoint to events.
    func subscribe(_ registration: String) async throws {
        _ = try await send("POST", "/v1/users/ME/endpoints/SELF/subscriptions", headers: ["RegistrationToken": "registrationToken=\(registration)"],
                           json: ["interestedResources": ["/v1/users/ME/conversations/ALL/messages"], "channelType": "HttpLongPoll"])
    }

    /// One long-poll; returns the event envelopes.
    func poll(_ registration: String) async throws -> [[String: Any]] {
        let reply = try await send("POST", "/v1/users/ME/endpoints/SELF/subscriptions/0/poll", headers: ["RegistrationToken": "registrationToken=\(registration)"])
        return reply.json["eventMessages"] as? [[String: Any]] ?? []
    }

    /// Posts a text message with the registration token.
    func post(_ registration: String, to conversation: String, _ content: String) async throws -> Reply {
        try await send("POST", "/v1/users/ME/conversations/\(conversation)/messages", headers: ["RegistrationToken": "registrationToken=\(registration)"],
                       json: ["messagetype": "Text", "contenttype": "text", "content": content, "clientmessageid": "123"])
    }
}
