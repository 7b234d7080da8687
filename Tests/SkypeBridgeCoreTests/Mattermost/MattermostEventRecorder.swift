import Foundation
@testable import SkypeBridgeCore
import Testing

/// Iterates a ``MattermostEventStream`` in the background and records every event, so tests can
/// wait for a condition on what arrived so far.
final class MattermostEventRecorder: Sendable {
    private actor Log {
        var events: [MattermostEvent] = []
        func append(_ event: MattermostEvent) { events.append(event) }
    }

    private let log = Log()
    private let task: Task<Void, Never>

    init(_ stream: MattermostEventStream) {
        let log = log
        task = Task {
            for await event in stream { await log.append(event) }
        }
    }

    /// Every event so far.
    var events: [MattermostEvent] {
        get async { await log.events }
    }

    /// Waits until `condition` holds for the events so far and returns them; records an issue and
    /// returns what arrived when `timeout` passes first.
    @discardableResult
    func wait(
        timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation, until condition: @Sendable ([MattermostEvent]) -> Bool
    ) async -> [MattermostEvent] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let events = await log.events
            if condition(events) { return events }
            try? await Task.sleep(for: .milliseconds(20))
        }
        let events = await log.events
        Issue.record("condition not met within \(timeout); events: \(events)", sourceLocation: sourceLocation)
        return events
    }

    /// Waits for the iteration to end (after the stream was closed).
    func finished() async {
        await task.value
    }
}

extension MattermostEvent {
    /// The post of a post event.
    var post: MattermostPost? {
        switch self {
        case .posted(let post), .postEdited(let post), .postDeleted(let post): post
        default: nil
        }
    }
}

/// Waits until `stream` reports a registered socket.
func waitUntilConnected(_ stream: MattermostEventStream, timeout: Duration = .seconds(30)) async throws {
    let deadline = ContinuousClock.now + timeout
    while !stream.isConnected {
        guard ContinuousClock.now < deadline else { throw MattermostError.transport("stream did not connect within \(timeout)") }
        try await Task.sleep(for: .milliseconds(10))
    }
}
