import Foundation
import Testing
@testable import SkypeBridgeCore

@Suite struct ConfigurationLoaderTests {
    static let fullExample = #"""
    [skype]
    username = "live:bridge"
    password_file = "~/.secrets/skype"
    login_method = "soap"
    token_refresh_margin = "2h"
    poll_timeout = 45
    request_timeout = "1m30s"
    proxy = "socks5h://127.0.0.1:1080"
    ca_file = "/etc/ssl/ca.pem"
    login_url = "http://127.0.0.1:9000/login"
    msacc_url = "http://127.0.0.1:9000/live"
    edge_url = "http://127.0.0.1:9000/edge/skypetoken"
    api_url = "http://127.0.0.1:9000/api"
    contacts_url = "http://127.0.0.1:9000/contacts/v2"
    messaging_url = "http://127.0.0.1:9001/v1"
    asm_url = "http://127.0.0.1:9000/asm/v1/objects"
    profile_url = "http://127.0.0.1:9000/profile/v1"

    [mattermost]
    url = "https://chat.example.com/mm/"
    team = "bridge"
    login_id = "bridge-bot"
    password_file = "/run/secrets/mm"
    request_timeout = "20s"
    proxy = "http://proxy:3128"
    ca_file = "~/ca.pem"

    [bridge]
    auto_create_channels = false
    channel_prefix = "sk_"
    index_channel = "skype-index"
    skype_template = "<{sender}> {message}"
    mattermost_template = "{sender}: {message}"
    relay_own_messages = false
    auto_accept_friends = true
    allow_mass_mentions = true
    max_file_size = "10MB"
    drain_timeout = "500ms"
    ignore_senders = ["echo123", "bot"]

    [http]
    enabled = true
    listen = "[::1]:9090"
    max_body_size = 4096
    rate_limit = 120
    metrics = false

    [http.keys]
    zeta = "env:KEY_ZETA"
    alpha = "file:/etc/skypebridge/alpha.key"

    [interfaces]
    skype_user = "shared.user"
    ring_timeout = "1m"
    silent_mode = true

    [interfaces.zulu]
    endpoint = "tcp://127.0.0.1:5001"
    incoming_call_action = "answer"

    [interfaces.alpha]
    endpoint = "unix:/run/skype/alpha.sock"
    skype_user = "alpha.user"
    ring_timeout = 20
    """#

    @Test func fullExampleParsesToTheWrittenValues() throws {
        let config = try ConfigurationLoader.parse(Self.fullExample, fileName: "full.toml")

        #expect(config.skype.username == "live:bridge")
        #expect(config.skype.password == .file("~/.secrets/skype"))
        #expect(config.skype.loginMethod == .soap)
        #expect(config.skype.tokenRefreshMargin == .seconds(7_200))
        #expect(config.skype.pollTimeout == .seconds(45))
        #expect(config.skype.requestTimeout == .seconds(90))
        #expect(config.skype.proxy == URL(string: "socks5h://127.0.0.1:1080"))
        #expect(config.skype.caFile == "/etc/ssl/ca.pem")
        #expect(config.skype.services.microsoftAccount == URL(string: "http://127.0.0.1:9000/live"))
        #expect(config.skype.services.messaging == URL(string: "http://127.0.0.1:9001/v1"))
        #expect(config.skype.services.profile == URL(string: "http://127.0.0.1:9000/profile/v1"))

        #expect(config.mattermost.url == URL(string: "https://chat.example.com/mm/"))
        #expect(config.mattermost.websocketURL == URL(string: "wss://chat.example.com/mm/api/v4/websocket"))
        #expect(config.mattermost.team == "bridge")
        #expect(config.mattermost.credentials == .login(loginID: "bridge-bot", password: .file("/run/secrets/mm")))
        #expect(config.mattermost.requestTimeout == .seconds(20))
        #expect(config.mattermost.proxy == URL(string: "http://proxy:3128"))
        #expect(config.mattermost.caFile == "~/ca.pem")

        #expect(config.bridge == BridgeSettings(
            autoCreateChannels: false, channelPrefix: "sk_", indexChannel: "skype-index",
            skypeTemplate: "<{sender}> {message}", mattermostTemplate: "{sender}: {message}",
            relayOwnMessages: false, autoAcceptFriends: true, allowMassMentions: true,
            maxFileSize: ByteSize(bytes: 10_000_000), drainTimeout: .milliseconds(500),
            ignoreSenders: ["echo123", "bot"]))

        #expect(config.http == HTTPSettings(
            enabled: true, listen: ListenAddress(host: "::1", port: 9090), maxBodySize: .kibibytes(4),
            rateLimit: 120, metrics: false,
            keys: [
                .init(name: "zeta", secret: .environment("KEY_ZETA")),
                .init(name: "alpha", secret: .file("/etc/skypebridge/alpha.key")),
            ]))

        #expect(config.interfaces.map(\.name) == ["zulu", "alpha"])
    }

    @Test func emptyTextGivesTheDocumentedDefaults() throws {
        let config = try ConfigurationLoader.parse("", fileName: "empty.toml")

        #expect(config == Configuration())
        #expect(config.skype.password == .environment("SKYPEBRIDGE_SKYPE_PASSWORD"))
        #expect(config.skype.loginMethod == .auto)
        #expect(config.skype.tokenRefreshMargin == .seconds(3_600))
        #expect(config.skype.pollTimeout == .seconds(30))
        #expect(config.skype.services.login == URL(string: "https://login.skype.com/login"))
        #expect(config.skype.services.edge == URL(string: "https://edge.skype.com/rps/v1/rps/skypetoken"))
        #expect(config.skype.services.contacts == URL(string: "https://contacts.skype.com/contacts/v2"))
        #expect(config.skype.services.asm == URL(string: "https://api.asm.skype.com/v1/objects"))
        #expect(config.mattermost.credentials == .token(.environment("SKYPEBRIDGE_MATTERMOST_TOKEN")))
        #expect(config.mattermost.url == nil)
        #expect(config.mattermost.websocketURL == nil)
        #expect(config.bridge.channelPrefix == "skype-")
        #expect(config.bridge.indexChannel == "town-square")
        #expect(config.bridge.skypeTemplate == "[ {sender} ] {message}")
        #expect(config.bridge.maxFileSize == ByteSize(bytes: 52_428_800))
        #expect(config.bridge.drainTimeout == .seconds(10))
        #expect(config.http.listen == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(config.http.maxBodySize == ByteSize(bytes: 1_048_576))
        #expect(config.http.rateLimit == 60)
        #expect(config.http.enabled == false)
        #expect(config.http.metrics == true)
        #expect(config.interfaceDefaults.options.incomingCallAction == .reject)
        #expect(config.interfaceDefaults.options.ringTimeout == .seconds(30))
        #expect(config.interfaces.isEmpty)
    }

    @Test func mattermostWebSocketURLIsDerivedFromAPlainHTTPServerURL() throws {
        let config = try ConfigurationLoader.parse("[mattermost]\nurl = \"http://127.0.0.1:8065\"\n", fileName: "c.toml")

        #expect(config.mattermost.websocketURL == URL(string: "ws://127.0.0.1:8065/api/v4/websocket"))
    }

    @Test func explicitWebSocketURLWinsOverTheDerivedOne() throws {
        let text = "[mattermost]\nurl = \"http://a:8065\"\nwebsocket_url = \"ws://b:9000/events\"\n"

        let config = try ConfigurationLoader.parse(text, fileName: "c.toml")

        #expect(config.mattermost.websocketURL == URL(string: "ws://b:9000/events"))
    }

    @Test func shippedExampleParsesCleanly() throws {
        let config = try ConfigurationLoader.parse(ExampleConfiguration.toml, fileName: "example.toml")

        #expect(config.skype.username == "live:bridge.bot")
        #expect(config.mattermost.url == URL(string: "http://127.0.0.1:8065"))
        #expect(config.http.keys == [.init(name: "ci", secret: .environment("SKYPEBRIDGE_API_KEY_CI"))])
        #expect(config.interfaces.map(\.name) == ["office", "lab"])
        #expect(config.interfaces.map(\.options.incomingCallAction) == [.answer, .reject])
    }

    @Test func missingDefaultFileGivesTheDefaults() throws {
        let directory = try TemporaryDirectory()
        let location = ConfigLocation(path: directory.path + "/absent.toml", source: .defaultPath)

        #expect(try ConfigurationLoader.load(location) == Configuration())
    }

    @Test(arguments: [ConfigLocation.Source.argument, .environment])
    func missingExplicitFileIsAnError(source: ConfigLocation.Source) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/absent.toml"

        #expect(throws: ConfigError.fileNotFound(path: path)) {
            try ConfigurationLoader.load(ConfigLocation(path: path, source: source))
        }
    }

    @Test func loadReadsTheFileAndNamesItInErrors() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("config.toml", "[bridge]\nrate = 1\n")

        let error = #expect(throws: ConfigError.self) { try ConfigurationLoader.load(ConfigLocation(path: path, source: .argument)) }

        #expect(error?.description == "\(path):2: unknown key 'rate' in [bridge]; remove it or check its spelling")
        #expect(error?.category == .config)
    }

    @Test func directoryInPlaceOfTheFileIsReportedAsUnreadable() throws {
        let directory = try TemporaryDirectory()

        let error = #expect(throws: ConfigError.self) {
            try ConfigurationLoader.load(ConfigLocation(path: directory.path, source: .argument))
        }

        #expect(error?.description == "\(directory.path): cannot read config file: it is a directory")
    }

    @Test func loadedFileParsesLikeItsText() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("config.toml", Self.fullExample)

        let loaded = try ConfigurationLoader.load(ConfigurationLoader.locate(explicitPath: path, environment: [:]))

        #expect(loaded == (try ConfigurationLoader.parse(Self.fullExample, fileName: "other-name.toml")))
    }
}
