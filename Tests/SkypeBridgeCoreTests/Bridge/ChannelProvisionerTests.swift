import Foundation
import Synchronization
import Testing

@testable import SkypeBridgeCore

@Suite("ChannelProvisioner against the Mattermost emulator")
struct ChannelProvisionerTests {
    let alice = BridgedChat(id: SkypeChatID("8:alice"), displayName: "Alice Archer")

    @Test func createsANamedChannelWithHeaderAndTheBotAsMember() async throws {
        try await ChannelFixture.with { fixture in
            let provisioner = fixture.provisioner()
            let id = try #require(try await provisioner.channel(for: alice))
            let channel = try await fixture.bot.channel(id: id)
            #expect(channel.name == "skype-8-alice")
            #expect(channel.displayName == "Alice Archer")
            #expect(channel.header.contains("`8:alice`"))
            #expect(channel.type == .open)
            let mine = try await fixture.bot.channelsForUser(fixture.botUser.id, team: fixture.team.id)
            #expect(mine.contains { $0.id == id })
            #expect(try await provisioner.links() == [ChannelLink(chat: alice.id, channel: id, channelName: "skype-8-alice")])
            #expect(try await provisioner.skypeChat(for: id) == alice.id)
        }
    }

    @Test func aBotOtherThanTheClientsUserIsAddedToTheChannel() async throws {
        try await ChannelFixture.with { fixture in
            let provisioner = ChannelProvisioner(
                client: fixture.admin, store: fixture.store, team: fixture.team, bot: fixture.botUser, settings: BridgeSettings(),
                logger: ChannelFixture.logger)
            let id = try #require(try await provisioner.channel(for: alice))
            let mine = try await fixture.bot.channelsForUser(fixture.botUser.id, team: fixture.team.id)
            #expect(mine.contains { $0.id == id })
        }
    }

    @Test func aSecondCallAndANewProvisionerFindTheSameChannel() async throws {
        try await ChannelFixture.with { fixture in
            let first = try await fixture.provisioner().channel(for: alice)
            #expect(try await fixture.provisioner().channel(for: alice) == first)
            #expect(try await fixture.provisioner().channel(for: alice, create: false) == first)
            let mine = try await fixture.bot.channelsForUser(fixture.botUser.id, team: fixture.team.id)
            #expect(mine.filter { $0.name.hasPrefix("skype-") }.count == 1)
        }
    }

    @Test func concurrentCallsForANewChatShareOneChannel() async throws {
        try await ChannelFixture.with { fixture in
            let provisioner = fixture.provisioner()
            let ids = try await withThrowingTaskGroup(of: MattermostChannelID?.self) { group in
                for _ in 0..<5 { group.addTask { try await provisioner.channel(for: alice) } }
                return try await group.reduce(into: Set<MattermostChannelID?>()) { $0.insert($1) }
            }
            #expect(ids.count == 1)
            let mine = try await fixture.bot.channelsForUser(fixture.botUser.id, team: fixture.team.id)
            #expect(mine.filter { $0.name.hasPrefix("skype-") }.count == 1)
        }
    }

    @Test func withoutCreateAnUnlinkedChatHasNoChannel() async throws {
        try await ChannelFixture.with { fixture in
            let linked = try await fixture.provisioner().channel(for: alice, create: false)
            #expect(linked == nil)
            let existing = try await fixture.admin.channel(named: "skype-8-alice", inTeam: fixture.team.id)
            #expect(existing == nil)
        }
    }

    @Test func aNameTakenByAnotherChannelGivesTheNextAlternative() async throws {
        try await ChannelFixture.with { fixture in
            try await fixture.control("channels", ["name": "skype-8-alice", "display_name": "Someone else's", "members": ["mia"]])
            let id = try #require(try await fixture.provisioner().channel(for: alice))
            let channel = try await fixture.bot.channel(id: id)
            #expect(channel.name == ChannelNamer(prefix: "skype-").name(for: alice.id, attempt: 1))
            #expect(channel.name != "skype-8-alice")
        }
    }

    @Test func aChannelLeftByAnInterruptedRunIsAdopted() async throws {
        try await ChannelFixture.with { fixture in
            let created = try await fixture.control("channels", [
                "name": "skype-8-alice", "display_name": "Alice", "header": ChannelText.header(for: alice.id), "members": ["mia"],
            ])
            let id = try #require(try await fixture.provisioner().channel(for: alice))
            #expect(id.rawValue == created["id"] as? String)
            let mine = try await fixture.bot.channelsForUser(fixture.botUser.id, team: fixture.team.id)
            #expect(mine.contains { $0.id == id })
        }
    }

    @Test func syncRestoresADisplayNameAndHeaderChangedByHand() async throws {
        try await ChannelFixture.with { fixture in
            let provisioner = fixture.provisioner()
            let id = try #require(try await provisioner.channel(for: alice))
            _ = try await fixture.admin.patchChannel(id: id, displayName: "renamed", header: "no id here")
            let preview = try #require(try await provisioner.sync([alice], dryRun: true).first)
            #expect(preview.action == .updated)
            #expect(preview.changes == [.displayName, .header])
            #expect(try await fixture.bot.channel(id: id).displayName == "renamed")
            let item = try #require(try await provisioner.sync([alice], dryRun: false).first)
            #expect(item.action == .updated)
            let channel = try await fixture.bot.channel(id: id)
            #expect(channel.displayName == "Alice Archer")
            #expect(channel.header == ChannelText.header(for: alice.id))
            #expect(try await provisioner.sync([alice], dryRun: false).map(\.action) == [.unchanged])
        }
    }

    @Test func aNewDisplayNameRenamesTheChannel() async throws {
        try await ChannelFixture.with { fixture in
            let provisioner = fixture.provisioner()
            let id = try #require(try await provisioner.channel(for: alice))
            _ = try await provisioner.channel(for: BridgedChat(id: alice.id, displayName: "Alice A."))
            #expect(try await fixture.bot.channel(id: id).displayName == "Alice A.")
            _ = try await provisioner.channel(for: BridgedChat(id: alice.id, displayName: ""))
            #expect(try await fixture.bot.channel(id: id).displayName == "Alice A.", "an id-only name never replaces a real one")
        }
    }

    @Test func aDryRunCreatesNothing() async throws {
        try await ChannelFixture.with { fixture in
            let item = try #require(try await fixture.provisioner().sync([alice], dryRun: true).first)
            #expect(item.action == .created)
            #expect(item.channelName == "skype-8-alice")
            #expect(item.channelID == nil)
            let existing = try await fixture.admin.channel(named: "skype-8-alice", inTeam: fixture.team.id)
            #expect(existing == nil)
            #expect(try ChannelLinkStore(store: fixture.store).entries().isEmpty)
        }
    }
}

@Suite("ChannelProvisioner batches")
struct ChannelProvisionerBatchTests {
    @Test func aBatchCreatesEveryChannelStoresEveryLinkAndReportsProgress() async throws {
        try await ChannelFixture.with { fixture in
            let chats = (0..<40).map { BridgedChat(id: SkypeChatID("8:user\($0)"), displayName: "User \($0)") }
            let calls = Mutex<[Int]>([])
            let items = try await fixture.provisioner().sync(chats, dryRun: false) { done, total in
                #expect(total == 40)
                calls.withLock { $0.append(done) }
            }
            #expect(items.map(\.chat) == chats, "outcomes in the order of the chats")
            #expect(items.allSatisfy { $0.action == .created })
            #expect(Set(items.map(\.channelName)).count == 40)
            #expect(calls.withLock { $0 } == Array(1...40))
            let stored = try ChannelLinkStore(store: fixture.store).entries()
            #expect(Set(stored.map(\.link.chat)) == Set(chats.map(\.id)))
            #expect(Set(stored.map(\.link.channel)) == Set(items.compactMap(\.channelID)))
            let again = try await fixture.provisioner().sync(chats, dryRun: false)
            #expect(again.allSatisfy { $0.action == .unchanged })
        }
    }
}
