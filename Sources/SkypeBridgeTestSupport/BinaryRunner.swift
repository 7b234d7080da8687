import Foundation

/// Runs the built `skypebridge` executable the way a shell would, for end-to-end tests.
public struct BinaryRunner: Sendable {
    /// What one run printed and how it ended.
    public struct Result: Sendable {
        /// The process exit status.
        public var status: Int32
        /// Everything written to stdout.
        public var stdout: String
        /// Everything written to stderr.
        public var stderr: String
    }

    /// The executable: `$SKYPEBRIDGE_BIN`, else `skypebridge` beside the running test bundle.
    public let executable: URL

    /// Runs another executable the same way (a shell, for pipelines).
    public init(executable: URL) {
        self.executable = executable
    }

    public init() {
        if let explicit = ProcessInfo.processInfo.environment["SKYPEBRIDGE_BIN"], !explicit.isEmpty {
            executable = URL(fileURLWithPath: explicit)
        } else {
            executable = URL(fileURLWithPath: CommandLine.arguments[0])
                .deletingLastPathComponent()
                .appendingPathComponent("skypebridge")
        }
    }

    /// Runs the binary to completion.
    /// - Parameters:
    ///   - arguments: the command line after the program name.
    ///   - stdin: bytes fed to standard input (closed after), or nil for `/dev/null`.
    ///   - environment: extra variables on top of this process's environment.
    ///   - directory: the working directory, default the current one.
    public func run(
        _ arguments: [String],
        stdin: String? = nil,
        environment: [String: String] = [:],
        directory: String? = nil
    ) async throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        let exited = AsyncStream<Int32> { continuation in
            process.terminationHandler = { finished in
                continuation.yield(finished.terminationStatus)
                continuation.finish()
            }
        }
        try process.run()
        let outReader = Task { await PipeReader.readToEnd(out.fileHandleForReading) }
        let errReader = Task { await PipeReader.readToEnd(err.fileHandleForReading) }
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        var status: Int32 = -1
        for await code in exited { status = code }
        return Result(
            status: status,
            stdout: String(decoding: await outReader.value, as: UTF8.self),
            stderr: String(decoding: await errReader.value, as: UTF8.self)
        )
    }

    /// Starts the binary without waiting, for commands that run until stopped (`listen`, `sandbox`).
    public func start(_ arguments: [String], environment: [String: String] = [:]) throws -> RunningBinary {
        try RunningBinary(executable: executable, arguments: arguments, environment: environment)
    }

    /// Runs a bash command line (for pipelines such as `skypebridge listen | head -1`).
    public func runShell(_ commandLine: String) async throws -> Result {
        try await BinaryRunner(executable: URL(fileURLWithPath: "/bin/bash")).run(["-c", commandLine])
    }
}
