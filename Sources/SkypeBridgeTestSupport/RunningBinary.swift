import Foundation
import Synchronization

/// A `skypebridge` process still running, whose stderr a test can wait on.
public final class RunningBinary: Sendable {
    private let process: Process
    private let stdout: Task<Data, Never>
    private let stderr = CapturedBytes()
    private let stderrReader: Task<Void, Never>

    init(executable: URL, arguments: [String], environment: [String: String]) throws {
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        stdout = Task { await PipeReader.readToEnd(out.fileHandleForReading) }
        let buffer = stderr
        stderrReader = Task { await PipeReader.collect(err.fileHandleForReading, into: buffer) }
    }

    /// Waits until stderr contains `text`.
    /// - Throws: ``SandboxProcessError/timedOut`` when it does not in time.
    public func waitForStderr(containing text: String, timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if stderr.bytes.withLock({ String(decoding: $0, as: UTF8.self).contains(text) }) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw SandboxProcessError.timedOut
    }

    /// Sends SIGTERM.
    public func terminate() { process.terminate() }

    /// The process id (for reading `/proc/<pid>/status`).
    public var pid: Int32 { process.processIdentifier }

    /// A field of `/proc/<pid>/status` in KiB, such as `VmRSS` or `VmHWM` (peak RSS).
    public func memoryKiB(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
        return line?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }
    }

    /// Sends SIGKILL: the process dies at once, without cleaning up (crash tests).
    public func kill() { _ = Foundation.kill(process.processIdentifier, SIGKILL) }

    /// Waits for the process to exit and returns what it printed.
    public func finish() async -> BinaryRunner.Result {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        let out = await stdout.value
        await stderrReader.value
        return BinaryRunner.Result(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: stderr.bytes.withLock { String(decoding: $0, as: UTF8.self) }
        )
    }
}
