import Foundation
import Testing
@testable import SkypeBridgeCore

@Suite struct ConfigurationRenderingTests {
    static let sources: [String] = [
        "",
        ConfigurationLoaderTests.fullExample,
        ExampleConfiguration.toml,
        "[bridge]\nskype_template = \"say \\\"{message}\\\"\\n\\t— {sender}\"\nignore_senders = [\"a\\\\b\"]\n",
        "[mattermost]\ntoken_file = \"/run/secrets/token\"\n[skype]\npassword_env = \"SK_PW\"\n",
    ]

    @Test(arguments: sources)
    func renderedConfigurationParsesBackToAnEqualOne(source: String) throws {
        let config = try ConfigurationLoader.parse(source, fileName: "source.toml")

        let rendered = config.renderTOML()

        #expect(try ConfigurationLoader.parse(rendered, fileName: "rendered.toml") == config)
    }

    @Test func renderingShowsEveryDefault() {
        let rendered = Configuration().renderTOML()

        for key in SkypeSettings.tomlKeys where key != "password_file" && key != "username" && key != "proxy" && key != "ca_file" {
            #expect(rendered.contains("\n\(key) = "), "missing \(key)")
        }
        #expect(rendered.contains("\npassword_env = \"SKYPEBRIDGE_SKYPE_PASSWORD\"\n"))
        #expect(rendered.contains("\ntoken_env = \"SKYPEBRIDGE_MATTERMOST_TOKEN\"\n"))
        #expect(rendered.contains("\nmax_file_size = \"50MiB\"\n"))
        #expect(rendered.contains("\n# username is not set\n"))
        #expect(rendered.contains("\n[interfaces]\n"))
        #expect(rendered.contains("\nring_timeout = \"30s\"\n"))
    }

    @Test func renderingNeverContainsAResolvedSecret() throws {
        let text = """
        [skype]
        password_env = "TEST_SKYPE_PW"
        proxy = "http://user:proxy-secret@proxy.example.com:3128"
        [mattermost]
        url = "https://bot:url-secret@chat.example.com"
        token_env = "TEST_MM_TOKEN"
        [http.keys]
        ci = "env:TEST_CI_KEY"
        """
        let environment = ["TEST_SKYPE_PW": "skype-secret", "TEST_MM_TOKEN": "mm-secret", "TEST_CI_KEY": "ci-secret"]
        let config = try ConfigurationLoader.parse(text, fileName: "c.toml")

        let rendered = config.renderTOML()

        for secret in environment.values + ["proxy-secret", "url-secret"] {
            #expect(!rendered.contains(secret))
        }
        #expect(rendered.contains(#"proxy = "http://user:REDACTED@proxy.example.com:3128""#))
        #expect(rendered.contains(#"url = "https://bot:REDACTED@chat.example.com""#))
        #expect(rendered.contains(#"ci = "env:TEST_CI_KEY""#))
        #expect(rendered.contains(#"password_env = "TEST_SKYPE_PW""#))
    }

    @Test(arguments: [
        ("https://h/x?access_token=abc&team=t", "https://h/x?access_token=REDACTED&team=t"),
        ("https://h/x?api_key=abc&sig=def", "https://h/x?api_key=REDACTED&sig=REDACTED"),
        ("https://h/x?page=2", "https://h/x?page=2"),
        ("https://u@h/x", "https://u@h/x"),
    ])
    func secretLookingURLPartsAreRedacted(url: String, shown: String) throws {
        #expect(TOMLDocumentWriter.redacted(try #require(URL(string: url))) == shown)
    }

    @Test func sessionLoginIsRenderedAsLoginIDAndPasswordReference() throws {
        let config = Configuration(mattermost: MattermostSettings(
            credentials: .login(loginID: "bot", password: .environment("MM_PW"))))

        let rendered = config.renderTOML()

        #expect(rendered.contains("\nlogin_id = \"bot\"\npassword_env = \"MM_PW\"\n"))
        #expect(!rendered.contains("token_env"))
        #expect(try ConfigurationLoader.parse(rendered, fileName: "r.toml") == config)
    }
}
