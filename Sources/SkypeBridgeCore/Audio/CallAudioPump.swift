import Foundation

/// Moves one call's audio between local endpoints and the Skype client's two sockets, on the
/// task that runs it: at every tick of a ``FramePacer`` (20 ms, monotonic clock) it reads what
/// the client wrote since the last tick, re-cut into frames for the sink, and then writes the
/// source's next frame to the client. Reading first means a client that answers each frame at
/// once (echo123) is read one frame per tick, not zero or two depending on who was faster.
///
/// Both sockets are non-blocking and used with plain system calls from this one task: a call
/// costs one wake-up per frame instead of a hop through an event loop for each write and each
/// read and back (which was most of a call's CPU time). A frame that arrives just after a tick
/// waits in the socket for the next one: received audio is handed on in 20 ms steps, which the
/// speaker's jitter buffer (``PulseSink``) absorbs. (Reading halfway between ticks as well made
/// that 10 ms but doubled the CPU time of a call: on this kind of machine a timer wake-up costs
/// more than the audio work.)
public struct CallAudioPump: Sendable {
    /// Totals of one direction.
    public struct Totals: Sendable, Equatable {
        /// Bytes moved.
        public var bytes = 0
        /// Frames moved.
        public var frames = 0
        /// Frame ticks skipped after stalls (sending only).
        public var skippedTicks = 0
        /// How long the direction ran, from its first frame to its end (sending only).
        public var elapsed = Duration.zero
    }

    /// What one run moved, and how it stopped.
    public struct Outcome: Sendable, Equatable {
        /// Sent to the client.
        public var sent = Totals()
        /// Received from the client.
        public var received = Totals()
        /// Whether the client closed a socket (otherwise the task was cancelled).
        public var remoteClosed = false
    }

    /// Frames not yet taken by a slow client beyond this many are dropped rather than queued.
    static let sendBacklogFrames = 8

    private let source: any AudioFrameSource
    private let sink: any AudioFrameSink

    /// A pump from `source` (silence whenever it has nothing) to the call, and from the call to `sink`.
    public init(source: any AudioFrameSource, sink: any AudioFrameSink) {
        self.source = source
        self.sink = sink
    }

    /// Sends a frame to `output` every ``CallAudioFormat/frameDuration`` and hands what arrives on
    /// `input` to the sink, until the task is cancelled or the client closes either socket; then
    /// hands over a short final frame and finishes the sink. A source that ended or failed is
    /// replaced by silence. The descriptors must be non-blocking; they are not closed.
    public func run(sendingTo output: Int32, receivingFrom input: Int32) async -> Outcome {
        let clock = ContinuousClock()
        var pacer = FramePacer(start: clock.now)
        var outcome = Outcome()
        var sourceEnded = false
        var unsent: [UInt8] = []
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 8 * CallAudioFormat.frameBytes)
        let silence = [Int16](repeating: 0, count: CallAudioFormat.frameSamples)
        while !Task.isCancelled {
            let state = Self.read(input, into: &buffer, appendingTo: &received)
            var start = received.startIndex
            while received.endIndex - start >= CallAudioFormat.frameBytes {
                try? await sink.write(Self.decode(received[start..<(start + CallAudioFormat.frameBytes)]))
                outcome.received.frames += 1
                start += CallAudioFormat.frameBytes
            }
            outcome.received.bytes += start - received.startIndex
            received.removeFirst(start - received.startIndex)
            var frame = silence
            if !sourceEnded {
                do {
                    if let next = try await source.nextFrame() { frame = next } else { sourceEnded = true }
                } catch {
                    sourceEnded = true
                }
            }
            if unsent.count < Self.sendBacklogFrames * CallAudioFormat.frameBytes {
                Self.append(frame, to: &unsent)
                outcome.sent.frames += 1
                outcome.sent.bytes += frame.count * 2
            }
            let sending = Self.flush(&unsent, to: output)
            if !sending || state == .closed {
                outcome.remoteClosed = true
                break
            }
            let deadline = pacer.advance(now: clock.now)
            do {
                try await clock.sleep(until: deadline)
            } catch {
                break
            }
        }
        if received.count >= 2 {
            try? await sink.write(Self.decode(received[...]))
            outcome.received.frames += 1
            outcome.received.bytes += received.count
        }
        try? await sink.finish()
        outcome.sent.skippedTicks = pacer.skipped
        outcome.sent.elapsed = clock.now - pacer.start
        return outcome
    }

    private enum ReadState { case open, closed }

    /// Writes as much of `unsent` as the socket takes now. - Returns: false when the client is gone.
    private static func flush(_ unsent: inout [UInt8], to descriptor: Int32) -> Bool {
        while !unsent.isEmpty {
            let count = unsent.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count > 0 {
                unsent.removeFirst(count)
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
            }
        }
        return true
    }

    /// Reads everything waiting on `descriptor` into `received`.
    private static func read(_ descriptor: Int32, into buffer: inout [UInt8], appendingTo received: inout [UInt8]) -> ReadState {
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
            } else if count == 0 {
                return .closed
            } else if errno == EINTR {
                continue
            } else {
                return errno == EAGAIN || errno == EWOULDBLOCK ? .open : .closed
            }
        }
    }

    private static func append(_ samples: [Int16], to bytes: inout [UInt8]) {
        for sample in samples {
            let value = UInt16(bitPattern: sample)
            bytes.append(UInt8(value & 0xFF))
            bytes.append(UInt8(value >> 8))
        }
    }

    /// Samples of little-endian `bytes` (an odd last byte is dropped).
    static func decode(_ bytes: ArraySlice<UInt8>) -> [Int16] {
        var samples: [Int16] = []
        samples.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            samples.append(Int16(bitPattern: UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8))
            index += 2
        }
        return samples
    }
}
