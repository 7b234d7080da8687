import Foundation
import Testing
@testable import SkypeBridgeCore

@Suite("Skype side translation")
struct SkypeSideTests {
    private func message(_ content: String, type: String = "RichText", from sender: String = "alice", chat: String = "8:alice", topic: String? = nil) -> SkypeMessage {
        SkypeMessage(
            id: SkypeMessageID("1700000000123"), clientMessageID: SkypeClientMessageID("42"), chat: SkypeChatID(chat), sender: SkypeUserID(sender),
            senderName: "Alice Archer", messageType: type, content: content, arrival: Date(timeIntervalSince1970: 1_700_000_000.123), threadTopic: topic)
    }

    @Test func richTextBecomesFormattedTextWithSenderChatNameAndTransaction() throws {
        let bridged = try #require(SkypeSide.bridgeMessage(message("Hello <b>bridge</b>"), account: SkypeUserID("bridge.bot")))
        #expect(bridged.text == FormattedText([.text("Hello "), .bold([.text("bridge")])]))
        #expect(bridged.sender == BridgeSender(id: "alice", displayName: "Alice Archer", isBridgeAccount: false))
        #expect(bridged.chatName == "Alice Archer")
        #expect(bridged.transactionID == "42")
        #expect(bridged.id == "1700000000123")
    }

    @Test func plainTextKeepsItsLinesAndMarkupCharacters() throws {
        let bridged = try #require(SkypeSide.bridgeMessage(message("a <b>\nb", type: "Text"), account: SkypeUserID("bridge.bot")))
        #expect(bridged.text == FormattedText([.text("a <b>"), .lineBreak, .text("b")]))
    }

    @Test func theAccountsOwnMessagesAreMarkedAndNameNoChannel() throws {
        let bridged = try #require(SkypeSide.bridgeMessage(message("hi", from: "bridge.bot"), account: SkypeUserID("bridge.bot")))
        #expect(bridged.sender.isBridgeAccount)
        #expect(bridged.chatName == nil)
    }

    @Test func groupMessagesNameTheChannelAfterTheTopic() throws {
        let group = message("hi", chat: "19:abc@thread.skype", topic: "Team chat")
        #expect(SkypeSide.bridgeMessage(group, account: SkypeUserID("bridge.bot"))?.chatName == "Team chat")
    }

    @Test func callNoticesAndThreadActivityAreNotRelayed() {
        #expect(SkypeSide.bridgeMessage(message("<partlist/>", type: "Event/Call"), account: SkypeUserID("bridge.bot")) == nil)
        #expect(SkypeSide.bridgeMessage(message("<addmember/>", type: "ThreadActivity/AddMember"), account: SkypeUserID("bridge.bot")) == nil)
    }

    @Test func emptiedMessagesAreDeletesAndEditsGetANewVersion() throws {
        let account = SkypeUserID("bridge.bot")
        guard case .deleted(let deleted)? = SkypeSide.bridgeEvent(.deleted(message("")), account: account) else {
            Issue.record("an emptied message is a delete")
            return
        }
        #expect(deleted.id == "1700000000123")
        guard case .edited(let first)? = SkypeSide.bridgeEvent(.edited(message("one")), account: account),
              case .edited(let second)? = SkypeSide.bridgeEvent(.edited(message("two")), account: account)
        else {
            Issue.record("edits stay edits")
            return
        }
        #expect(first.version != second.version)
    }
}
