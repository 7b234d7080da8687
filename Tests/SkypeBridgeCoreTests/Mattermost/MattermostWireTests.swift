import Foundation
@testable import SkypeBridgeCore
import Testing

@Suite("Reading Mattermost JSON liberally")
struct MattermostWireTests {
    @Test func postReadsEmptyRootAsNilAndToleratesStringsNumbersAndExtraKeys() throws {
        let object = try #require(MattermostWire.object(#"""
            {"id":"p1","channel_id":"c1","user_id":"u1","root_id":"","message":"hi","create_at":"1700000000001",
             "update_at":1700000000002,"props":{"from_bot":"true"},"file_ids":null,"pending_post_id":"",
             "metadata":{"embeds":[]},"brand_new_field":{"x":1}}
            """#))
        let post = try #require(MattermostPost(wire: object))
        #expect(post.rootID == nil)
        #expect(post.createAt == 1_700_000_000_001)
        #expect(post.updateAt == 1_700_000_000_002)
        #expect(post.editAt == 0)
        #expect(post.fileIDs.isEmpty)
        #expect(post.pendingPostID == nil)
        #expect(post.type == "")
        #expect(post.props["from_bot"] == .string("true"))
    }

    @Test func parsingKeepsBooleansNumbersNullsAndNesting() throws {
        let object = try #require(MattermostWire.object(Data(#"{"t":true,"f":false,"one":1,"zero":0,"half":0.5,"n":null,"a":[1,true,"x",{"k":[]}]}"#.utf8)))
        #expect(object["t"] == .bool(true))
        #expect(object["f"] == .bool(false))
        #expect(object["one"] == .number(1))
        #expect(object["zero"] == .number(0))
        #expect(object["half"] == .number(0.5))
        #expect(object["n"] == .null)
        #expect(object["a"] == .array([.number(1), .bool(true), .string("x"), .object(["k": .array([])])]))
        #expect(MattermostWire.object(Data("[1]".utf8)) == nil)
        #expect(MattermostWire.object(Data("not json".utf8)) == nil)
    }

    @Test func olderServersParentIDStandsInForRootID() throws {
        let object = try #require(MattermostWire.object(#"{"id":"p2","channel_id":"c1","parent_id":"p1","type":"system_join_channel"}"#))
        let post = try #require(MattermostPost(wire: object))
        #expect(post.rootID == MattermostPostID("p1"))
        #expect(post.isSystem)
    }

    @Test func objectsWithoutIDsAreRejectedAndMissingFieldsAreEmpty() throws {
        #expect(MattermostPost(wire: ["message": .string("no id")]) == nil)
        #expect(MattermostUser(wire: ["username": .string("x")]) == nil)
        let channel = try #require(MattermostChannel(wire: ["id": .string("c"), "team_id": .string(""), "type": .string("D")]))
        #expect(channel.teamID == nil)
        #expect(channel.type == .direct)
        #expect(channel.header == "")
        let user = try #require(MattermostUser(wire: ["id": .string("u"), "username": .string("zed"), "is_bot": .string("true")]))
        #expect(user.isBot)
        #expect(user.displayName == "zed")
    }

    @Test func postListKeepsTheServersOrder() throws {
        let object = try #require(MattermostWire.object(#"""
            {"order":["b","a"],"posts":{"a":{"id":"a","channel_id":"c","create_at":1},"b":{"id":"b","channel_id":"c","create_at":2},
             "r":{"id":"r","channel_id":"c","create_at":0}},"next_post_id":"","prev_post_id":""}
            """#))
        #expect(MattermostPost.list(wire: object).map(\.id.rawValue) == ["b", "a"])
        #expect(MattermostPost.list(wire: object, includingContext: true).map(\.id.rawValue) == ["b", "a", "r"])
    }

    @Test func serverErrorObjectsMapToCases() {
        #expect(MattermostError.fromServer(status: 400, id: "store.sql_channel.save_channel.exists.app_error", message: "exists") == .channelExists("exists"))
        #expect(MattermostError.fromServer(status: 400, id: "model.channel.is_valid.1_or_more.app_error", message: "bad") == .invalidChannelName("bad"))
        #expect(MattermostError.fromServer(status: 400, id: "model.channel.is_valid.header.app_error", message: "long")
            == .server(status: 400, id: "model.channel.is_valid.header.app_error", message: "long"))
        #expect(MattermostError.fromServer(status: 401, id: "api.context.session_expired.app_error", message: "expired") == .unauthorized("expired"))
        #expect(MattermostError.fromServer(status: 403, id: "", message: "no") == .forbidden("no"))
        #expect(MattermostError.fromServer(status: 404, id: "app.post.get.app_error", message: "") == .notFound("app.post.get.app_error"))
    }
}
