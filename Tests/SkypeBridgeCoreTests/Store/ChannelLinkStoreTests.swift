import Logging
import Testing

@testable import SkypeBridgeCore

@Suite struct ChannelLinkStoreTests {
    let logger = Logger(label: "test.links") { _ in SwiftLogNoOpLogHandler() }

    @Test func findsALinkByChatChannelAndNameWithItsDisplayName() throws {
        let tmp = try TemporaryDirectory()
        let links = ChannelLinkStore(store: try StateStore(path: tmp.file("state.sqlite"), logger: logger))
        let link = ChannelLink(chat: SkypeChatID("8:alice"), channel: MattermostChannelID(rawValue: "c1"), channelName: "skype-8-alice")
        try links.insert(link, chat: BridgedChat(id: link.chat, displayName: "Alice Archer"))
        let expected = ChannelLinkStore.Entry(link: link, displayName: "Alice Archer")
        #expect(try links.entry(for: SkypeChatID("8:alice")) == expected)
        #expect(try links.entry(for: MattermostChannelID(rawValue: "c1")) == expected)
        #expect(try links.entry(named: "skype-8-alice") == expected)
        #expect(try links.entry(for: SkypeChatID("8:bob")) == nil)
        try links.updateChat(BridgedChat(id: link.chat, displayName: "Alice A."))
        #expect(try links.entries() == [ChannelLinkStore.Entry(link: link, displayName: "Alice A.")])
    }

    @Test func aChannelLinkedTwiceIsRefusedAndNothingIsWritten() throws {
        let tmp = try TemporaryDirectory()
        let links = ChannelLinkStore(store: try StateStore(path: tmp.file("state.sqlite"), logger: logger))
        let channel = MattermostChannelID(rawValue: "c1")
        try links.insert(ChannelLink(chat: SkypeChatID("8:alice"), channel: channel, channelName: "a"), chat: BridgedChat(id: SkypeChatID("8:alice"), displayName: "A"))
        #expect(throws: StoreError.self) {
            try links.insert(ChannelLink(chat: SkypeChatID("8:bob"), channel: channel, channelName: "b"), chat: BridgedChat(id: SkypeChatID("8:bob"), displayName: "B"))
        }
        #expect(try links.entries().map(\.link.chat) == [SkypeChatID("8:alice")])
        try links.removeLink(of: SkypeChatID("8:alice"))
        #expect(try links.entries().isEmpty)
    }
}
