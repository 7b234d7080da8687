import Foundation

/// `skypebridge sandbox` running as a child process for a test, with the config it wrote.
///
/// Start one per test (ports are ephemeral, state is in memory), use ``configPath`` with the
/// binary and ``controlURL(_:)`` to act as the people on the other side, then ``stop()``.
public final class SandboxProcess: Sendable {
    /// The temporary directory holding the config, its secrets and a state file.
    public let directory: String
    /// The config file the sandbox wrote.
    public let configPath: String
    /// A state file path for commands run against this sandbox.
    public let statePath: String
    /// `urls` of each service, keyed by service name, as `sandbox --json` printed them.
    public let urls: [String: [String: String]]
    private let process: Process

    /// Starts the sandbox and waits until it has printed its URLs.
    public init(binary: BinaryRunner = BinaryRunner(), extraArguments: [String] = []) async throws {
        directory = FileManager.default.temporaryDirectory.path + "/skypebridge-sandbox-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        configPath = directory + "/sb.toml"
        statePath = directory + "/state.sqlite"
        process = Process()
        process.executableURL = binary.executable
        process.arguments = ["sandbox", "--json", "--write-config", configPath] + extraArguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = try await Self.firstLine(of: out.fileHandleForReading, timeout: .seconds(20))
        struct Info: Decodable { var urls: [String: String] }
        let infos = try JSONDecoder().decode([String: Info].self, from: Data(line.utf8))
        urls = infos.mapValues(\.urls)
    }

    /// `<service control URL>/<path>`.
    public func controlURL(_ service: String, _ path: String) -> String {
        (urls[service]?["control"] ?? "") + path
    }

    /// The global options that point a command at this sandbox.
    public var options: [String] { ["--config", configPath, "--state", statePath] }

    /// Stops the sandbox (SIGTERM) and removes its directory.
    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit { stop() }

    private static func firstLine(of handle: FileHandle, timeout: Duration) async throws -> String {
        try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask {
                let line = await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
                    Thread.detachNewThread {
                        var buffer = Data()
                        while !buffer.contains(UInt8(ascii: "\n")) {
                            let chunk = handle.availableData
                            if chunk.isEmpty { return continuation.resume(returning: nil) }
                            buffer.append(chunk)
                        }
                        continuation.resume(returning: String(decoding: buffer.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self))
                    }
                }
                guard let line else { throw SandboxProcessError.exitedEarly }
                return line
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw SandboxProcessError.timedOut
            }
            defer { group.cancelAll() }
            return try await group.next() ?? ""
        }
    }
}

/// Why a sandbox did not come up.
public enum SandboxProcessError: Error {
    /// The process ended before printing its URLs.
    case exitedEarly
    /// It printed nothing in time.
    case timedOut
}
