import Foundation
import Synchronization

/// A small SOCKS5 proxy (RFC 1928: no authentication, CONNECT only) on 127.0.0.1 that tunnels
/// every destination to 127.0.0.1:`targetPort` and records the destinations clients asked for.
/// Each connection gets a thread; the listener closes when the value goes away.
final class TestSocksProxy: Sendable {
    let port: Int
    private let fd: Int32
    private let requests = Requests()

    /// The `host:port` destinations requested so far.
    var destinations: [String] { requests.all }

    init(targetPort: Int) throws {
        (fd, port) = try TestSockets.listenOnLoopback()
        let (listener, requests) = (fd, requests)
        Thread {
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { return }
                Thread { Self.serve(client, targetPort: targetPort, requests: requests) }.start()
            }
        }.start()
    }

    deinit {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    private final class Requests: Sendable {
        private let stored = Mutex<[String]>([])
        var all: [String] { stored.withLock { $0 } }
        func add(_ destination: String) { stored.withLock { $0.append(destination) } }
    }

    private static func serve(_ client: Int32, targetPort: Int, requests: Requests) {
        defer { close(client) }
        guard let greeting = TestSockets.read(client, count: 2), greeting[0] == 5,
              TestSockets.read(client, count: Int(greeting[1])) != nil,
              TestSockets.write(client, [5, 0]),
              let head = TestSockets.read(client, count: 4), head[0] == 5, head[1] == 1
        else { return }
        let host: String
        switch head[3] {
        case 1:
            guard let address = TestSockets.read(client, count: 4) else { return }
            host = address.map(String.init).joined(separator: ".")
        case 3:
            guard let length = TestSockets.read(client, count: 1),
                  let name = TestSockets.read(client, count: Int(length[0])) else { return }
            host = String(decoding: name, as: UTF8.self)
        default:
            return
        }
        guard let portBytes = TestSockets.read(client, count: 2) else { return }
        requests.add("\(host):\(Int(portBytes[0]) << 8 | Int(portBytes[1]))")
        guard let upstream = TestSockets.connectToLoopback(port: targetPort) else {
            TestSockets.write(client, [5, 5, 0, 1, 0, 0, 0, 0, 0, 0])
            return
        }
        defer { close(upstream) }
        guard TestSockets.write(client, [5, 0, 0, 1, 127, 0, 0, 1, 0, 0]) else { return }
        relay(client, upstream)
    }

    private static func relay(_ first: Int32, _ second: Int32) {
        var fds = [pollfd(fd: first, events: Int16(POLLIN), revents: 0), pollfd(fd: second, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while poll(&fds, 2, 10_000) > 0 {
            for (index, entry) in fds.enumerated() where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                guard count > 0, TestSockets.write(fds[1 - index].fd, Array(buffer[..<count])) else { return }
            }
        }
    }
}
