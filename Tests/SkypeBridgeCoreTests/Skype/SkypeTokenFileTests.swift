import Foundation
import Testing
@testable import SkypeBridgeCore

@Suite struct SkypeTokenFileTests {
    let sample = """
        live:fred
        eyJhbGciOi.token
        1767225600
        registrationToken=U2tZcGU+/=; expires=1767225600; endpointId={0b5b5bd8-1b3e-4b6b-8e2a-1f0e7e1b2c3d}
        1767222000
        http://127.0.0.1:4000/v1

        """

    @Test func readsSkpysSixLines() throws {
        let credentials = try SkypeTokenFile.parse(sample)
        #expect(credentials.userID == SkypeUserID("live:fred"))
        #expect(credentials.skypeToken == "eyJhbGciOi.token")
        #expect(credentials.skypeTokenExpiry == Date(timeIntervalSince1970: 1767225600))
        #expect(credentials.registrationToken == "U2tZcGU+/=")
        #expect(credentials.registrationExpiry == Date(timeIntervalSince1970: 1767222000))
        #expect(credentials.endpointID == "{0b5b5bd8-1b3e-4b6b-8e2a-1f0e7e1b2c3d}")
        #expect(credentials.messagingHost == "http://127.0.0.1:4000/v1")
    }

    @Test func writesWhatSkpyReads() throws {
        let credentials = try SkypeTokenFile.parse(sample)
        let text = try SkypeTokenFile.render(credentials)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 7)
        #expect(text.hasSuffix("\n"))
        #expect(text.contains("\nregistrationToken=U2tZcGU+/=\n"))
        #expect(try SkypeTokenFile.parse(text) == SkypeCredentials(
            userID: credentials.userID, skypeToken: credentials.skypeToken, skypeTokenExpiry: credentials.skypeTokenExpiry,
            registrationToken: credentials.registrationToken, registrationExpiry: credentials.registrationExpiry,
            endpointID: nil, messagingHost: credentials.messagingHost))
    }

    @Test(arguments: ["", "a\nb\nc\n", "u\nt\nsoon\nregistrationToken=x\n1\nh\n", "u\nt\n1\nregistrationToken=x\n1\nh\nextra\n"])
    func rejectsMalformedFiles(text: String) {
        #expect(throws: SkypeError.self) { try SkypeTokenFile.parse(text) }
    }
}

@Suite struct RegistrationTokenHeaderTests {
    @Test func parsesTheDocumentedForm() {
        let header = RegistrationTokenHeader.parse("registrationToken=U2t+/=; expires=1451606400; endpointId={ab-cd}")
        #expect(header == RegistrationTokenHeader(token: "U2t+/=", expires: Date(timeIntervalSince1970: 1451606400), endpointID: "{ab-cd}"))
    }

    @Test func acceptsAnyOrderCaseAndMissingParts() {
        #expect(RegistrationTokenHeader.parse("Expires=5;REGISTRATIONTOKEN=abc")?.token == "abc")
        #expect(RegistrationTokenHeader.parse("registrationToken=abc")?.expires == nil)
        #expect(RegistrationTokenHeader.parse("expires=5") == nil)
    }
}

@Suite struct SkypeIDTests {
    @Test func chatIDsKnowTheirKind() {
        #expect(SkypeChatID("8:live:joe").user == SkypeUserID("live:joe"))
        #expect(SkypeChatID("19:abc@thread.skype").isGroup)
        #expect(SkypeChatID.parse("live:joe") == SkypeChatID("8:live:joe"))
        #expect(SkypeChatID.parse("alice") == SkypeChatID("8:alice"))
        #expect(SkypeChatID.parse("19:x@thread.skype") == SkypeChatID("19:x@thread.skype"))
    }

    @Test func clientMessageIDsAreDigitStrings() {
        let id = SkypeClientMessageID.random()
        #expect(id.rawValue.count == 19 && id.rawValue.allSatisfy(\.isNumber))
    }
}
