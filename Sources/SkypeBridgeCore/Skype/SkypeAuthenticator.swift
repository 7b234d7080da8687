import Foundation
import Logging

/// Obtains a skypetoken with a username and password (skype-web.md §2): the SOAP flow for
/// Microsoft-account e-mail addresses, the Live form flow for Skype names, then the profile to
/// learn the account's user id. Never logs the password or tokens.
struct SkypeAuthenticator: Sendable {
    /// A fresh skypetoken and the account it belongs to.
    struct Token: Sendable {
        var skypeToken: String
        var expiry: Date
        var userID: SkypeUserID
    }

    let services: SkypeServiceURLs
    let transport: any HTTPTransport
    let logger: Logger

    /// Signs in and reads the profile.
    func signIn(username: String, password: String, method: SkypeSettings.LoginMethod) async throws -> Token {
        let useSOAP = method == .soap || (method == .auto && username.contains("@"))
        logger.info("signing in to skype", metadata: ["sb.skype.flow": "\(useSOAP ? "soap" : "live")"])
        let (token, expiresIn) = useSOAP
            ? try await soap(username: username, password: password)
            : try await live(username: username, password: password)
        let userID = try await profileUserID(skypeToken: token)
        return Token(skypeToken: token, expiry: Date().addingTimeInterval(expiresIn), userID: userID)
    }

    // MARK: SOAP (§2.2)

    private func soap(username: String, password: String) async throws -> (String, TimeInterval) {
        let response = try await transport.send(HTTPRequest(
            method: .post, url: SkypeServiceURLs.base(services.microsoftAccount) + "/RST.srf",
            headers: ["Content-Type": "application/soap+xml; charset=utf-8"],
            body: .text(SOAPEnvelope.render(username: username, password: password))
        ))
        let xml = response.text
        if let fault = SOAPEnvelope.fault(in: xml) {
            throw SkypeError.authenticationFailed(fault)
        }
        guard response.isSuccess, let ticket = SOAPEnvelope.securityToken(in: xml) else {
            throw SkypeError.unexpectedResponse("no security token in the SOAP answer (HTTP \(response.status))")
        }
        return try await exchangeTicket(ticket)
    }

    private func exchangeTicket(_ ticket: String) async throws -> (String, TimeInterval) {
        let form = FormEncoding.encode([("partner", "999"), ("access_token", ticket), ("scopes", "client")])
        let response = try await transport.send(HTTPRequest(
            method: .post, url: SkypeServiceURLs.base(services.edge),
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
            body: .text(form)
        ))
        guard let json = try? JSONValue.parse(response.data) else {
            throw SkypeError.unexpectedResponse("could not parse the edge answer (HTTP \(response.status))")
        }
        if let token = json["skypetoken"]?.string {
            return (token, json["expiresIn"]?.number ?? 86_400)
        }
        let code = json["status"]?["code"]?.string ?? String(response.status)
        let text = json["status"]?["text"]?.string ?? "no skypetoken"
        throw SkypeError.authenticationFailed("\(code) - \(text)")
    }

    // MARK: Live (§2.3)

    private func live(username: String, password: String) async throws -> (String, TimeInterval) {
        let start = try await transport.send(HTTPRequest(
            url: SkypeServiceURLs.base(services.login) + "/oauth/microsoft?client_id=578134&redirect_uri=" + FormEncoding.escape("https://web.skype.com"),
            followRedirects: true
        ))
        guard let ppft = HTMLScraper.inputValue(named: "PPFT", in: start.text) else {
            throw SkypeError.unexpectedResponse("the login page has no PPFT field (HTTP \(start.status))")
        }
        var cookies = Cookies.parse(start.headers.values(for: "Set-Cookie"))
        cookies["CkTst"] = "G\(Int(Date().timeIntervalSince1970 * 1000))"
        let wreply = "https://lw.skype.com/login/oauth/proxy?client_id=578134&site_name=lw.skype.com&redirect_uri=https%3A%2F%2Fweb.skype.com%2F"
        let postURL = SkypeServiceURLs.base(services.microsoftAccount) + "/ppsecure/post.srf?wa=wsignin1.0&wp=MBI_SSL&wreply=" + FormEncoding.escape(wreply)
        let page = try await transport.send(HTTPRequest(
            method: .post, url: postURL,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": Cookies.header(cookies)],
            body: .text(FormEncoding.encode([("login", username), ("passwd", password), ("PPFT", ppft), ("loginoptions", "3")]))
        ))
        let ticket = try liveTicket(page.text)
        let final = try await transport.send(HTTPRequest(
            method: .post,
            url: SkypeServiceURLs.base(services.login) + "/microsoft?client_id=578134&redirect_uri=" + FormEncoding.escape("https://web.skype.com"),
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: .text(FormEncoding.encode([
                ("t", ticket), ("client_id", "578134"), ("oauthPartner", "999"),
                ("site_name", "lw.skype.com"), ("redirect_uri", "https://web.skype.com"),
            ]))
        ))
        guard let token = HTMLScraper.inputValue(named: "skypetoken", in: final.text) else {
            throw SkypeError.unexpectedResponse("the final login page has no skypetoken (HTTP \(final.status))")
        }
        let expiresIn = HTMLScraper.inputValue(named: "expires_in", in: final.text).flatMap(TimeInterval.init) ?? 86_400
        return (token, expiresIn)
    }

    private func liveTicket(_ page: String) throws -> String {
        if let ticket = HTMLScraper.inputValue(id: "t", in: page) { return ticket }
        if let error = HTMLScraper.jsString(named: "sErrTxt", in: page) {
            throw SkypeError.authenticationFailed(error)
        }
        throw SkypeError.authenticationFailed("the sign-in page asked for more than a password (two-factor or account action)")
    }

    // MARK: Profile (§8.2)

    private func profileUserID(skypeToken: String) async throws -> SkypeUserID {
        let response = try await transport.send(HTTPRequest(url: SkypeServiceURLs.base(services.api) + "/users/self/profile", headers: ["X-SkypeToken": skypeToken]))
        try response.checked()
        guard let username = (try? JSONValue.parse(response.data))?["username"]?.string, !username.isEmpty else {
            throw SkypeError.unexpectedResponse("the profile has no username")
        }
        return SkypeUserID(username)
    }
}
