import Foundation
import Testing

@testable import SkypeBridgeCore

@Suite("ChannelSync against the Mattermost emulator")
struct ChannelSyncTests {
    let chats = [
        BridgedChat(id: SkypeChatID("8:alice"), displayName: "Alice Archer"),
        BridgedChat(id: SkypeChatID("8:live:bob.baker"), displayName: "Bob"),
        BridgedChat(id: SkypeChatID("19:0a1b2c3d4e5f60718293a4b5c6d7e8f9@thread.skype"), displayName: "Team chat"),
    ]

    func indexPosts(_ fixture: ChannelFixture) async throws -> [[String: Any]] {
        let townSquare = try #require(try await fixture.bot.channel(named: "town-square", inTeam: fixture.team.id))
        return try await fixture.history(townSquare.id).filter { ($0["type"] as? String) == "" && ($0["delete_at"] as? Int ?? 0) == 0 }
    }

    @Test func createsEveryChannelAndOneIndexPostThenChangesNothing() async throws {
        try await ChannelFixture.with { fixture in
            let first = try await fixture.sync().run(chats, dryRun: false)
            #expect(first.summary == "3 chats, 3 created, 0 updated, index created")
            let posts = try await indexPosts(fixture)
            #expect(posts.count == 1)
            let message = posts.first?["message"] as? String ?? ""
            for item in first.items { #expect(message.contains("~\(item.channelName) ")) }
            let second = try await fixture.sync().run(chats, dryRun: false)
            #expect(second.summary == "3 chats, 0 created, 0 updated, index unchanged")
            #expect(second.changedNothing)
            #expect(try await indexPosts(fixture).count == 1)
        }
    }

    @Test func aNewChatEditsTheIndexPostInPlace() async throws {
        try await ChannelFixture.with { fixture in
            _ = try await fixture.sync().run(Array(chats.prefix(2)), dryRun: false)
            let before = try await indexPosts(fixture)
            let report = try await fixture.sync().run(chats, dryRun: false)
            #expect(report.summary == "3 chats, 1 created, 0 updated, index updated")
            let after = try await indexPosts(fixture)
            #expect(after.count == 1)
            #expect(after.first?["id"] as? String == before.first?["id"] as? String)
            #expect((after.first?["message"] as? String)?.contains("Team chat") == true)
        }
    }

    @Test func aDeletedIndexPostIsPostedAgain() async throws {
        try await ChannelFixture.with { fixture in
            _ = try await fixture.sync().run(chats, dryRun: false)
            let id = try #require(try await indexPosts(fixture).first?["id"] as? String)
            try await fixture.admin.deletePost(id: MattermostPostID(rawValue: id))
            let report = try await fixture.sync().run(chats, dryRun: false)
            #expect(report.index == .created)
            #expect(try await indexPosts(fixture).count == 1)
        }
    }

    @Test func aDryRunReportsEverythingAndChangesNothing() async throws {
        try await ChannelFixture.with { fixture in
            let preview = try await fixture.sync().run(chats, dryRun: true)
            #expect(preview.summary == "dry run: 3 chats, 3 to create, 0 to update, index to create")
            #expect(try await indexPosts(fixture).isEmpty)
            #expect(try await fixture.bot.channelsForUser(fixture.botUser.id, team: fixture.team.id).allSatisfy { !$0.name.hasPrefix("skype-") })
            _ = try await fixture.sync().run(chats, dryRun: false)
            let renamed = chats.map { BridgedChat(id: $0.id, displayName: $0.displayName + " (new)") }
            let again = try await fixture.sync().run(renamed, dryRun: true)
            #expect(again.summary == "dry run: 3 chats, 0 to create, 3 to update, index to update")
            #expect(try await fixture.sync().run(chats, dryRun: false).changedNothing)
        }
    }

    @Test func aMissingIndexChannelIsNotFound() async throws {
        try await ChannelFixture.with { fixture in
            await #expect(throws: ChannelError.indexChannelMissing(channel: "nowhere", team: fixture.team.name)) {
                try await fixture.sync(indexChannel: "nowhere").run(chats, dryRun: false)
            }
        }
    }
}
