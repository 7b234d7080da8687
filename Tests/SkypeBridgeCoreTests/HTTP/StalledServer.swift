import Foundation

/// A TCP socket on 127.0.0.1 that listens but never accepts: connections complete in the kernel,
/// requests are buffered, and no byte ever comes back — a stalled server.
final class StalledServer: Sendable {
    let port: Int
    private let fd: Int32

    init() throws {
        (fd, port) = try TestSockets.listenOnLoopback()
    }

    deinit {
        close(fd)
    }

    /// A URL on this server.
    func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }
}
