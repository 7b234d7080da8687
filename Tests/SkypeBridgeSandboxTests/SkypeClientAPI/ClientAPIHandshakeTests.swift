import Foundation
import SkypeBridgeSandbox
import Testing

@Suite("Client API emulator: attach and global commands")
struct ClientAPIHandshakeTests {
    @Test func startReportsOneURLAndUserPerEndpointPlusControl() async throws {
        try await withEmulator { info in
            #expect(Set(info.urls.keys) == ["endpoint.desk1", "endpoint.desk2", "endpoint.desk3", "control"])
            #expect(info.urls["endpoint.desk1"]!.hasPrefix("tcp://127.0.0.1:"))
            #expect(info.urls["endpoint.desk1"] != info.urls["endpoint.desk2"])
            #expect(info.settings["endpoint.desk1.skype_user"] == info.settings["endpoint.desk2.skype_user"])
            #expect(info.settings["endpoint.desk3.skype_user"] == "helpdesk")
            let endpoints = try await control(info, "GET", "/endpoints").json as? [String: Any]
            #expect((endpoints?["endpoints"] as? [Any])?.count == 3)
        }
    }

    @Test func handshakeAnswersNameAndProtocolThenGreets() async throws {
        try await withEmulator { info in
            let client = try await RawAPIClient.connect(info.urls["endpoint.desk1"]!)
            try await client.send("NAME skypopen")
            try await client.send("PROTOCOL 999")
            _ = try await client.message { $0.hasPrefix("USERSTATUS") }
            #expect(client.messages == ["OK", "PROTOCOL 8", "CONNSTATUS ONLINE", "CURRENTUSERHANDLE bridgebot", "USERSTATUS ONLINE"])
            #expect(try await client.request("PING", id: "ciapalino") == "PONG")
            #expect(try await client.request("GET CURRENTUSERHANDLE") == "CURRENTUSERHANDLE bridgebot")
            #expect(try await client.request("SET AUTOAWAY OFF") == "AUTOAWAY OFF")
            #expect(try await client.request("SET WINDOWSTATE HIDDEN") == "WINDOWSTATE HIDDEN")
            #expect(try await client.request("SET SILENT_MODE ON") == "SILENT_MODE ON")
            #expect(try await client.request("get   silent_mode") == "SILENT_MODE ON")
            #expect(try await client.request("FROBNICATE") == "ERROR 2 Unknown command")
            await client.close()
        }
    }

    @Test func oldProtocolVersionIsKeptAndCommandsWithoutIDGetPlainReplies() async throws {
        try await withEmulator { info in
            let client = try await RawAPIClient.connect(info.urls["endpoint.desk3"]!)
            try await client.send("NAME x")
            try await client.send("PROTOCOL 5")
            _ = try await client.message { $0 == "CURRENTUSERHANDLE helpdesk" }
            try await client.send("PING")
            _ = try await client.message { $0 == "PONG" }
            #expect(client.messages.contains("PROTOCOL 5"))
            await client.close()
        }
    }

    @Test func deniedApplicationGetsError68ForEveryCommand() async throws {
        let seed = SkypeClientAPISeed(endpoints: [.init(name: "locked", skypeUser: "bob", authorization: .deny)], timing: fastTiming)
        try await withEmulator(seed) { info in
            let client = try await RawAPIClient.connect(info.urls["endpoint.locked"]!)
            #expect(try await client.request("NAME skypebridge") == "ERROR 68 Access denied")
            #expect(try await client.request("PROTOCOL 8") == "ERROR 68 Access denied")
            await client.close()
        }
    }

    @Test func reportedUserCanDifferFromTheSeededOne() async throws {
        let seed = SkypeClientAPISeed(endpoints: [.init(name: "odd", skypeUser: "bob", reportedUser: "mallory")], timing: fastTiming)
        try await withEmulator(seed) { info in
            let client = try await attachedClient(info, "odd")
            #expect(client.messages.contains("CURRENTUSERHANDLE mallory"))
            #expect(info.settings["endpoint.odd.skype_user"] == "bob")
            await client.close()
        }
    }

    @Test func unixSocketEndpointSpeaksTheSameProtocol() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-\(UUID().uuidString.prefix(8)).sock").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let seed = SkypeClientAPISeed(endpoints: [.init(name: "local", skypeUser: "carol", listen: "unix:\(path)")], timing: fastTiming)
        try await withEmulator(seed) { info in
            #expect(info.urls["endpoint.local"] == "unix:\(path)")
            let client = try await attachedClient(info, "local")
            #expect(try await client.request("GET CURRENTUSERHANDLE") == "CURRENTUSERHANDLE carol")
            await client.close()
        }
    }

    @Test func balanceAndCurrencyComeFromTheProfile() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            #expect(try await client.request("GET PROFILE PSTN_BALANCE") == "PROFILE PSTN_BALANCE 1000")
            #expect(try await client.request("GET PROFILE PSTN_BALANCE_CURRENCY") == "PROFILE PSTN_BALANCE_CURRENCY EUR")
            #expect(try await client.request("GET PRIVILEGE SKYPEOUT") == "PRIVILEGE SKYPEOUT TRUE")
            await client.close()
        }
    }

    @Test func droppingAnEndpointClosesItsConnectionsOnly() async throws {
        try await withEmulator { info in
            let first = try await attachedClient(info, "desk1")
            let other = try await attachedClient(info, "desk3")
            let dropped = try await control(info, "POST", "/endpoints/desk1/drop")
            #expect((dropped.json as? [String: Any])?["dropped"] as? Int == 1)
            let deadline = ContinuousClock.now + .seconds(5)
            while !first.isClosed, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
            #expect(first.isClosed)
            #expect(try await other.request("PING") == "PONG")
            #expect(try await control(info, "POST", "/endpoints/nope/drop").status == 404)
            await other.close()
        }
    }

    @Test func controlLogListsTheCommandsAnEndpointReceived() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info, "desk2")
            _ = try await client.request("PING", id: "9")
            let log = try await control(info, "GET", "/endpoints/desk2/log").json as? [String: Any]
            #expect(log?["commands"] as? [String] == ["NAME tests", "PROTOCOL 8", "#9 PING"])
            await client.close()
        }
    }
}
