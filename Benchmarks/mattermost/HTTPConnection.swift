#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A blocking HTTP/1.1 keep-alive connection over a POSIX socket: the cheapest client there is,
/// so the benchmark measures the emulator rather than the client.
final class HTTPConnection {
    private let socket: Int32
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 65536)

    /// Connects to `127.0.0.1:port`.
    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var noDelay: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw BenchmarkError.connectFailed(port) }
    }

    deinit { close(socket) }

    /// Sends one request and reads the whole response; returns the status code and body.
    @discardableResult
    func send(method: String, path: String, token: String, body: [UInt8] = []) throws -> (status: Int, body: [UInt8]) {
        var request = Array("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
        request.append(contentsOf: body)
        var sent = 0
        while sent < request.count {
            let written = request[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
            guard written > 0 else { throw BenchmarkError.connectionClosed }
            sent += written
        }
        return try readResponse()
    }

    private func readResponse() throws -> (status: Int, body: [UInt8]) {
        while true {
            if let end = headEnd() {
                let (status, length) = parseHead(buffer[..<end])
                let total = end + 4 + length
                while buffer.count < total { try fill() }
                let body = Array(buffer[(end + 4)..<total])
                buffer.removeFirst(total)
                return (status, body)
            }
            try fill()
        }
    }

    /// The status code and `Content-Length` of a response head, read as bytes.
    private func parseHead(_ head: ArraySlice<UInt8>) -> (status: Int, length: Int) {
        func number(_ bytes: ArraySlice<UInt8>) -> Int {
            bytes.drop { $0 == 32 }.prefix { $0 >= 48 && $0 <= 57 }.reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        let status = head.firstIndex(of: 32).map { number(head[($0 + 1)...]) } ?? 0
        var length = 0
        for line in head.split(separator: 10) where line.count > 15 && line.prefix(15).map({ $0 | 0x20 }) == Self.contentLength {
            length = number(line.dropFirst(15))
        }
        return (status, length)
    }

    private static let contentLength = Array("content-length:".utf8)

    private func fill() throws {
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw BenchmarkError.connectionClosed }
        buffer.append(contentsOf: chunk[..<count])
    }

    private func headEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4) where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }
}

/// Why the benchmark stopped.
enum BenchmarkError: Error, CustomStringConvertible {
    case connectFailed(Int)
    case connectionClosed
    case unexpectedStatus(Int)

    var description: String {
        switch self {
        case .connectFailed(let port): "could not connect to 127.0.0.1:\(port)"
        case .connectionClosed: "the emulator closed the connection"
        case .unexpectedStatus(let status): "unexpected HTTP status \(status)"
        }
    }
}
