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

    @Test func sendsTheSourceThenSilenceAtFiftyFramesPerSecond() async {
        let pump = CallAudioPump(source: TwoFrames(), sink: CountingSink())
        let written = Mutex<[[UInt8]]>([])
        let task = Task { await pump.send { bytes in written.withLock { $0.append(bytes) } } }
        try? await Task.sleep(for: .milliseconds(500))
        task.cancel()
        let totals = await task.value
        let frames = written.withLock { $0 }
        #expect((20...30).contains(totals.frames), "0.5 s at 20 ms, got \(totals.frames)")
        #expect(totals.bytes == totals.frames * CallAudioFormat.frameBytes)
        #expect(frames[0][0...1] == [0xE8, 0x03])
        #expect(frames[1][0...1] == [0xD0, 0x07])
        #expect(frames[2].allSatisfy { $0 == 0 })
    }

    @Test func receiveCutsAnyChunkSizesIntoFramesAndFinishesTheSink() async {
        let sink = CountingSink()
        let pump = CallAudioPump(source: SilenceSource(), sink: sink)
        let chunks = AsyncStream<[UInt8]> { continuation in
            continuation.yield([UInt8](repeating: 1, count: 1000))
            continuation.yield([UInt8](repeating: 2, count: 1000))
            continuation.finish()
        }
        let totals = await pump.receive(chunks)
        #expect(totals.bytes == 2000)
        #expect(totals.frames == 4)
        #expect(sink.counts == CountingSink.Counts(bytes: 2000, frames: 4, peak: 0x0202, finished: true))
    }
}
