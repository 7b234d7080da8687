import Testing
import SkypeBridgeCore

@Suite struct RedactionTests {
    @Test(arguments: [
        "Authorization", "authentication", "COOKIE", "Set-Cookie", "X-Skypetoken", "RegistrationToken",
        "Set-RegistrationToken", "Token", "Proxy-Authorization",
    ])
    func sensitiveHeaderValuesAreRedacted(name: String) {
        #expect(Redaction.isSensitiveHeader(name))
        #expect(Redaction.redactedHeaderValue(name: name, value: "s3cret") == "<redacted>")
    }

    @Test(arguments: ["Accept", "Content-Type", "User-Agent", "BehaviorOverride", "ClientInfo"])
    func ordinaryHeaderValuesAreKept(name: String) {
        #expect(Redaction.redactedHeaderValue(name: name, value: "v") == "v")
    }

    @Test func headerListKeepsNamesAndOrder() {
        let headers: HTTPHeaders = ["Accept": "application/json", "Cookie": "skypetoken_asm=abc", "X-Skypetoken": "t"]
        #expect(Redaction.redactedHeaders(headers) == [
            "Accept: application/json", "Cookie: <redacted>", "X-Skypetoken: <redacted>",
        ])
    }

    @Test(arguments: [
        ("https://h/x?token=abc&b=1", "https://h/x?token=<redacted>&b=1"),
        ("https://h/x?a=1&skype_token=abc", "https://h/x?a=1&skype_token=<redacted>"),
        ("https://h/x?access_token=abc#frag", "https://h/x?access_token=<redacted>#frag"),
        ("https://h/x?API_KEY=abc&apikey=d", "https://h/x?API_KEY=<redacted>&apikey=<redacted>"),
        ("https://h/x?password=p&key=k&sig=s", "https://h/x?password=<redacted>&key=<redacted>&sig=<redacted>"),
        ("https://h/x?registrationToken=abc", "https://h/x?registrationToken=<redacted>"),
        ("https://h/x?access%5Ftoken=abc", "https://h/x?access%5Ftoken=<redacted>"),
        ("https://h/x?page=2&flag&=v", "https://h/x?page=2&flag&=v"),
        ("https://h/x", "https://h/x"),
        ("http://user:pw@proxy:3128", "http://user:<redacted>@proxy:3128"),
        ("socks5h://user@proxy:1080/", "socks5h://user@proxy:1080/"),
        ("https://h/a@b?x=1", "https://h/a@b?x=1"),
    ])
    func urlSecretsAreRedacted(url: String, expected: String) {
        #expect(Redaction.redactedURL(url) == expected)
    }

    @Test func tokenLikeQueryNamesAreSensitiveOthersAreNot() {
        #expect(Redaction.isSensitiveQueryParameter("refresh_token"))
        #expect(Redaction.isSensitiveQueryParameter("client_secret"))
        #expect(!Redaction.isSensitiveQueryParameter("pageSize"))
        #expect(!Redaction.isSensitiveQueryParameter("keyword"))
    }
}
