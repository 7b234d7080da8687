import Foundation
import Synchronization

/// The two loopback listeners of one call's audio (protocol §2.6): the client connects to the
/// input port and reads what we send (`SET_INPUT`), and to the output port and writes the remote
/// voice (`SET_OUTPUT`).
///
/// Ports come from mod_skypopen's rule: counting up from 32769, the first free one, wrapping
/// before 65000. The listeners accept one connection each and close after.
public final class CallAudioLink: Sendable {
    /// Why the audio of a call stopped.
    public enum Ending: String, Sendable {
        /// The call ended (the task was cancelled).
        case callEnded = "call-ended"
        /// The client closed one of the sockets while the call was on.
        case remoteClosed = "remote-closed"
        /// The client did not connect in time.
        case notConnected = "not-connected"
    }

    /// What moved while the call's audio ran.
    public struct Result: Sendable {
        /// Why it stopped.
        public var ending: Ending
        /// Sent to the client (input port).
        public var sent: CallAudioPump.Totals
        /// Received from the client (output port).
        public var received: CallAudioPump.Totals
    }

    /// The first port tried.
    public static let firstPort = 32769
    /// Ports stay below this one.
    public static let portLimit = 65000

    /// The port the client reads our audio from.
    public let inputPort: Int
    /// The port the client writes the remote audio to.
    public let outputPort: Int
    private let listeners: Mutex<(input: Int32, output: Int32)?>
    private let lowLatency: Bool

    private init(input: Int32, inputPort: Int, output: Int32, outputPort: Int, lowLatency: Bool) {
        listeners = Mutex((input, output))
        self.inputPort = inputPort
        self.outputPort = outputPort
        self.lowLatency = lowLatency
    }

    deinit { close() }

    /// Binds two listeners on 127.0.0.1.
    /// - Parameter lowLatency: small socket buffers (2560 bytes) and `TCP_NODELAY` on the connections.
    public static func open(lowLatency: Bool) async throws -> CallAudioLink {
        let (input, inputPort) = try bind(from: firstPort)
        do {
            let (output, outputPort) = try bind(from: inputPort + 1)
            return CallAudioLink(input: input, inputPort: inputPort, output: output, outputPort: outputPort, lowLatency: lowLatency)
        } catch {
            Glibc.close(input)
            throw error
        }
    }

    private static func bind(from start: Int) throws -> (Int32, Int) {
        var port = start >= portLimit ? firstPort : start
        var lastError = ""
        for _ in 0..<256 {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard descriptor >= 0 else { throw CallError.connectionFailed(endpoint: "127.0.0.1 audio ports", message: String(cString: strerror(errno))) }
            var one: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if bound == 0, listen(descriptor, 6) == 0 { return (descriptor, port) }
            lastError = String(cString: strerror(errno))
            Glibc.close(descriptor)
            port = port + 1 >= portLimit ? firstPort : port + 1
        }
        throw CallError.connectionFailed(endpoint: "127.0.0.1 audio ports", message: lastError)
    }

    /// Waits for the client on both ports, then pumps audio until the task is cancelled (the call
    /// ended) or the client closes a socket; closes everything before returning.
    /// - Parameter connectTimeout: how long the client may take to connect (at least 2 s, §10.4).
    public func run(pump: CallAudioPump, connectTimeout: Duration = .seconds(5)) async -> Result {
        guard let (writer, reader) = await acceptBoth(timeout: connectTimeout) else {
            close()
            return Result(ending: .notConnected, sent: .init(), received: .init())
        }
        close()
        defer {
            Glibc.close(writer)
            Glibc.close(reader)
        }
        for descriptor in [writer, reader] where lowLatency {
            var one: Int32 = 1
            var size: Int32 = 2560
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            setsockopt(descriptor, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        let outcome = await pump.run(sendingTo: writer, receivingFrom: reader)
        return Result(ending: outcome.remoteClosed ? .remoteClosed : .callEnded, sent: outcome.sent, received: outcome.received)
    }

    /// Closes both listeners (connections already accepted stay open).
    public func close() {
        guard let (input, output) = listeners.withLock({ listeners in defer { listeners = nil }; return listeners }) else { return }
        Glibc.close(input)
        Glibc.close(output)
    }

    /// Accepts one connection on each listener, on a thread of its own (waiting never holds a
    /// thread of the concurrency pool); gives up at the timeout or when the task is cancelled.
    /// - Returns: the connection to write to (input port) and the one to read from (output port).
    private func acceptBoth(timeout: Duration) async -> (writer: Int32, reader: Int32)? {
        guard let (input, output) = listeners.withLock({ $0 }) else { return nil }
        let cancelled = Atomic(false)
        let deadline = ContinuousClock.now + timeout
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (accepted: CheckedContinuation<(writer: Int32, reader: Int32)?, Never>) in
                let thread = Thread {
                    accepted.resume(returning: Self.accept(input: input, output: output, until: deadline, cancelled: cancelled))
                }
                thread.name = "skypebridge.audio-accept"
                thread.start()
            }
        } onCancel: {
            cancelled.store(true, ordering: .relaxed)
        }
    }

    private static func accept(input: Int32, output: Int32, until deadline: ContinuousClock.Instant, cancelled: borrowing Atomic<Bool>) -> (writer: Int32, reader: Int32)? {
        var writer: Int32 = -1
        var reader: Int32 = -1
        while writer < 0 || reader < 0, !cancelled.load(ordering: .relaxed), ContinuousClock.now < deadline {
            var waiting = [pollfd]()
            if writer < 0 { waiting.append(pollfd(fd: input, events: Int16(POLLIN), revents: 0)) }
            if reader < 0 { waiting.append(pollfd(fd: output, events: Int16(POLLIN), revents: 0)) }
            guard poll(&waiting, nfds_t(waiting.count), 50) > 0 else { continue }
            for ready in waiting where ready.revents & Int16(POLLIN) != 0 {
                let connection = Glibc.accept(ready.fd, nil, nil)
                guard connection >= 0 else { continue }
                _ = fcntl(connection, F_SETFL, fcntl(connection, F_GETFL) | O_NONBLOCK)
                _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
                if ready.fd == input { writer = connection } else { reader = connection }
            }
        }
        guard writer >= 0, reader >= 0 else {
            if writer >= 0 { Glibc.close(writer) }
            if reader >= 0 { Glibc.close(reader) }
            return nil
        }
        return (writer, reader)
    }
}
