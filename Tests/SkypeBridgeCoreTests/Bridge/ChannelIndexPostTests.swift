import Testing

@testable import SkypeBridgeCore

@Suite struct ChannelIndexPostTests {
    func entry(_ chat: String, _ name: String, _ displayName: String) -> ChannelLinkStore.Entry {
        ChannelLinkStore.Entry(
            link: ChannelLink(chat: SkypeChatID(chat), channel: MattermostChannelID(rawValue: "id-" + name), channelName: name),
            displayName: displayName)
    }

    @Test func listsEveryChatByDisplayNameWithAChannelLink() {
        let pages = ChannelIndexPost.pages([
            entry("19:t@thread.skype", "skype-19-t", "team chat"), entry("8:bob", "skype-8-bob", "Bob *Baker*"),
            entry("8:alice", "skype-8-alice", "Alice"),
        ])
        #expect(pages == [
            """
            #### Skype chats bridged to Mattermost (3)

            - ~skype-8-alice Alice (`8:alice`)
            - ~skype-8-bob Bob \\*Baker\\* (`8:bob`)
            - ~skype-19-t team chat (`19:t@thread.skype`)
            """
        ])
    }

    @Test func theSameLinksInAnyOrderGiveTheSameText() {
        let entries = (0..<30).map { entry("8:u\($0)", "skype-8-u\($0)", "User \($0 % 7)") }
        #expect(ChannelIndexPost.pages(entries) == ChannelIndexPost.pages(entries.shuffled()))
    }

    @Test func aLongIndexIsSplitIntoPagesUnderTheLimit() {
        let entries = (0..<1_000).map { entry("8:user\($0)", "skype-8-user\($0)", "User number \($0)") }
        let pages = ChannelIndexPost.pages(entries, pageLimit: 2_000)
        #expect(pages.count > 1)
        #expect(pages.allSatisfy { $0.unicodeScalars.count <= 2_000 })
        #expect(pages.dropFirst().allSatisfy { $0.hasPrefix("(continued)") })
        let lines = pages.flatMap { $0.split(separator: "\n") }.filter { $0.hasPrefix("- ~") }
        #expect(lines.count == 1_000)
        #expect(Set(lines).count == 1_000)
    }

    @Test func noChatsSaysSo() {
        #expect(ChannelIndexPost.pages([]).first?.contains("No Skype chats are bridged yet") == true)
    }
}
