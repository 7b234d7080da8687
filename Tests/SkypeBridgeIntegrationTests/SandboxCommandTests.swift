import Foundation
import SkypeBridgeTestSupport
import Testing

/// `skypebridge sandbox` serves every emulator and writes a config the other commands use as is.
@Suite struct SandboxCommandTests {
    @Test func writtenConfigPointsAtEveryEmulatorAndChecksClean() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        #expect(Set(sandbox.urls.keys) == ["skype", "mattermost", "client-api"])
        let config = try String(contentsOfFile: sandbox.configPath, encoding: .utf8)
        for section in ["[skype]", "[mattermost]", "[interfaces.desk1]", "[interfaces.desk2]", "[interfaces.desk3]"] {
            #expect(config.contains(section), "config lacks \(section)")
        }
        #expect(config.contains("messaging_url = \"\(sandbox.urls["skype"]?["messaging"] ?? "?")\""))
        #expect(config.contains("url = \"\(sandbox.urls["mattermost"]?["base"] ?? "?")\""))
        #expect(!config.contains("bridge-pass"), "secrets live in files, not in the config")
        let check = try await BinaryRunner().run(["config", "check", "--config", sandbox.configPath])
        #expect(check.status == 0, "\(check.stderr)")
        let secrets = try FileManager.default.contentsOfDirectory(atPath: sandbox.configPath + ".secrets")
        #expect(secrets.sorted() == ["mattermost-token", "skype-password"])
        for secret in secrets {
            let attributes = try FileManager.default.attributesOfItem(atPath: sandbox.configPath + ".secrets/" + secret)
            #expect((attributes[.posixPermissions] as? Int ?? 0) & 0o777 == 0o600)
        }
    }

    @Test func sigtermStopsTheSandboxCleanly() async throws {
        let directory = FileManager.default.temporaryDirectory.path + "/skypebridge-sigterm-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let running = try BinaryRunner().start(["-v", "sandbox", "--persist", directory + "/state.json"])
        try await running.waitForStderr(containing: "sandbox ready", timeout: .seconds(20))
        running.terminate()
        let result = await running.finish()
        #expect(result.status == 0)
        #expect(result.stdout.contains("skypebridge sandbox is running"))
        #expect(FileManager.default.fileExists(atPath: directory + "/state.json"), "--persist writes state on the way out")
    }
}
