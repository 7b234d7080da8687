import SkypeBridgeCore
import Testing

@Suite struct SkypeAPINotificationTests {
    @Test(arguments: [
        ("CALL 12 STATUS RINGING", SkypeAPINotification.callStatus(SkypeCallID(rawValue: 12), .ringing)),
        ("  call   12   status   inprogress ", .callStatus(SkypeCallID(rawValue: 12), .inProgress)),
        ("CALL 3 STATUS VM_SOMETHING_NEW", .callProperty(SkypeCallID(rawValue: 3), name: "STATUS", value: "VM_SOMETHING_NEW")),
        ("CALL 3 DURATION 17", .callDuration(SkypeCallID(rawValue: 3), seconds: 17)),
        ("CALL 3 FAILUREREASON 3", .callFailureReason(SkypeCallID(rawValue: 3), reason: 3)),
        ("CALL 3 DTMF #", .callDTMF(SkypeCallID(rawValue: 3), digit: "#")),
        ("CALL 3 PARTNER_DISPNAME Alice  Smith", .callProperty(SkypeCallID(rawValue: 3), name: "PARTNER_DISPNAME", value: "Alice  Smith")),
        ("CALL 3 CONF_ID 0", .callProperty(SkypeCallID(rawValue: 3), name: "CONF_ID", value: "0")),
        ("CHATMESSAGE 91 STATUS RECEIVED", .chatMessageStatus(id: "91", status: "RECEIVED")),
        ("USER zoe RECEIVEDAUTHREQUEST please add me", .authorizationRequest(from: "zoe", text: "please add me")),
        ("USER zoe ONLINESTATUS AWAY", .userProperty(handle: "zoe", name: "ONLINESTATUS", value: "AWAY")),
        ("PROFILE PSTN_BALANCE 998", .profile(name: "PSTN_BALANCE", value: "998")),
        ("CONNSTATUS ONLINE", .global(name: "CONNSTATUS", value: "ONLINE")),
        ("CURRENTUSERHANDLE bridgebot", .global(name: "CURRENTUSERHANDLE", value: "bridgebot")),
    ])
    func parsesNotificationsLiberally(_ message: String, _ expected: SkypeAPINotification) {
        #expect(SkypeAPINotification(message: message) == expected)
    }

    @Test(arguments: ["", "OK", "PONG", "CALL x STATUS RINGING", "CALL 0 STATUS RINGING", "CALL 5", "CALL 5 DURATION soon", "WHATEVER 1 2"])
    func ignoresWhatItDoesNotKnow(_ message: String) {
        #expect(SkypeAPINotification(message: message) == nil)
    }

    @Test func commandIDPrefixIsSkipped() {
        #expect(SkypeAPINotification(message: "#4 CALL 5 STATUS RINGING") == .callStatus(SkypeCallID(rawValue: 5), .ringing))
    }

    @Test func terminalStatusesAreTheOnesAfterWhichNothingHappens() {
        let terminal = CallStatus.allCases.filter(\.isTerminal)
        #expect(Set(terminal) == [.finished, .missed, .refused, .busy, .cancelled, .failed, .waitingRedialCommand, .redialPending, .transferred, .voicemailSent, .voicemailCancelled, .voicemailFailed])
        #expect(CallStatus(wire: "earlymedia") == .earlyMedia)
        #expect(CallStatus(wire: "nonsense") == nil)
    }
}
