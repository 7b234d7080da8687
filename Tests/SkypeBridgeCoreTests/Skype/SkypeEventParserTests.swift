import Foundation
import Testing
@testable import SkypeBridgeCore

@Suite struct SkypeEventParserTests {
    func poll(_ json: String) throws -> [SkypeEventParser.Envelope] {
        SkypeEventParser.parsePoll(try JSONValue.parse(Data(json.utf8)))
    }

    @Test func emptyPollsHaveNoEvents() throws {
        #expect(try poll("{}").isEmpty)
        #expect(try poll(#"{"eventMessages": []}"#).isEmpty)
    }

    @Test func newMessageFromTheDocumentedShape() throws {
        let events = try poll(#"""
            {"eventMessages": [{"id": 1000, "type": "EventMessage", "resourceType": "NewMessage", "time": "2016-01-01T00:00:00Z",
             "resourceLink": "https://h/v1/users/ME/conversations/8:joe.4/messages/1451606400000",
             "resource": {"id": "1451606400000", "version": "1451606400000", "type": "Message", "messagetype": "RichText",
               "contenttype": "text", "content": "Hi <ss type=\"smile\">:)</ss>", "clientmessageid": "1451606399999",
               "from": "https://h/v1/users/ME/contacts/8:anna.7", "conversationLink": "https://h/v1/users/ME/conversations/19:abc@thread.skype",
               "imdisplayname": "Anna Cooper", "threadtopic": "Team chat", "composetime": "2016-01-01T00:00:00.000Z",
               "originalarrivaltime": "2016-01-01T00:00:00.000Z", "extra": {"ignored": true}}}]}
            """#)
        #expect(events.count == 1)
        guard case let .message(message) = events[0].event else { Issue.record("not a message: \(events)"); return }
        #expect(message.id == SkypeMessageID("1451606400000"))
        #expect(message.clientMessageID == SkypeClientMessageID("1451606399999"))
        #expect(message.chat == SkypeChatID("19:abc@thread.skype"))
        #expect(message.sender == SkypeUserID("anna.7"))
        #expect(message.senderName == "Anna Cooper")
        #expect(message.content == "Hi <ss type=\"smile\">:)</ss>")
        #expect(message.arrival == Date(timeIntervalSince1970: 1451606400))
        #expect(message.threadTopic == "Team chat")
    }

    @Test func numericClientMessageIDAndLiveUsers() throws {
        let events = try poll(#"""
            {"eventMessages": [{"id": 7, "resourceType": "NewMessage", "resource": {"id": "5", "messagetype": "Text",
              "content": "x", "clientmessageid": 123456789, "from": "http://127.0.0.1:9/v1/users/8:live:bob",
              "conversationLink": "http://127.0.0.1:9/v1/users/ME/conversations/8:live:bob"}}]}
            """#)
        guard case let .message(message) = events.first?.event else { Issue.record("no message"); return }
        #expect(message.clientMessageID == SkypeClientMessageID("123456789"))
        #expect(message.sender == SkypeUserID("live:bob"))
        #expect(message.chat == SkypeChatID("8:live:bob"))
    }

    @Test func editsDeletesAndTypingAreTheirOwnEvents() throws {
        let events = try poll(#"""
            {"eventMessages": [
             {"id": 3, "resourceType": "NewMessage", "resource": {"id": "9", "messagetype": "Control/Typing", "from": "https://h/v1/users/ME/contacts/8:a", "conversationLink": "https://h/v1/users/ME/conversations/8:a"}},
             {"id": 2, "resourceType": "NewMessage", "resource": {"id": "8", "messagetype": "RichText", "content": "", "skypeeditedid": "77", "from": "https://h/v1/users/ME/contacts/8:a", "conversationLink": "https://h/v1/users/ME/conversations/8:a"}},
             {"id": 1, "resourceType": "NewMessage", "resource": {"id": "7", "messagetype": "RichText", "content": "fixed", "skypeeditedid": "77", "from": "https://h/v1/users/ME/contacts/8:a", "conversationLink": "https://h/v1/users/ME/conversations/8:a"}},
             {"id": 4, "resourceType": "UserPresence", "resource": {"selfLink": "https://h/v1/users/8:a/presenceDocs/messagingService", "status": "Away"}},
             {"id": 5, "resourceType": "ThreadUpdate", "resource": {"id": "19:t@thread.skype", "members": []}},
             {"id": 6, "resourceType": "SomethingNew", "resource": {}}]}
            """#)
        #expect(events.map(\.id) == [1, 2, 3, 4, 5, 6], "delivered in id order")
        guard case let .edited(edit) = events[0].event, case let .deleted(deleted) = events[1].event else {
            Issue.record("edit/delete not recognised: \(events)"); return
        }
        #expect(edit.content == "fixed" && edit.clientMessageID == SkypeClientMessageID("77"))
        #expect(deleted.clientMessageID == SkypeClientMessageID("77"))
        #expect(events[2].event == .typing(chat: SkypeChatID("8:a"), user: SkypeUserID("a"), active: true))
        #expect(events[3].event == .presence(user: SkypeUserID("a"), status: "Away"))
        #expect(events[4].event == .threadUpdate(chat: SkypeChatID("19:t@thread.skype")))
        #expect(events[5].event == .other(resourceType: "SomethingNew"))
    }

    @Test func malformedMessagesAreSkippedNotFatal() throws {
        let events = try poll(#"{"eventMessages": [{"id": 1, "resourceType": "NewMessage", "resource": {"content": "no ids"}}, {"nope": 1}]}"#)
        #expect(events.map(\.event) == [.other(resourceType: "NewMessage")])
    }
}
