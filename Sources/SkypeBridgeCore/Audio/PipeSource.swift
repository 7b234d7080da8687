import Foundation

/// Raw s16le 16 kHz mono audio from a pipe (stdin by default) into a call, e.g. from sox or ffmpeg.
///
/// A dedicated thread reads ahead up to half a second and then waits, so a producer faster than
/// real time (a file converter) is held back rather than dropped. When the producer is behind, the
/// call gets silence; at end of input ``nextFrame()`` returns `nil`.
public final class PipeSource: AudioFrameSource {
    private let reader: FrameReaderThread

    /// Starts reading `descriptor` (not closed by the source), called `name` in errors.
    public init(descriptor: Int32 = STDIN_FILENO, name: String = "standard input") async throws {
        reader = try await FrameReaderThread.start(name: "skypebridge pipe in", capacity: 25, overflow: .wait, source: name) {
            DescriptorFrameIO(descriptor: descriptor, name: name)
        }
    }

    deinit {
        reader.stop()
    }

    /// The next frame, silence if the producer is behind, or `nil` once its input has ended.
    /// - Throws: ``AudioError/readFailed(source:message:)``.
    public func nextFrame() async throws -> [Int16]? {
        switch try reader.next() {
        case let .frame(frame): frame
        case .empty: [Int16](repeating: 0, count: CallAudioFormat.frameSamples)
        case .ended: nil
        }
    }
}
