import Foundation
import Hummingbird

extension SkypeWebResponder {
    /// `login.live.com` stand-in: `POST /live/RST.srf` (SOAP) and `POST /live/ppsecure/post.srf` (Live form).
    func msacc(_ incoming: SkypeWebRequest, _ path: [String]) async throws -> Response {
        let route = SkypeWebPath(method: incoming.method, segments: path)
        if route.match(.post, "RST.srf") != nil {
            return await soapLogin(String(decoding: incoming.body, as: UTF8.self))
        }
        if route.match(.post, "ppsecure/post.srf") != nil {
            let form = incoming.form()
            guard let login = form["login"], let password = form["passwd"],
                  let user = await store.authenticate(login: login, password: password) else {
                return SkypeWebReply.html(LoginPages.failure)
            }
            return SkypeWebReply.html(LoginPages.ticket(await store.issueTicket(for: user.username)))
        }
        throw SkypeWebError.unknown("page")
    }

    /// `login.skype.com` stand-in: the OAuth start page, the ticket exchange and the refresh page.
    func login(_ incoming: SkypeWebRequest, _ path: [String]) async throws -> Response {
        let route = SkypeWebPath(method: incoming.method, segments: path)
        if route.match(.get, "oauth/microsoft") != nil {
            let headers: HTTPFields = [
                .setCookie: "MSPRequ=id=N&lt=\(Int(Date().timeIntervalSince1970))&co=1; path=/",
                .setCookie: "MSPOK=$uuid-\(UUID().uuidString.lowercased()); path=/",
            ]
            return SkypeWebReply.html(LoginPages.start(ppft: SkypeWebStore.randomToken(40)), headers: headers)
        }
        if route.match(.post, "microsoft") != nil {
            guard let ticket = incoming.form()["t"], let username = await store.redeemTicket(ticket) else {
                return SkypeWebReply.html(LoginPages.failure)
            }
            let grant = await store.issueSkypeToken(for: username)
            return SkypeWebReply.html(LoginPages.skypeToken(grant.token, lifetime: grant.lifetime))
        }
        if route.match(.get, "login") != nil || route.match(.get, "") != nil {
            guard let token = incoming.request.cookies["refresh-token"].map({ String($0.value) }),
                  let user = try? await store.user(forSkypeToken: token) else {
                return SkypeWebReply.html(LoginPages.failure)
            }
            return SkypeWebReply.html(LoginPages.ticket(await store.issueTicket(for: user.username)))
        }
        throw SkypeWebError.unknown("page")
    }

    /// `edge.skype.com/rps/v1/rps/skypetoken` stand-in: `POST /edge/skypetoken`, form or JSON.
    func edge(_ incoming: SkypeWebRequest, _ path: [String]) async throws -> Response {
        guard incoming.method == .post, path == ["skypetoken"] else { throw SkypeWebError.unknown("resource") }
        let ticket: String?
        if incoming.body.first == UInt8(ascii: "{") {
            ticket = (try? incoming.json())?["access_token"] as? String
        } else {
            ticket = incoming.form()["access_token"]
        }
        guard let ticket, let username = await store.redeemTicket(ticket) else {
            return SkypeWebReply.json(.ok, ["status": ["code": 40120, "text": "Authentication failed. Bad username or password."]])
        }
        let grant = await store.issueSkypeToken(for: username)
        return SkypeWebReply.json(.ok, ["skypetoken": grant.token, "expiresIn": grant.lifetime,
                                        "skypeid": username, "signinname": "\(username)@example.com"])
    }

    private func soapLogin(_ envelope: String) async -> Response {
        guard let login = Self.xmlText(envelope, element: "Username"), let password = Self.xmlText(envelope, element: "Password") else {
            return SkypeWebReply.xml(LoginPages.soapFault(code: "wsse:InvalidSecurity", text: "Invalid request"))
        }
        guard let user = await store.authenticate(login: Self.xmlUnescape(login), password: Self.xmlUnescape(password)) else {
            return SkypeWebReply.xml(LoginPages.soapFault(code: "wsse:FailedAuthentication", text: "Authentication Failure"))
        }
        return SkypeWebReply.xml(LoginPages.soapSuccess(ticket: await store.issueTicket(for: user.username)))
    }

    /// The text of the first element whose local name is `element`, if the document is well formed enough.
    static func xmlText(_ document: String, element: String) -> String? {
        guard let open = document.range(of: ":\(element)>") ?? document.range(of: "<\(element)>"),
              let close = document.range(of: "</", range: open.upperBound..<document.endIndex) else { return nil }
        let text = String(document[open.upperBound..<close.lowerBound])
        return text.contains("<") ? nil : text
    }

    static func xmlUnescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
