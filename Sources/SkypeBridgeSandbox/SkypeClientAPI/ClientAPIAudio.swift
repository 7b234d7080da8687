import NIOCore
import NIOPosix
import Synchronization

/// The audio side of one emulated call: the emulator connects to the application's
/// `SET_INPUT` port and reads it, and to its `SET_OUTPUT` port and writes one 640-byte frame
/// every 20 ms, scheduled from a monotonic start time so it never drifts or bursts.
final class ClientAPIAudio: Sendable {
    /// Bytes in one 20 ms frame of s16le mono 16 kHz audio.
    static let frameBytes = 640
    /// Samples in one frame.
    static let frameSamples = 320
    /// The frame period.
    static let frameInterval = Duration.milliseconds(20)
    /// How much echo is kept when the output side lags (25 frames = 0.5 s).
    static let echoCapacity = 25 * frameBytes

    /// What the output port carries right now.
    enum Phase: Sendable, Equatable {
        /// Before media: silence.
        case idle
        /// EARLYMEDIA: ringback.
        case earlyMedia
        /// INPROGRESS: the call's source.
        case connected
        /// On hold or ended: silence, input not echoed.
        case held
    }

    private struct State {
        var statistics = ClientAPIAudioStatistics()
        var phase = Phase.idle
        var echo: [UInt8] = []
        var tasks: [Task<Void, Never>] = []
        var stopped = false
    }

    private let source: ClientAPIAudioSource
    private let outputLimit: Duration?
    private let host: String
    private let state = Mutex(State())

    /// Audio for a call whose answered media is `source`; connects to ports on `host`.
    /// With `outputLimit`, the output socket is closed that long after it connected.
    init(source: ClientAPIAudioSource, outputLimit: Duration? = nil, host: String = "127.0.0.1") {
        self.source = source
        self.outputLimit = outputLimit
        self.host = host
    }

    /// The counters so far.
    var statistics: ClientAPIAudioStatistics { state.withLock { $0.statistics } }

    /// Switches what the output carries.
    func setPhase(_ phase: Phase) {
        state.withLock { $0.phase = phase }
    }

    /// Starts reading the application's input port (retrying the connect for about 2 s).
    func connectInput(port: Int) {
        start { audio in
            audio.state.withLock { $0.statistics.inputPort = port }
            let channel = try await audio.connect(port: port)
            audio.state.withLock { $0.statistics.inputConnected = true }
            try await channel.executeThenClose { inbound, _ in
                for try await buffer in inbound {
                    audio.received(Array(buffer.readableBytesView))
                }
            }
        }
    }

    /// Starts writing paced frames to the application's output port.
    func connectOutput(port: Int) {
        start { audio in
            audio.state.withLock { $0.statistics.outputPort = port }
            let channel = try await audio.connect(port: port)
            audio.state.withLock { $0.statistics.outputConnected = true }
            try await channel.executeThenClose { _, outbound in
                let clock = ContinuousClock()
                let start = clock.now
                var index = 0
                while !Task.isCancelled, audio.outputLimit.map({ clock.now - start < $0 }) ?? true {
                    try await outbound.write(ByteBuffer(bytes: audio.nextFrame(index: index)))
                    audio.state.withLock {
                        $0.statistics.bytesOut += Self.frameBytes
                        $0.statistics.framesOut += 1
                    }
                    index += 1
                    let now = clock.now
                    if now - (start + Self.frameInterval * index) > Self.frameInterval * 3 {
                        index = Int((now - start) / Self.frameInterval)
                    }
                    try await Task.sleep(until: start + Self.frameInterval * index, clock: clock)
                }
            }
        }
    }

    /// Closes both sockets; safe to call twice.
    func stop() {
        let tasks = state.withLock { state in
            state.stopped = true
            state.phase = .held
            defer { state.tasks.removeAll() }
            return state.tasks
        }
        for task in tasks { task.cancel() }
    }

    private func start(_ body: @escaping @Sendable (ClientAPIAudio) async throws -> Void) {
        let task = Task { [self] in _ = try? await body(self) }
        let cancel = state.withLock { state in
            guard !state.stopped else { return true }
            state.tasks.append(task)
            return false
        }
        if cancel { task.cancel() }
    }

    private func connect(port: Int) async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        var attempt = 0
        while true {
            do {
                return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                    .connect(host: host, port: port) { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                        }
                    }
            } catch {
                attempt += 1
                if attempt >= 40 { throw error }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    private func received(_ bytes: [UInt8]) {
        state.withLock { state in
            let before = state.statistics.bytesIn
            state.statistics.bytesIn += bytes.count
            state.statistics.framesIn = state.statistics.bytesIn / Self.frameBytes
            var index = (before % 2 == 0) ? 0 : 1
            while index + 1 < bytes.count {
                let sample = Int(Int16(bitPattern: UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8))
                state.statistics.peakIn = max(state.statistics.peakIn, abs(sample))
                index += 2
            }
            guard state.phase == .connected, source == .echo else { return }
            let misalignment = (Self.frameBytes - before % Self.frameBytes) % Self.frameBytes
            state.echo.append(contentsOf: state.echo.isEmpty ? bytes.dropFirst(misalignment) : bytes[...])
            if state.echo.count > Self.echoCapacity {
                let excess = state.echo.count - Self.echoCapacity
                state.echo.removeFirst((excess + Self.frameBytes - 1) / Self.frameBytes * Self.frameBytes)
            }
        }
    }

    private func nextFrame(index: Int) -> [UInt8] {
        state.withLock { state in
            switch state.phase {
            case .idle, .held:
                return ClientAPIAudioSource.generatedFrame(.silence, index: index)
            case .earlyMedia:
                return ClientAPIAudioSource.generatedFrame(.ringback, index: index)
            case .connected where source == .echo:
                guard state.echo.count >= Self.frameBytes else { return ClientAPIAudioSource.generatedFrame(.silence, index: index) }
                defer { state.echo.removeFirst(Self.frameBytes) }
                return Array(state.echo.prefix(Self.frameBytes))
            case .connected:
                return ClientAPIAudioSource.generatedFrame(source, index: index)
            }
        }
    }
}
