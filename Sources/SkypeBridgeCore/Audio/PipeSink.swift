import Foundation

/// A call's received audio as raw s16le 16 kHz mono on a pipe (stdout by default), e.g. into sox.
///
/// Frames are written by a dedicated thread, so a slow reader never stalls the call; a reader
/// more than ten seconds behind loses that backlog.
public final class PipeSink: AudioFrameSink {
    private let writer: FrameWriterThread

    /// Starts a writer for `descriptor` (not closed by the sink), called `name` in errors.
    public init(descriptor: Int32 = STDOUT_FILENO, name: String = "standard output") async throws {
        writer = try await FrameWriterThread.start(
            name: "skypebridge pipe out", buffer: JitterBuffer(targetDepth: 1, maximumDepth: 500), paced: false, destination: name
        ) {
            DescriptorFrameIO(descriptor: descriptor, name: name)
        }
    }

    deinit {
        writer.stop()
    }

    /// Queues one frame for the pipe.
    /// - Throws: ``AudioError/writeFailed(destination:message:)`` once the pipe has failed (its reader left).
    public func write(_ frame: [Int16]) async throws {
        try writer.enqueue(frame)
    }

    /// Writes every queued frame and waits until they are in the pipe.
    public func finish() async throws {
        try await writer.finish()
    }
}
