/// Moves one call's audio between local endpoints and the Skype client's sockets: one frame
/// every 20 ms from a ``FramePacer`` out, and whatever arrives in, re-cut into frames.
///
/// The pump owns no sockets: it is handed a write function and a sequence of received chunks,
/// so the same pump runs over TCP, over pipes in tests, or over anything else.
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

    private let source: any AudioFrameSource
    private let sink: any AudioFrameSink

    /// A pump from `source` (silence whenever it has nothing) to the call, and from the call to `sink`.
    public init(source: any AudioFrameSource, sink: any AudioFrameSink) {
        self.source = source
        self.sink = sink
    }

    /// Sends a frame every ``CallAudioFormat/frameDuration`` until cancelled or `write` fails.
    /// A source that ended or failed is replaced by silence.
    /// - Returns: what was sent.
    public func send(write: @Sendable ([UInt8]) async throws -> Void) async -> Totals {
        let clock = ContinuousClock()
        var pacer = FramePacer(start: clock.now)
        var totals = Totals()
        var sourceEnded = false
        let silence = [Int16](repeating: 0, count: CallAudioFormat.frameSamples)
        while !Task.isCancelled {
            var frame = silence
            if !sourceEnded {
                do {
                    if let next = try await source.nextFrame() { frame = next } else { sourceEnded = true }
                } catch {
                    sourceEnded = true
                }
            }
            let bytes = Self.encode(frame)
            do {
                try await write(bytes)
            } catch {
                break
            }
            totals.bytes += bytes.count
            totals.frames += 1
            let deadline = pacer.advance(now: clock.now)
            do {
                try await clock.sleep(until: deadline)
            } catch {
                break
            }
        }
        totals.skippedTicks = pacer.skipped
        totals.elapsed = clock.now - pacer.start
        return totals
    }

    /// Reads `chunks` (any sizes) to the end, handing whole frames to the sink and a short final
    /// frame at the end; then finishes the sink.
    /// - Returns: what was received.
    public func receive<Chunks: AsyncSequence>(_ chunks: Chunks) async -> Totals where Chunks.Element == [UInt8] {
        var totals = Totals()
        var pending: [UInt8] = []
        do {
            for try await chunk in chunks {
                totals.bytes += chunk.count
                pending += chunk
                while pending.count >= CallAudioFormat.frameBytes {
                    try await sink.write(Self.decode(pending[..<CallAudioFormat.frameBytes]))
                    pending.removeFirst(CallAudioFormat.frameBytes)
                    totals.frames += 1
                }
            }
        } catch {}
        if pending.count >= 2 {
            try? await sink.write(Self.decode(pending[...]))
            totals.frames += 1
        }
        try? await sink.finish()
        return totals
    }

    /// Little-endian bytes of `samples`.
    static func encode(_ samples: [Int16]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(samples.count * 2)
        for sample in samples {
            let value = UInt16(bitPattern: sample)
            bytes.append(UInt8(value & 0xFF))
            bytes.append(UInt8(value >> 8))
        }
        return bytes
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
