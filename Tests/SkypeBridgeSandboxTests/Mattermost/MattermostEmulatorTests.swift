import Foundation
import SkypeBridgeSandbox
import Testing

@Suite struct MattermostEmulatorTests {
    @Test func startOffersURLsTeamAndSeededAccounts() async throws {
        try await MattermostTestServer.with { server in
            #expect(server.info.settings["team"] == "skype")
            #expect(server.info.urls["websocket"]?.hasSuffix("/api/v4/websocket") == true)
            #expect(server.info.urls["control"]?.hasSuffix("/_control/mattermost") == true)
            #expect(server.info.accounts.contains { $0.username == "bridge-bot" && $0.role == "bot" })
            #expect(server.info.accounts.contains { $0.username == "mia" && $0.role == "person" })
            let me = try await server.request("GET", "/users/me", token: server.botToken)
            #expect(me.object["username"] as? String == "bridge-bot")
            #expect(me.headers["x-version-id"] == MattermostEmulator.serverVersion)
        }
    }

    @Test func persistedStateSurvivesARestart() async throws {
        let saved = try await MattermostTestServer.with { server in
            let channel = try await server.channel(members: ["bridge-bot"])
            _ = try await server.post("remember me", in: channel, token: server.botToken)
            let login = try await server.request("POST", "/users/login", json: ["login_id": "mia", "password": "mia-password"])
            return (try await server.emulator.persistentState() ?? [], channel, login.headers["token"] ?? "")
        }
        try await MattermostTestServer.with(restoring: saved.0) { server in
            let posts = try await server.request("GET", "/channels/\(saved.1)/posts", token: server.botToken).object
            #expect((posts["order"] as? [String])?.count == 2)
            #expect(try await server.request("GET", "/users/me", token: saved.2).status == 200)
        }
    }

    @Test func injectedFailuresAndDelaysApplyToTheNextRequests() async throws {
        try await MattermostTestServer.with { server in
            try await server.request("POST", "/_control/mattermost/faults/fail", json: ["count": 2, "status": 503])
            #expect(try await server.request("GET", "/users/me", token: server.botToken).status == 503)
            #expect(try await server.request("GET", "/users/me", token: server.botToken).status == 503)
            #expect(try await server.request("GET", "/users/me", token: server.botToken).status == 200)
            try await server.request("POST", "/_control/mattermost/faults/delay", json: ["milliseconds": 200, "count": 1])
            let started = ContinuousClock.now
            #expect(try await server.request("GET", "/users/me", token: server.botToken).status == 200)
            #expect(ContinuousClock.now - started >= .milliseconds(200))
        }
    }

    @Test func controlAPIPostsAsAUserAndReadsHistory() async throws {
        try await MattermostTestServer.with { server in
            let created = try await server.request("POST", "/_control/mattermost/posts", json: ["username": "max", "channel": "off-topic", "message": "from control"])
            #expect(created.status == 201)
            let channelId = created.object["channel_id"] as? String ?? ""
            let history = try await server.request("GET", "/_control/mattermost/channels/\(channelId)/posts").array
            #expect(history.last?["message"] as? String == "from control")
            let user = try await server.request("POST", "/_control/mattermost/users", json: ["username": "zoe", "password": "zoe-pw"])
            let token = user.object["token"] as? String ?? ""
            #expect(try await server.request("GET", "/users/me", token: token).object["username"] as? String == "zoe")
        }
    }

    @Test func controlAPIPostsABatchInOrder() async throws {
        try await MattermostTestServer.with { server in
            let channel = try await server.channel(members: ["mia", "max"])
            let created = try await server.request(
                "POST", "/_control/mattermost/posts", json: ["username": "max", "channel_id": channel, "messages": ["one", "two", "three"]])
            #expect(created.status == 201)
            let ids = created.object["ids"] as? [String] ?? []
            let history = try await server.request("GET", "/_control/mattermost/channels/\(channel)/posts").array
                .filter { ($0["type"] as? String ?? "").isEmpty }
            #expect(history.map { $0["message"] as? String } == ["one", "two", "three"])
            #expect(history.map { $0["id"] as? String } == ids)
        }
    }

    @Test func disabledIncomingWebhooksAnswer501() async throws {
        try await MattermostTestServer.with(.init(incomingWebhooks: false)) { server in
            let hook = try await server.request("POST", "/_control/mattermost/hooks", json: ["channel": "town-square", "username": "mia"])
            let reply = try await server.request("POST", "/hooks/\(hook.object["id"] as? String ?? "")", json: ["text": "hi"])
            #expect(reply.status == 501)
            #expect(reply.object["id"] as? String == "web.incoming_webhook.disabled.app_error")
        }
    }
}
