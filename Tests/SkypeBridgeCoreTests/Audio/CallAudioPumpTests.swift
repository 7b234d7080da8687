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

    struct Enough: Error {}

    @Test func sendsTheSourceThenSilenceNeverFasterThanFiftyFramesPerSecond() async {
        let pump = CallAudioPump(source: TwoFrames(), sink: CountingSink())
        let written = Mutex<[[UInt8]]>([])
        let clock = ContinuousClock()
        let start = clock.now
        let totals = await pump.send { bytes in
            try written.withLock { frames in
                guard frames.count < 26 else { throw Enough() }
                frames.append(bytes)
            }
        }
        let elapsed = clock.now - start
        let frames = written.withLock { $0 }
        #expect(totals.frames == 26)
        #expect(totals.bytes == 26 * CallAudioFormat.frameBytes)
        #expect(elapsed >= .milliseconds(500), "26 frames are due over 500 ms, sent in \(elapsed)")
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
