import Foundation
import Synchronization
import SkypeBridgeCore
import Testing

@Suite struct PipeAudioTests {
    private func makePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        return (descriptors[0], descriptors[1])
    }

    @Test func pipeSourceYieldsFramesThenEndsAtEOF() async throws {
        let (readEnd, writeEnd) = try makePipe()
        defer { close(readEnd) }
        let samples = (0..<(2 * 320 + 100)).map { Int16(truncatingIfNeeded: $0 * 41) }
        let bytes = samples.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
        let source = try await PipeSource(descriptor: readEnd, name: "test pipe")
        #expect(bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) } == bytes.count)
        close(writeEnd)
        var frames: [[Int16]] = []
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline, let frame = try await source.nextFrame() {
            if frame.contains(where: { $0 != 0 }) || !frames.isEmpty { frames.append(frame) }
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(frames.count == 3)
        #expect(frames.flatMap { $0 }.prefix(samples.count).elementsEqual(samples))
        #expect(frames.allSatisfy { $0.count == CallAudioFormat.frameSamples })
        #expect(try await source.nextFrame() == nil)
    }

    @Test func pipeSourceGivesSilenceWhileTheProducerIsBehind() async throws {
        let (readEnd, writeEnd) = try makePipe()
        defer { close(readEnd) }
        let source = try await PipeSource(descriptor: readEnd, name: "idle pipe")
        #expect(try await source.nextFrame() == [Int16](repeating: 0, count: 320))
        close(writeEnd)
        try await drain(source)
    }

    /// Takes frames until the source ends, so its thread is done with the descriptor before it is closed.
    private func drain(_ source: PipeSource) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline, try await source.nextFrame() != nil {
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    @Test func pipeSourceHoldsBackAFastProducerInsteadOfDroppingFrames() async throws {
        let (readEnd, writeEnd) = try makePipe()
        defer { close(readEnd) }
        let source = try await PipeSource(descriptor: readEnd, name: "fast pipe")
        let total = 200
        let writer = Thread {
            for index in 0..<total {
                let frame = [Int16](repeating: Int16(index + 1), count: 320)
                _ = frame.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            }
            close(writeEnd)
        }
        writer.start()
        var received: [Int16] = []
        while let frame = try await source.nextFrame() {
            if frame[0] != 0 { received.append(frame[0]) } else { try await Task.sleep(for: .milliseconds(2)) }
        }
        #expect(received == (1...total).map { Int16($0) })
    }

    @Test func pipeSinkWritesEveryFrameInOrder() async throws {
        let (readEnd, writeEnd) = try makePipe()
        let sink = try await PipeSink(descriptor: writeEnd, name: "test pipe")
        let collected = Mutex<(bytes: [UInt8], ended: Bool)>(([], false))
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while true {
                let count = read(readEnd, &buffer, buffer.count)
                if count <= 0 { break }
                collected.withLock { $0.bytes += buffer[0..<count] }
            }
            collected.withLock { $0.ended = true }
        }
        reader.start()
        let frames = (0..<100).map { index in [Int16](repeating: Int16(index * 100 - 5_000), count: 320) }
        for frame in frames { try await sink.write(frame) }
        try await sink.write([7, 8])
        try await sink.finish()
        close(writeEnd)
        let deadline = ContinuousClock.now + .seconds(30)
        while !collected.withLock({ $0.ended }), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        close(readEnd)
        let expected = (frames.flatMap { $0 } + [7, 8]).flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
        #expect(collected.withLock { $0.bytes } == expected)
    }

    @Test func pipeSinkReportsAReaderThatLeft() async throws {
        let (readEnd, writeEnd) = try makePipe()
        defer { close(writeEnd) }
        close(readEnd)
        signal(SIGPIPE, SIG_IGN)
        let sink = try await PipeSink(descriptor: writeEnd, name: "closed pipe")
        try await sink.write([1, 2, 3])
        await #expect(throws: AudioError.self) { try await sink.finish() }
    }
}
