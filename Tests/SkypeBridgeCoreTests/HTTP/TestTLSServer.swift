import Foundation

/// `openssl s_server -www` on 127.0.0.1 with a fresh self-signed certificate for 127.0.0.1: a
/// real TLS peer that no system CA trusts. Stopped when the value goes away.
final class TestTLSServer {
    /// Whether the `openssl` command is installed.
    static let isAvailable = FileManager.default.isExecutableFile(atPath: openssl)

    private static let openssl = "/usr/bin/openssl"

    let port: Int
    /// The server's certificate (PEM), usable as a CA file.
    let certificatePath: String
    private let process: Process

    /// Creates the certificate in `directory`, starts the server and waits until it accepts.
    init(in directory: TemporaryDirectory) async throws {
        certificatePath = directory.file("cert.pem")
        let keyPath = directory.file("key.pem")
        try Self.runToEnd([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", keyPath, "-out", certificatePath, "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ])
        let (fd, port) = try TestSockets.listenOnLoopback()
        close(fd)
        self.port = port
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.openssl)
        process.arguments = ["s_server", "-quiet", "-www", "-accept", "127.0.0.1:\(port)", "-cert", certificatePath, "-key", keyPath]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if let probe = TestSockets.connectToLoopback(port: port) {
                close(probe)
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(process.processIdentifier, SIGKILL)
        throw POSIXError(.ETIMEDOUT)
    }

    deinit {
        // SIGKILL: the test runner's children may inherit an ignored SIGTERM.
        kill(process.processIdentifier, SIGKILL)
    }

    private static func runToEnd(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw POSIXError(.EIO) }
    }
}
