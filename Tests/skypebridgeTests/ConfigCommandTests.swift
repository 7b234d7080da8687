import Foundation
import SkypeBridgeTestSupport
import Testing

@Suite struct ConfigCommandTests {
    let binary = BinaryRunner()

    func write(_ text: String, named name: String) throws -> (directory: String, path: String) {
        let directory = FileManager.default.temporaryDirectory.path + "/skypebridge-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (directory, path)
    }

    @Test func brokenFileNamesFileLineAndKeyAndExits78() async throws {
        let (directory, _) = try write("[skype]\nusername = \"live:bridge\"\npasword_env = \"X\"\n", named: "broken.toml")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await binary.run(["config", "check", "--config", "broken.toml"], directory: directory)
        #expect(result.status == 78)
        #expect(result.stderr == "error: broken.toml:3: unknown key 'pasword_env' in [skype]; did you mean 'password_env'?\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func validFileExitsZero() async throws {
        let (directory, path) = try write("[skype]\nusername = \"live:bridge\"\n\n[bridge]\nmax_file_size = \"10MiB\"\n", named: "ok.toml")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await binary.run(["config", "check", "--config", path])
        #expect(result.status == 0)
        #expect(result.stdout == "\(path): ok (0 interface(s))\n")
    }

    @Test func configPathComesFromTheEnvironmentToo() async throws {
        let (directory, path) = try write("[bridge]\nmax_file_size = true\n", named: "env.toml")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await binary.run(["config", "check"], environment: ["SKYPEBRIDGE_CONFIG": path])
        #expect(result.status == 78)
        #expect(result.stderr.hasPrefix("error: \(path):2: "))
    }

    @Test func missingExplicitFileIsAConfigError() async throws {
        let result = try await binary.run(["config", "check", "--config", "/nonexistent/skypebridge.toml"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("/nonexistent/skypebridge.toml"))
    }

    @Test func showNeverPrintsSecretsOnlyTheirReferences() async throws {
        let (directory, path) = try write("[mattermost]\nurl = \"https://bot:hunter2@chat.example.com\"\ntoken_env = \"MM_TOKEN\"\n", named: "s.toml")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await binary.run(["--config", path, "config", "show"], environment: ["MM_TOKEN": "supersecret"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("token_env = \"MM_TOKEN\""))
        #expect(!result.stdout.contains("hunter2"))
        #expect(!result.stdout.contains("supersecret"))
    }

    @Test func exampleConfigurationChecksClean() async throws {
        let example = try await binary.run(["config", "show", "--example"])
        #expect(example.status == 0)
        let (directory, path) = try write(example.stdout, named: "example.toml")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let check = try await binary.run(["config", "check", "--config", path])
        #expect(check.status == 0, "\(check.stderr)")
    }
}
