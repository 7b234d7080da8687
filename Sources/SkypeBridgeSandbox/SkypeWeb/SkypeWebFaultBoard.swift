import Synchronization

/// The armed faults; checked on every request, so it is a small mutex-guarded list
/// rather than an actor hop.
final class SkypeWebFaultBoard: Sendable {
    private let faults = Mutex<[SkypeWebFault]>([])

    /// Arms a fault.
    func arm(_ fault: SkypeWebFault) {
        faults.withLock { $0.append(fault) }
    }

    /// Removes every armed fault.
    func clear() {
        faults.withLock { $0.removeAll() }
    }

    /// The armed faults (for the control API).
    var armed: [SkypeWebFault] { faults.withLock { $0 } }

    /// Takes one use of the first fault matching the request, if any.
    func take(path: String, method: String) -> SkypeWebFault? {
        faults.withLock { list in
            guard !list.isEmpty,
                  let index = list.firstIndex(where: { path.contains($0.pathContains) && ($0.method.map { $0.uppercased() == method } ?? true) })
            else { return nil }
            let fault = list[index]
            list[index].count -= 1
            if list[index].count <= 0 { list.remove(at: index) }
            return fault
        }
    }
}
