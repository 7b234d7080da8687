/// A bounded set of recently seen keys, oldest forgotten first (a ring, so adding one costs
/// the same however full it is).
struct RecentKeys<Key: Hashable & Sendable>: Sendable {
    private var ring: [Key] = []
    private var members: Set<Key> = []
    private var oldest = 0
    private let capacity: Int

    /// An empty set keeping at most `capacity` keys.
    init(capacity: Int) {
        precondition(capacity > 0, "a RecentKeys needs room for one key")
        self.capacity = capacity
    }

    /// Whether `key` is among the kept ones.
    func contains(_ key: Key) -> Bool { members.contains(key) }

    /// Adds `key`, forgetting the oldest one when full; false when it was already there.
    @discardableResult
    mutating func insert(_ key: Key) -> Bool {
        guard members.insert(key).inserted else { return false }
        if ring.count < capacity {
            ring.append(key)
        } else {
            members.remove(ring[oldest])
            ring[oldest] = key
            oldest = (oldest + 1) % capacity
        }
        return true
    }
}
