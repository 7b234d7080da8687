import Foundation
import Logging
import SkypeBridgeCore
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

extension CallTestSupport {
    /// Polls `condition` every 100 ms until it holds.
    /// - Throws: ``SandboxProcessError/timedOut`` when it does not within `timeout`.
    static func waitUntil(timeout: Duration = .seconds(15), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw SandboxProcessError.timedOut
    }

    /// The emulator's call reports.
    static func calls(_ sandbox: SandboxProcess) async throws -> [[String: Any]] {
        let reply = try await ControlClient.call("GET", sandbox.controlURL("client-api", "/calls")) as? [String: Any]
        return reply?["calls"] as? [[String: Any]] ?? []
    }

    /// Waits for an in-progress call on `endpoint` and returns its id.
    static func inProgressCall(_ sandbox: SandboxProcess, endpoint: String) async throws -> Int {
        var found: Int?
        try await waitUntil {
            found = try await calls(sandbox).first { $0["endpoint"] as? String == endpoint && $0["status"] as? String == "INPROGRESS" }?["id"] as? Int
            return found != nil
        }
        return found ?? 0
    }

    /// The interface named `name` in `interfaces list --json`.
    static func interface(_ name: String, in list: [[String: Any]]) -> [String: Any]? {
        list.first { $0["name"] as? String == name }
    }

    /// The name of the interface the round-robin cursor points at.
    static func cursor(_ list: [[String: Any]]) -> String? {
        list.first { $0["round_robin_next"] as? Bool == true }?["name"] as? String
    }

    /// The sandbox's config text with `lines` added to an `[interfaces]` table before the first interface.
    static func config(_ sandbox: SandboxProcess, interfaceDefaults lines: [String]) throws -> String {
        let text = try String(contentsOfFile: sandbox.configPath, encoding: .utf8)
        guard let range = text.range(of: "[interfaces.") else { return text }
        return text.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: "[interfaces]\n" + lines.joined(separator: "\n") + "\n\n")
    }

    /// The interfaces as the sandbox's state database holds them, read in this process (fast,
    /// no probes), for polling while calls run.
    static func stored(_ sandbox: SandboxProcess) throws -> [InterfaceRecord] {
        let store = try StateStore(path: sandbox.statePath, ownsDirectory: false, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        return try InterfaceStore(store: store).all()
    }
}
