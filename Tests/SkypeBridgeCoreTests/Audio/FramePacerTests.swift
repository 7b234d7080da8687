import Testing
@testable import SkypeBridgeCore

@Suite struct FramePacerTests {
    @Test func deadlinesAreComputedFromTheStartSoLateSendsDoNotDrift() {
        let start = ContinuousClock.now
        var pacer = FramePacer(start: start)
        var deadline = start
        for _ in 0..<500 {
            deadline = pacer.advance(now: deadline + .microseconds(900))
        }
        #expect(deadline == start + .seconds(10))
        #expect(pacer.skipped == 0)
    }

    @Test func aStallSkipsTheMissedTicksInsteadOfBursting() {
        let start = ContinuousClock.now
        var pacer = FramePacer(start: start)
        _ = pacer.advance(now: start)
        let afterStall = start + .milliseconds(1_030)
        let next = pacer.advance(now: afterStall)
        #expect(next == start + .milliseconds(1_040))
        #expect(next > afterStall)
        #expect(pacer.skipped == 50)
        #expect(pacer.advance(now: next) == start + .milliseconds(1_060))
    }

    @Test func slightlyLateFramesKeepTheirSlot() {
        let start = ContinuousClock.now
        var pacer = FramePacer(start: start)
        #expect(pacer.advance(now: start + .milliseconds(35)) == start + .milliseconds(20))
        #expect(pacer.skipped == 0)
    }
}
