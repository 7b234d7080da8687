/// Remembers which post events were delivered, so the same change arriving again (replayed by a
/// resume, found again by a backfill) is dropped.
///
/// A post is delivered as new once and as deleted once (keyed by post id); an edit once per
/// `update_at` (keyed by post id and `update_at`). Memory is bounded: the oldest keys are
/// forgotten beyond ``capacity``.
struct MattermostEventDeduplicator: Sendable {
    /// The most keys remembered.
    let capacity: Int
    private var seen: Set<String> = []
    private var order: [String] = []
    private var start = 0

    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    /// Whether `event` is new; remembers it. Events that are not about posts are always new.
    mutating func admit(_ event: MattermostEvent) -> Bool {
        let key: String
        switch event {
        case .posted(let post): key = "p \(post.id)"
        case .postEdited(let post): key = "e \(post.id) \(post.updateAt)"
        case .postDeleted(let post): key = "d \(post.id)"
        default: return true
        }
        guard seen.insert(key).inserted else { return false }
        order.append(key)
        if order.count - start > capacity {
            seen.remove(order[start])
            start += 1
            if start > capacity {
                order.removeFirst(start)
                start = 0
            }
        }
        return true
    }
}
