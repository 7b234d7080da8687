import SkypeBridgeCore
import Testing

@Suite struct JitterBufferTests {
    private func frame(_ value: Int16) -> [Int16] { [value] }

    @Test func holdsPlaybackUntilTheTargetDepth() {
        var buffer = JitterBuffer(targetDepth: 2, maximumDepth: 4)
        buffer.push(frame(1))
        #expect(buffer.pop() == nil)
        buffer.push(frame(2))
        #expect(buffer.pop() == frame(1))
        #expect(buffer.pop() == frame(2))
        #expect(buffer.underruns == 0)
    }

    @Test func runningDryCountsAnUnderrunAndRefillsToTheTarget() {
        var buffer = JitterBuffer(targetDepth: 2, maximumDepth: 4)
        buffer.push(frame(1))
        buffer.push(frame(2))
        _ = buffer.pop()
        _ = buffer.pop()
        #expect(buffer.pop() == nil)
        #expect(buffer.underruns == 1)
        buffer.push(frame(3))
        #expect(buffer.pop() == nil)
        buffer.push(frame(4))
        #expect(buffer.pop() == frame(3))
    }

    @Test func aBurstPastTheMaximumDropsTheOldestDownToTheTarget() {
        var buffer = JitterBuffer(targetDepth: 2, maximumDepth: 4)
        for value in 1...5 { buffer.push(frame(Int16(value))) }
        #expect(buffer.depth == 2)
        #expect(buffer.dropped == 3)
        #expect(buffer.pop() == frame(4))
        #expect(buffer.pop() == frame(5))
    }

    @Test func drainTakesEverythingRegardlessOfTheTarget() {
        var buffer = JitterBuffer(targetDepth: 3, maximumDepth: 6)
        buffer.push(frame(1))
        buffer.push(frame(2))
        #expect(buffer.drain() == [frame(1), frame(2)])
        #expect(buffer.depth == 0)
    }
}
