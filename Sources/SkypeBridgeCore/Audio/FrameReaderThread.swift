import Foundation
import Synchronization

/// Runs a ``BlockingFrameReader`` on a dedicated thread (never on the concurrency pool) and
/// queues its frames for a call's pump, which takes them without blocking.
final class FrameReaderThread: Sendable {
    /// What a full queue does.
    enum Overflow: Sendable {
        /// The thread stops reading until a frame is taken (back pressure for pipes and files).
        case wait
        /// The oldest frame is dropped (live capture, where only the newest audio matters).
        case dropOldest
    }

    /// What the queue holds for the pump right now.
    enum Next: Sendable, Equatable {
        /// A frame.
        case frame([Int16])
        /// Nothing yet: the reader is behind (send silence).
        case empty
        /// The input has ended and every frame was taken.
        case ended
    }

    private struct State {
        var frames: [[Int16]] = []
        var ended = false
        var stopped = false
        var failure: AudioError?
    }

    private let state = Mutex(State())
    private let space: DispatchSemaphore
    private let capacity: Int
    private let overflow: Overflow

    private init(capacity: Int, overflow: Overflow) {
        self.capacity = max(1, capacity)
        self.overflow = overflow
        space = DispatchSemaphore(value: overflow == .wait ? self.capacity : 0)
    }

    /// Starts a thread named `name` that first calls `open` (on that thread) and then reads until
    /// the input ends or ``stop()``; returns once `open` has succeeded.
    /// - Throws: the error `open` threw.
    static func start(
        name: String, capacity: Int, overflow: Overflow, source: String,
        open: @escaping @Sendable () throws -> any BlockingFrameReader
    ) async throws -> FrameReaderThread {
        let queue = FrameReaderThread(capacity: capacity, overflow: overflow)
        try await withCheckedThrowingContinuation { (started: CheckedContinuation<Void, any Error>) in
            let thread = Thread { queue.run(open: open, started: started, source: source) }
            thread.name = name
            thread.start()
        }
        return queue
    }

    /// The next queued frame, ``Next/empty`` if none is there yet, or ``Next/ended``.
    /// - Throws: the reader's error once the queued frames are taken.
    func next() throws -> Next {
        let (next, failure) = state.withLock { state -> (Next, AudioError?) in
            if !state.frames.isEmpty { return (.frame(state.frames.removeFirst()), nil) }
            return state.ended ? (.ended, state.failure) : (.empty, nil)
        }
        if case .frame = next, overflow == .wait { space.signal() }
        if let failure { throw failure }
        return next
    }

    /// Asks the thread to stop after its current read and release the reader.
    func stop() {
        state.withLock { $0.stopped = true }
        space.signal()
    }

    private func run(open: @Sendable () throws -> any BlockingFrameReader, started: CheckedContinuation<Void, any Error>, source: String) {
        let reader: any BlockingFrameReader
        do {
            reader = try open()
        } catch {
            started.resume(throwing: error)
            return
        }
        started.resume()
        defer { reader.close() }
        while true {
            if overflow == .wait { space.wait() }
            if state.withLock({ $0.stopped }) { return }
            do {
                guard let frame = try reader.readFrame() else {
                    state.withLock { $0.ended = true }
                    return
                }
                state.withLock { state in
                    state.frames.append(frame)
                    if state.frames.count > capacity { state.frames.removeFirst() }
                }
            } catch {
                state.withLock { state in
                    state.failure = error as? AudioError ?? .readFailed(source: source, message: "\(error)")
                    state.ended = true
                }
                return
            }
        }
    }
}
