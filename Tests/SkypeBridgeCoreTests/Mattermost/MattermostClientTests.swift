import Foundation
import Logging
@testable import SkypeBridgeCore
import SkypeBridgeSandbox
import Testing

@Suite("MattermostClient against the Mattermost emulator")
struct MattermostClientTests {
    @Test func botTokenAuthenticatesAndBadTokenIsUnauthorized() async throws {
        try await MattermostTestServer.run { server in
            let me = try await server.client().me()
            #expect(me.username == "bridge-bot")
            #expect(me.isBot)
            await #expect {
                _ = try await server.client(token: "wrongtoken000000000000000000").me()
            } throws: { error in
                guard case MattermostError.unauthorized = error else { return false }
                return (error as? MattermostError)?.category == .auth
            }
        }
    }

    @Test func sessionLoginUsesTheTokenHeaderAndWrongPasswordIsUnauthorized() async throws {
        try await MattermostTestServer.run { server in
            let token = try await MattermostClient.login(
                baseURL: server.baseURL, loginID: "max", password: "max-password", transport: server.http, logger: MattermostTestServer.logger)
            #expect(try await server.client(token: token).me().username == "max")
            await #expect(throws: MattermostError.self) {
                _ = try await MattermostClient.login(
                    baseURL: server.baseURL, loginID: "max", password: "nope", transport: server.http, logger: MattermostTestServer.logger)
            }
        }
    }

    @Test func makeResolvesTokenFromEnvironmentAndLoginFromPasswordFile() async throws {
        try await MattermostTestServer.run { server in
            let byToken = try await MattermostClient.make(
                settings: MattermostSettings(url: server.baseURL, credentials: .token(.environment("MM_TEST_TOKEN"))),
                environment: ["MM_TEST_TOKEN": MattermostTestServer.botToken], logger: MattermostTestServer.logger)
            #expect(try await byToken.me().username == "bridge-bot")

            let directory = try TemporaryDirectory()
            let passwordFile = try directory.write("password", "mia-password\n")
            let byLogin = try await MattermostClient.make(
                settings: MattermostSettings(url: server.baseURL, credentials: .login(loginID: "mia", password: .file(passwordFile))),
                environment: [:], logger: MattermostTestServer.logger)
            #expect(try await byLogin.me().username == "mia")
        }
    }

    @Test func makeSendsRequestsThroughTheConfiguredProxy() async throws {
        try await MattermostTestServer.run { server in
            let proxy = try TestSocksProxy(targetPort: server.baseURL.port!)
            let client = try await MattermostClient.make(
                settings: MattermostSettings(
                    url: URL(string: "http://mattermost.invalid:8065")!, credentials: .token(.environment("T")),
                    proxy: URL(string: "socks5h://127.0.0.1:\(proxy.port)")!),
                environment: ["T": MattermostTestServer.botToken], logger: MattermostTestServer.logger)
            #expect(try await client.me().username == "bridge-bot")
            #expect(proxy.destinations.contains("mattermost.invalid:8065"))
        }
    }

    @Test func displayNamePrefersNicknameThenFullNameThenUsername() async throws {
        try await MattermostTestServer.run { server in
            let client = server.client()
            let nick = try await server.createUser("nick", nickname: "Nicky", firstName: "Nick", lastName: "Cave")
            let full = try await server.createUser("full", firstName: "Fay", lastName: "Ull")
            _ = try await server.createUser("first", firstName: "Fia")
            let plain = try await server.createUser("plain")
            #expect(try await client.user(id: nick.id).displayName == "Nicky")
            #expect(try await client.user(id: full.id).displayName == "Fay Ull")
            #expect(try await client.user(username: "first").displayName == "Fia")
            #expect(try await client.user(username: "plain").displayName == "plain")
            let many = try await client.users(ids: [nick.id, plain.id, MattermostUserID("unknownuser000000000000000")])
            #expect(Set(many.map(\.username)) == ["nick", "plain"])
            await #expect {
                _ = try await client.user(username: "nobody")
            } throws: { error in
                if case MattermostError.notFound = error { return true }
                return false
            }
        }
    }

    @Test func teamAndChannelLookupsAndMembership() async throws {
        try await MattermostTestServer.run { server in
            let client = server.client()
            let team = try await client.team(named: MattermostTestServer.team)
            #expect(team.name == "skype")
            let townSquare = try #require(try await client.channel(named: "town-square", inTeam: team.id))
            #expect(townSquare.type == .open)
            #expect(townSquare.teamID == team.id)
            #expect(try await client.channel(named: "no-such-channel", inTeam: team.id) == nil)
            #expect(try await client.channel(id: townSquare.id).name == "town-square")

            let created = try await client.createChannel(team: team.id, name: "skype-chat-1", displayName: "Chat 1", header: "h", purpose: "p")
            #expect(created.displayName == "Chat 1")
            #expect(created.header == "h")
            let patched = try await client.patchChannel(id: created.id, header: "new header")
            #expect(patched.header == "new header")
            #expect(patched.displayName == "Chat 1")

            let me = try await client.me()
            let max = try await client.user(username: "max")
            try await client.addMember(channel: created.id, user: max.id)
            try await client.addMember(channel: created.id, user: max.id)
            let maxClient = server.client(token: "maxpersonaltoken00000000000")
            #expect(try await maxClient.channelsForUser(max.id, team: team.id).contains { $0.id == created.id })
            #expect(try await client.channelsForUser(me.id, team: team.id).contains { $0.id == created.id })
        }
    }

    @Test(arguments: ["Abc", "-abc", "a b", "über", "", String(repeating: "a", count: 65), "0123456789abcdef0123456789abcdef01234567"])
    func invalidChannelNamesAreRejected(name: String) async throws {
        try await MattermostTestServer.run { server in
            let client = server.client()
            let team = try await client.team(named: MattermostTestServer.team)
            await #expect {
                _ = try await client.createChannel(team: team.id, name: name, displayName: "X")
            } throws: { error in
                guard case MattermostError.invalidChannelName(let message) = error else { return false }
                return !message.isEmpty && (error as? MattermostError)?.category == .dataError
            }
        }
    }

    @Test func duplicateChannelNameIsChannelExists() async throws {
        try await MattermostTestServer.run { server in
            let client = server.client()
            let team = try await client.team(named: MattermostTestServer.team)
            _ = try await client.createChannel(team: team.id, name: "a-b_c", displayName: "ABC")
            for name in ["a-b_c", "town-square"] {
                await #expect {
                    _ = try await client.createChannel(team: team.id, name: name, displayName: "Again")
                } throws: { error in
                    if case MattermostError.channelExists = error { return true }
                    return false
                }
            }
            let longest = String(repeating: "z", count: 64)
            #expect(try await client.createChannel(team: team.id, name: longest, displayName: "Long").name == longest)
        }
    }

    @Test func postsAsTheBotWithPropsRootAndPendingPostID() async throws {
        try await MattermostTestServer.run { server in
            let client = server.client()
            let channel = try await server.createChannel("bridged")
            let root = try await client.createPost(NewMattermostPost(
                channelID: channel, message: "root", props: ["skypebridge_tx": .string("tx-1"), "override_username": .string("alice (skype)")],
                pendingPostID: "pending-1"))
            #expect(root.userID == (try await client.me()).id)
            #expect(root.rootID == nil)
            #expect(root.props["skypebridge_tx"] == .string("tx-1"))
            #expect(root.props["from_bot"] == .string("true"))
            #expect(root.pendingPostID == "pending-1")
            #expect(root.createAt > 0 && root.updateAt >= root.createAt && root.editAt == 0 && root.deleteAt == 0)
            #expect(!root.isSystem)

            let again = try await client.createPost(NewMattermostPost(channelID: channel, message: "root", pendingPostID: "pending-1"))
            #expect(again.id == root.id)

            let reply = try await client.createPost(NewMattermostPost(channelID: channel, message: "reply", rootID: root.id))
            #expect(reply.rootID == root.id)
            #expect(try await client.post(id: reply.id).rootID == root.id)

            await #expect {
                _ = try await client.createPost(NewMattermostPost(channelID: channel, message: "bad", rootID: reply.id))
            } throws: { error in
                guard case MattermostError.server(let status, let id, _) = error else { return false }
                return status == 400 && id == "api.post.create_post.root_id.app_error"
            }
            let outside = try await server.createChannel("not-joined", members: ["mia"])
            await #expect {
                _ = try await client.createPost(NewMattermostPost(channelID: outside, message: "x"))
            } throws: { error in
                if case MattermostError.forbidden = error { return true }
                return false
            }
        }
    }

    @Test func editsAndDeletesPosts() async throws {
        try await MattermostTestServer.run { server in
            let client = server.client()
            let channel = try await server.createChannel("edits")
            let post = try await client.createPost(NewMattermostPost(channelID: channel, message: "first", props: ["keep": .string("yes")]))
            let edited = try await client.patchPost(id: post.id, message: "second")
            #expect(edited.message == "second")
            #expect(edited.editAt > 0)
            #expect(edited.props["keep"] == .string("yes"))
            let reprops = try await client.patchPost(id: post.id, props: ["keep": .string("no")])
            #expect(reprops.message == "second")
            #expect(reprops.props["keep"] == .string("no"))
            try await client.deletePost(id: post.id)
            await #expect {
                _ = try await client.post(id: post.id)
            } throws: { error in
                if case MattermostError.notFound = error { return true }
                return false
            }
            let recent = try await client.recentPosts(in: channel)
            #expect(!recent.contains { $0.id == post.id })
        }
    }

    @Test func postsSinceReturnsNewEditedAndDeletedOldestFirst() async throws {
        try await MattermostTestServer.run { server in
            let client = server.client()
            let channel = try await server.createChannel("history")
            let before = try await client.createPost(NewMattermostPost(channelID: channel, message: "before"))
            try await Task.sleep(for: .milliseconds(5))
            let since = before.updateAt
            var made: [MattermostPostID] = []
            for index in 0..<12 {
                made.append(try await server.post(as: index.isMultiple(of: 2) ? "mia" : "bridge-bot", in: channel, "m\(index)"))
            }
            _ = try await client.patchPost(id: made[3], message: "m3 edited")
            try await client.deletePost(id: made[5])

            let changed = try await client.posts(in: channel, since: since)
            #expect(changed.map(\.id) == made)
            #expect(changed[3].message == "m3 edited")
            #expect(changed[5].deleteAt > 0)
            #expect(!changed.contains { $0.id == before.id })

            let paging = MattermostClient(
                baseURL: server.baseURL, token: MattermostTestServer.botToken, transport: server.http, requestTimeout: .seconds(30),
                logger: MattermostTestServer.logger, sinceLimit: 4, pageSize: 3)
            #expect(try await paging.posts(in: channel, since: since).map(\.id) == made)

            let newestFirst = try await client.recentPosts(in: channel, perPage: 3)
            #expect(newestFirst.map(\.id) == [made[11], made[10], made[9]])
            #expect(try await client.recentPosts(in: channel, page: 1, perPage: 3).map(\.id) == [made[8], made[7], made[6]])
        }
    }

    @Test func filesRoundTripThroughDisk() async throws {
        try await MattermostTestServer.run { server in
            let client = server.client()
            let channel = try await server.createChannel("files")
            let directory = try TemporaryDirectory()
            let source = directory.file("photo.bin")
            var bytes = Data(count: 300_000)
            for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 31 &+ index >> 7) }
            try bytes.write(to: URL(fileURLWithPath: source))

            let info = try await client.uploadFile(channel: channel, path: source, name: "holiday photo.bin")
            #expect(info.name == "holiday photo.bin")
            #expect(info.size == Int64(bytes.count))
            #expect(try await client.fileInfo(id: info.id) == info)
            let post = try await client.createPost(NewMattermostPost(channelID: channel, message: "a file", fileIDs: [info.id]))
            #expect(post.fileIDs == [info.id])

            let target = directory.file("downloaded.bin")
            try await client.downloadFile(id: info.id, to: target)
            #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == bytes)

            await #expect {
                try await client.downloadFile(id: MattermostFileID("nosuchfile0000000000000000"), to: directory.file("missing.bin"))
            } throws: { error in
                if case MattermostError.notFound = error { return true }
                return false
            }
            #expect(!FileManager.default.fileExists(atPath: directory.file("missing.bin")))
            await #expect {
                _ = try await client.uploadFile(channel: channel, path: directory.file("absent"), name: "absent")
            } throws: { error in
                if case MattermostError.fileAccess = error { return true }
                return false
            }
        }
    }

    @Test func uploadsCarryTheMediaTypeOfTheFileName() async throws {
        try await MattermostTestServer.run { server in
            let channel = try await server.createChannel("media")
            let directory = try TemporaryDirectory()
            let path = try directory.write("blob", "not really a png")
            let client = server.client()
            #expect(try await client.uploadFile(channel: channel, path: path, name: "Picture.PNG").mimeType == "image/png")
            #expect(try await client.uploadFile(channel: channel, path: path, name: "notes").mimeType == "application/octet-stream")
        }
    }

    @Test func unavailableAnswersAreRetriedOnlyWhereRepeatingIsSafe() async throws {
        try await MattermostTestServer.run { server in
            let client = try await MattermostClient.make(
                settings: MattermostSettings(url: server.baseURL, credentials: .token(.environment("T"))),
                environment: ["T": MattermostTestServer.botToken], logger: MattermostTestServer.logger)
            let channel = try await server.createChannel("retries")
            try await server.control(.post, "faults/fail", .object(["count": .number(2), "status": .number(503)]))
            #expect(try await client.me().username == "bridge-bot")

            try await server.control(.post, "faults/fail", .object(["count": .number(1), "status": .number(503)]))
            await #expect {
                _ = try await client.createPost(NewMattermostPost(channelID: channel, message: "not retried"))
            } throws: { error in
                guard case MattermostError.server(let status, _, _) = error else { return false }
                return status == 503
            }
            try await server.control(.post, "faults/fail", .object(["count": .number(1), "status": .number(503)]))
            let retried = try await client.createPost(NewMattermostPost(channelID: channel, message: "retried", pendingPostID: "once"))
            #expect(try await client.recentPosts(in: channel).filter { $0.message == "retried" }.map(\.id) == [retried.id])
        }
    }

    @Test func serverErrorsKeepStatusIDAndMessage() async throws {
        try await MattermostTestServer.run { server in
            try await server.control(.post, "faults/fail", .object(["count": .number(1), "status": .number(500)]))
            await #expect {
                _ = try await server.client().me()
            } throws: { error in
                guard case MattermostError.server(let status, _, _) = error else { return false }
                return status == 500 && (error as? MattermostError)?.category == .unavailable
            }
            #expect(try await server.client().me().username == "bridge-bot")
        }
    }
}
