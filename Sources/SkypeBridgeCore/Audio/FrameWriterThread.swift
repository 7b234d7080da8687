import Foundation
import Synchronization

/// Runs a ``BlockingFrameWriter`` on a dedicated thread (never on the concurrency pool), fed
/// through a ``JitterBuffer`` by a call's receive path, which never blocks.
///
/// A *paced* writer (a speaker, whose blocking writes keep real time) writes silence whenever the
/// buffer has nothing to play; an unpaced one (a pipe) sleeps until a frame arrives.
final class FrameWriterThread: Sendable {
    private struct State {
        var buffer: JitterBuffer
        var finishing = false
        var finished = false
        var failure: AudioError?
        var waiters: [CheckedContinuation<Void, any Error>] = []
    }

    private let state: Mutex<State>
    private let frameArrived = DispatchSemaphore(value: 0)
    private let paced: Bool
    private let destination: String

    private init(buffer: JitterBuffer, paced: Bool, destination: String) {
        state = Mutex(State(buffer: buffer))
        self.paced = paced
        self.destination = destination
    }

    /// Starts a thread named `name` that first calls `open` (on that thread) and then writes the
    /// frames handed to ``enqueue(_:)``; returns once `open` has succeeded.
    /// - Throws: the error `open` threw.
    static func start(
        name: String, buffer: JitterBuffer, paced: Bool, destination: String,
        open: @escaping @Sendable () throws -> any BlockingFrameWriter
    ) async throws -> FrameWriterThread {
        let writer = FrameWriterThread(buffer: buffer, paced: paced, destination: destination)
        try await withCheckedThrowingContinuation { (started: CheckedContinuation<Void, any Error>) in
            let thread = Thread { writer.run(open: open, started: started) }
            thread.name = name
            thread.start()
        }
        return writer
    }

    /// Queues a frame for the thread.
    /// - Throws: the writer's error, once it has failed.
    func enqueue(_ frame: [Int16]) throws {
        let failure = state.withLock { state in
            if state.failure == nil && !state.finishing { state.buffer.push(frame) }
            return state.failure
        }
        if let failure { throw failure }
        frameArrived.signal()
    }

    /// Writes what is still queued, drains and closes the writer, and waits for the thread to end.
    /// - Throws: the writer's error, if it failed.
    func finish() async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            let result = state.withLock { state -> Result<Void, any Error>? in
                guard !state.finished else { return state.failure.map { .failure($0) } ?? .success(()) }
                state.finishing = true
                state.waiters.append(done)
                return nil
            }
            frameArrived.signal()
            if let result { done.resume(with: result) }
        }
    }

    /// Ends the thread without waiting (the owner is gone).
    func stop() {
        state.withLock { $0.finishing = true }
        frameArrived.signal()
    }

    /// Underruns and dropped frames counted by the jitter buffer so far.
    var statistics: (underruns: Int, dropped: Int) {
        state.withLock { ($0.buffer.underruns, $0.buffer.dropped) }
    }

    private func run(open: @Sendable () throws -> any BlockingFrameWriter, started: CheckedContinuation<Void, any Error>) {
        let writer: any BlockingFrameWriter
        do {
            writer = try open()
        } catch {
            started.resume(throwing: error)
            return
        }
        started.resume()
        let silence = [Int16](repeating: 0, count: CallAudioFormat.frameSamples)
        var failure: AudioError?
        do {
            while true {
                if !paced { frameArrived.wait() }
                let (frame, finishing) = state.withLock { state -> ([Int16]?, Bool) in
                    state.finishing ? (nil, true) : (state.buffer.pop(), false)
                }
                if finishing { break }
                if let frame {
                    try writer.writeFrame(frame)
                } else if paced {
                    try writer.writeFrame(silence)
                }
            }
            for frame in state.withLock({ $0.buffer.drain() }) { try writer.writeFrame(frame) }
            try writer.drainAndClose()
        } catch {
            failure = error as? AudioError ?? .writeFailed(destination: destination, message: "\(error)")
            try? writer.drainAndClose()
        }
        let waiters = state.withLock { state in
            state.finished = true
            state.failure = failure
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters {
            if let failure { waiter.resume(throwing: failure) } else { waiter.resume() }
        }
    }
}
