import Foundation
import SkypeBridgeTestSupport

/// Helpers shared by the call and interface tests: NDJSON parsing and control API reads.
enum CallTestSupport {
    /// The JSON objects of an NDJSON text, skipping blank lines.
    static func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    /// The `status` values of `call originate --json` output, in order.
    static func statuses(_ text: String) -> [String] {
        lines(text).filter { $0["event"] as? String == "status" }.compactMap { $0["status"] as? String }
    }

    /// The line of `event` (the first one).
    static func event(_ name: String, in text: String) -> [String: Any]? {
        lines(text).first { $0["event"] as? String == name }
    }

    /// The emulator's report of call `id`.
    static func callReport(_ sandbox: SandboxProcess, id: Int) async throws -> [String: Any] {
        try await ControlClient.call("GET", sandbox.controlURL("client-api", "/calls/\(id)")) as? [String: Any] ?? [:]
    }

    /// `interfaces list --json` as objects.
    static func interfaces(_ sandbox: SandboxProcess) async throws -> [[String: Any]] {
        let result = try await BinaryRunner().run(sandbox.options + ["interfaces", "list", "--json"])
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [[String: Any]] ?? []
    }
}
