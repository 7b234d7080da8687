import Testing

@testable import SkypeBridgeSandbox

@Suite struct MattermostChannelRulesTests {
    @Test(arguments: ["a", "a-b_c", "9lives", "trailing-", "a__b", String(repeating: "x", count: 64)])
    func acceptsServerValidNames(_ name: String) {
        #expect(MattermostChannelRules.isValidIdentifier(name))
    }

    @Test(arguments: ["", "Abc", "-abc", "_abc", "a b", "über", "a.b", "a/b"])
    func rejectsNamesOutsideThePattern(_ name: String) {
        #expect(!MattermostChannelRules.isValidIdentifier(name))
    }

    @Test func recognisesDirectAndGroupLookalikes() {
        #expect(MattermostChannelRules.looksLikeDirectName("ybndrfg8ejkmcpqxot1uwisza3__ybndrfg8ejkmcpqxot1uwisza4"))
        #expect(MattermostChannelRules.looksLikeDirectName("0123456789abcdef0123456789abcdef01234567"))
        #expect(!MattermostChannelRules.looksLikeDirectName("short__names"))
        #expect(!MattermostChannelRules.looksLikeDirectName("0123456789abcdef0123456789abcdef0123456"))
    }

    @Test func createChannelOverRESTAppliesTheRulesAndDuplicates() async throws {
        try await MattermostTestServer.with { server in
            let team = try await server.teamId()
            func create(_ name: String, display: String = "D") async throws -> MattermostTestServer.Reply {
                try await server.request("POST", "/channels", token: server.botToken, json: ["team_id": team, "name": name, "display_name": display, "type": "O"])
            }
            #expect(try await create(String(repeating: "x", count: 64)).status == 201)
            let tooLong = try await create(String(repeating: "y", count: 65))
            #expect(tooLong.status == 400)
            #expect(tooLong.object["id"] as? String == "model.channel.is_valid.name.app_error")
            let upper = try await create("Upper")
            #expect(upper.object["id"] as? String == "model.channel.is_valid.1_or_more.app_error")
            let duplicate = try await create("town-square")
            #expect(duplicate.status == 400)
            #expect(duplicate.object["id"] as? String == "store.sql_channel.save_channel.exists.app_error")
            #expect(try await create("fine", display: String(repeating: "d", count: 65)).status == 400)
            #expect(duplicate.headers["content-type"] == "application/json")
        }
    }
}
