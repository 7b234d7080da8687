import Foundation
import Testing

@Suite struct MattermostPostsTests {
    @Test func pendingPostIdReturnsTheFirstPostOnRetry() async throws {
        try await MattermostTestServer.with { server in
            let channel = try await server.channel(members: ["bridge-bot"])
            let first = try await server.post("once", in: channel, token: server.botToken, extra: ["pending_post_id": "txn-1"])
            let second = try await server.post("once", in: channel, token: server.botToken, extra: ["pending_post_id": "txn-1"])
            let third = try await server.post("twice", in: channel, token: server.botToken, extra: ["pending_post_id": "txn-2"])
            #expect(first["id"] as? String == second["id"] as? String)
            #expect(first["id"] as? String != third["id"] as? String)
            let history = try await server.request("GET", "/_control/mattermost/channels/\(channel)/posts").array
            #expect(history.filter { $0["message"] as? String == "once" }.count == 1)
        }
    }

    @Test func retriesAreStillRecognisedAfterMoreThanAThousandPostsInTheRetryWindow() async throws {
        try await MattermostTestServer.with { server in
            let channel = try await server.channel(members: ["bridge-bot"])
            let first = try await server.post("first", in: channel, token: server.botToken, extra: ["pending_post_id": "txn-0"])
            for index in 1...1_500 {
                _ = try await server.post("post \(index)", in: channel, token: server.botToken, extra: ["pending_post_id": "txn-\(index)"])
            }
            let retried = try await server.post("first", in: channel, token: server.botToken, extra: ["pending_post_id": "txn-0"])
            #expect(retried["id"] as? String == first["id"] as? String)
            let history = try await server.request("GET", "/_control/mattermost/channels/\(channel)/posts").array
            #expect(history.filter { $0["message"] as? String == "first" }.count == 1)
            #expect(history.filter { ($0["message"] as? String)?.hasPrefix("post ") == true }.count == 1_500)
        }
    }

    @Test func sinceReturnsChangedPostsIncludingDeletedOnes() async throws {
        try await MattermostTestServer.with { server in
            let channel = try await server.channel(members: ["bridge-bot", "mia"])
            let old = try await server.post("old", in: channel, token: server.botToken)
            let gone = try await server.post("gone", in: channel, token: server.botToken)
            try await Task.sleep(for: .milliseconds(5))
            let since = Int64(Date().timeIntervalSince1970 * 1000)
            try await Task.sleep(for: .milliseconds(5))
            let new = try await server.post("new", in: channel, token: server.miaToken)
            try await server.request("DELETE", "/posts/\(gone["id"] as! String)", token: server.botToken)
            let list = try await server.request("GET", "/channels/\(channel)/posts?since=\(since)", token: server.botToken).object
            let order = list["order"] as? [String] ?? []
            #expect(Set(order) == [new["id"] as! String, gone["id"] as! String])
            #expect(!order.contains(old["id"] as! String))
            let posts = list["posts"] as? [String: [String: Any]] ?? [:]
            #expect((posts[gone["id"] as! String]?["delete_at"] as? Int ?? 0) > 0)
            let invalid = try await server.request("GET", "/channels/\(channel)/posts?since=abc", token: server.botToken)
            #expect(invalid.status == 400)
        }
    }

    @Test func pagingGoesNewestFirstAndBeforeAfterAnchor() async throws {
        try await MattermostTestServer.with { server in
            let channel = try await server.channel(members: ["bridge-bot"])
            var ids: [String] = []
            for index in 0..<6 {
                ids.append(try await server.post("m\(index)", in: channel, token: server.botToken)["id"] as! String)
            }
            func order(_ query: String) async throws -> [String] {
                try await server.request("GET", "/channels/\(channel)/posts?\(query)", token: server.botToken).object["order"] as? [String] ?? []
            }
            let newest = Array(ids.reversed())
            #expect(try await order("page=0&per_page=2") == Array(newest[0..<2]))
            #expect(try await order("page=1&per_page=2") == Array(newest[2..<4]))
            #expect(try await order("page=9&per_page=2") == [])
            #expect(try await order("before=\(ids[3])&per_page=2") == [ids[2], ids[1]])
            #expect(try await order("after=\(ids[3])&per_page=5") == [ids[5], ids[4]])
        }
    }

    @Test func postingOutsideTheChannelIsForbiddenAndLongMessagesRejected() async throws {
        try await MattermostTestServer.with(.init(maxPostSize: 10)) { server in
            let channel = try await server.channel(members: ["mia"])
            let forbidden = try await server.request("POST", "/posts", token: server.botToken, json: ["channel_id": channel, "message": "x"])
            #expect(forbidden.status == 403)
            let long = try await server.request("POST", "/posts", token: server.miaToken, json: ["channel_id": channel, "message": String(repeating: "é", count: 11)])
            #expect(long.object["id"] as? String == "model.post.is_valid.message_length.app_error")
            let fits = try await server.request("POST", "/posts", token: server.miaToken, json: ["channel_id": channel, "message": String(repeating: "é", count: 10)])
            #expect(fits.status == 201)
        }
    }
}
