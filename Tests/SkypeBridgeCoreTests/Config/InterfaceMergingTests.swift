import Testing
@testable import SkypeBridgeCore

@Suite struct InterfaceMergingTests {
    @Test func interfaceSettingsOverrideTheSharedDefaultsWhichOverrideTheBuiltIns() throws {
        let text = """
        [interfaces]
        skype_user = "shared"
        ring_timeout = "1m"
        silent_mode = true

        [interfaces.front]
        endpoint = "tcp://127.0.0.1:5001"
        ring_timeout = "15s"
        incoming_call_action = "answer"
        """

        let config = try ConfigurationLoader.parse(text, fileName: "c.toml")

        let front = try #require(config.interface(named: "front"))
        #expect(front.skypeUser == "shared")
        #expect(front.endpoint == .tcp(host: "127.0.0.1", port: 5001))
        #expect(front.options == InterfaceOptions(
            incomingCallAction: .answer, ringTimeout: .seconds(15), silentMode: true))
        #expect(config.interfaceDefaults == InterfaceDefaults(
            skypeUser: "shared", options: InterfaceOptions(ringTimeout: .seconds(60), silentMode: true)))
    }

    @Test func interfacesKeepFileOrderNotAlphabeticalOrder() throws {
        let text = """
        [interfaces]
        skype_user = "u"
        [interfaces.zeta]
        endpoint = "unix:/z"
        [interfaces.alpha]
        endpoint = "unix:/a"
        [interfaces.mid-1]
        endpoint = "unix:/m"
        """

        let config = try ConfigurationLoader.parse(text, fileName: "c.toml")

        #expect(config.interfaces.map(\.name) == ["zeta", "alpha", "mid-1"])
    }

    @Test func interfacesWrittenAsDottedKeysAndInlineTablesCount() throws {
        let text = """
        [interfaces]
        b.endpoint = "tcp://[::1]:6000"
        b.skype_user = "bee"
        a = { endpoint = "unix:~/a.sock", skype_user = "ay", write_silence_when_idle = false }
        """

        let config = try ConfigurationLoader.parse(text, fileName: "c.toml")

        #expect(config.interfaces == [
            InterfaceSettings(name: "b", endpoint: .tcp(host: "::1", port: 6000), skypeUser: "bee"),
            InterfaceSettings(name: "a", endpoint: .unix(path: "~/a.sock"), skypeUser: "ay",
                              options: InterfaceOptions(writeSilenceWhenIdle: false)),
        ])
    }

    @Test func sharedEndpointAppliesToEveryInterface() throws {
        let text = "[interfaces]\nendpoint = \"unix:/run/skype.sock\"\n[interfaces.one]\nskype_user = \"a\"\n"

        let config = try ConfigurationLoader.parse(text, fileName: "c.toml")

        #expect(config.interfaces.map(\.endpoint) == [.unix(path: "/run/skype.sock")])
    }

    @Test func missingEndpointNamesTheInterface() {
        let text = "[interfaces]\nskype_user = \"a\"\n\n[interfaces.ok]\nendpoint = \"unix:/ok\"\n\n[interfaces.pbx]\nring_timeout = 5\n"

        let error = #expect(throws: ConfigError.self) { try ConfigurationLoader.parse(text, fileName: "c.toml") }

        #expect(error?.description
            == #"c.toml:7: [interfaces.pbx] has no 'endpoint'; set it there (e.g. "tcp://127.0.0.1:5000" or "unix:/run/skype.sock") or in [interfaces]"#)
    }

    @Test func missingSkypeUserNamesTheInterface() {
        let text = "[interfaces.desk]\nendpoint = \"tcp://localhost:5000\"\n"

        let error = #expect(throws: ConfigError.self) { try ConfigurationLoader.parse(text, fileName: "c.toml") }

        #expect(error?.description == "c.toml:1: [interfaces.desk] has no 'skype_user'; set it there or in [interfaces]")
    }

    @Test func defaultsAloneDefineNoInterface() throws {
        let config = try ConfigurationLoader.parse("[interfaces]\nskype_user = \"a\"\n", fileName: "c.toml")

        #expect(config.interfaces.isEmpty)
        #expect(config.interfaceDefaults.skypeUser == "a")
    }
}
