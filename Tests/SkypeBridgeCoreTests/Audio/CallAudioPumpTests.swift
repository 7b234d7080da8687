import Foundation
import Synchronization
import Testing
@testable import SkypeBridgeCore

@Suite struct CallAudioPumpTests {
    /// A source of two numbered frames, then nothing.
    final class TwoFrames: AudioFrameSource {
        let served = Mutex(0)
        func nextFrame() async throws -> [Int16]? {
            let index = served.withLock { value in
                value += 1
                return value
            }
            return index <= 2 ? [Int16](repeating: Int16(index * 1000), count: CallAudioFormat.frameSamples) : nil
        }
    }

    /// A connected pair of stream sockets: the pump's end (non-blocking) and the client's end.
    struct SocketPair {
        let pump: Int32
        let client: Int32

        init() throws {
            var descriptors: [Int32] = [-1, -1]
            try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &descriptors) == 0)
            pump = descriptors[0]
            client = descriptors[1]
            _ = fcntl(pump, F_SETFL, fcntl(pump, F_GETFL) | O_NONBLOCK)
        }

        /// Reads exactly `count` bytes from the client's end (fewer if it closes), polling so that
        /// no thread of the concurrency pool blocks while the pump needs one.
        func read(_ count: Int) async -> [UInt8] {
            var bytes = [UInt8](repeating: 0, count: count)
            var filled = 0
            while filled < count {
                let got = bytes.withUnsafeMutableBytes { recv(client, $0.baseAddress! + filled, count - filled, Int32(MSG_DONTWAIT)) }
                if got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR) { break }
                if got > 0 { filled += got } else { try? await Task.sleep(for: .milliseconds(1)) }
            }
            return Array(bytes[0..<filled])
        }

        func write(_ bytes: [UInt8]) {
            _ = bytes.withUnsafeBytes { Glibc.write(client, $0.baseAddress, $0.count) }
        }

        func close() {
            Glibc.close(pump)
            Glibc.close(client)
        }
    }

    @Test func sendsTheSourceThenSilenceNeverFasterThanFiftyFramesPerSecond() async throws {
        let sockets = try SocketPair()
        defer { sockets.close() }
        let pump = CallAudioPump(source: TwoFrames(), sink: CountingSink())
        let clock = ContinuousClock()
        let start = clock.now
        let running = Task { await pump.run(sendingTo: sockets.pump, receivingFrom: sockets.pump) }
        var frames: [[UInt8]] = []
        for _ in 0..<26 { frames.append(await sockets.read(CallAudioFormat.frameBytes)) }
        let elapsed = clock.now - start
        shutdown(sockets.client, Int32(SHUT_RDWR))
        let outcome = await running.value
        #expect(outcome.remoteClosed)
        #expect(outcome.sent.frames >= 26)
        #expect(elapsed >= .milliseconds(500), "26 frames are due over 500 ms, read in \(elapsed)")
        #expect(frames[0][0...1] == [0xE8, 0x03])
        #expect(frames[1][0...1] == [0xD0, 0x07])
        #expect(frames[2].allSatisfy { $0 == 0 } && frames[25].count == CallAudioFormat.frameBytes)
    }

    @Test func receivedBytesOfAnyChunkSizesBecomeFramesAndTheSinkIsFinished() async throws {
        let sockets = try SocketPair()
        defer { sockets.close() }
        let sink = CountingSink()
        let pump = CallAudioPump(source: SilenceSource(), sink: sink)
        let running = Task { await pump.run(sendingTo: sockets.pump, receivingFrom: sockets.pump) }
        sockets.write([UInt8](repeating: 1, count: 1000))
        try await Task.sleep(for: .milliseconds(30))
        sockets.write([UInt8](repeating: 2, count: 1000))
        shutdown(sockets.client, Int32(SHUT_WR))
        let outcome = await running.value
        #expect(outcome.remoteClosed)
        #expect(outcome.received.bytes == 2000)
        #expect(outcome.received.frames == 4)
        #expect(sink.counts == CountingSink.Counts(bytes: 2000, frames: 4, peak: 0x0202, finished: true))
    }

    @Test func cancellingTheTaskEndsTheRunAndFinishesTheSink() async throws {
        let sockets = try SocketPair()
        defer { sockets.close() }
        let sink = CountingSink()
        let pump = CallAudioPump(source: SilenceSource(), sink: sink)
        let running = Task { await pump.run(sendingTo: sockets.pump, receivingFrom: sockets.pump) }
        _ = await sockets.read(3 * CallAudioFormat.frameBytes)
        running.cancel()
        let outcome = await running.value
        #expect(!outcome.remoteClosed)
        #expect(outcome.sent.frames >= 3)
        #expect(sink.counts.finished)
    }
}
