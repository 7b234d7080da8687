import Testing
@testable import SkypeBridgeCore

@Suite("Recent keys")
struct RecentKeysTests {
    @Test func keepsTheNewestKeysUpToItsCapacityAndForgetsTheOldestFirst() {
        var keys = RecentKeys<Int>(capacity: 3)
        let firsts = [1, 2, 3].map { keys.insert($0) }
        let again = keys.insert(2)
        let fourth = keys.insert(4)
        #expect(firsts == [true, true, true] && !again && fourth)
        #expect(!keys.contains(1) && keys.contains(2) && keys.contains(3) && keys.contains(4))
        for key in 5...7 { keys.insert(key) }
        #expect((1...7).filter(keys.contains) == [5, 6, 7])
        let forgotten = keys.insert(1)
        #expect(forgotten)
    }
}
