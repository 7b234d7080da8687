import Synchronization

/// Faults the control API injects into `/api/v4` and `/hooks` requests: failures and delays.
///
/// A small lock-protected box rather than an actor: every request reads it once, synchronously.
final class MattermostFaults: Sendable {
    private struct Plan {
        var failuresLeft = 0
        var failureStatus = 500
        var delay: Duration = .zero
        /// Requests still to delay; nil delays every request until reset.
        var delaysLeft: Int?
    }

    /// What to do to one request.
    struct Action: Sendable {
        var delay: Duration
        var failureStatus: Int?
    }

    private let plan = Mutex(Plan())

    /// Makes the next `count` requests fail with `status` (5xx).
    func fail(count: Int, status: Int) {
        plan.withLock {
            $0.failuresLeft = count
            $0.failureStatus = status
        }
    }

    /// Delays the next `count` requests (every request when nil) by `delay`.
    func delay(_ delay: Duration, count: Int?) {
        plan.withLock {
            $0.delay = delay
            $0.delaysLeft = count
        }
    }

    /// Clears every injected fault.
    func reset() {
        plan.withLock { $0 = Plan() }
    }

    /// Consumes the plan for one request.
    func next() -> Action {
        plan.withLock { plan in
            var action = Action(delay: .zero, failureStatus: nil)
            if plan.delay > .zero, plan.delaysLeft.map({ $0 > 0 }) ?? true {
                action.delay = plan.delay
                plan.delaysLeft = plan.delaysLeft.map { $0 - 1 }
            }
            if plan.failuresLeft > 0 {
                plan.failuresLeft -= 1
                action.failureStatus = plan.failureStatus
            }
            return action
        }
    }
}
