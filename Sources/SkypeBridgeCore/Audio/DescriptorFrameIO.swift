import Foundation

/// Raw s16le frames read from or written to a file descriptor (a pipe, stdin, stdout), with
/// blocking system calls; used only on the dedicated threads of ``PipeSource`` and ``PipeSink``.
final class DescriptorFrameIO: BlockingFrameReader, BlockingFrameWriter {
    private let descriptor: Int32
    private let name: String

    /// Frames through `descriptor`, called `name` in errors; the descriptor is not closed.
    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// The next 640 bytes as samples; a short final piece is padded with silence; `nil` at end of input.
    func readFrame() throws -> [Int16]? {
        var frame = [Int16](repeating: 0, count: CallAudioFormat.frameSamples)
        let wanted = CallAudioFormat.frameBytes
        var filled = 0
        try frame.withUnsafeMutableBytes { buffer in
            while filled < wanted {
                let count = read(descriptor, buffer.baseAddress! + filled, wanted - filled)
                if count == 0 { break }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw AudioError.readFailed(source: name, message: String(cString: strerror(errno)))
                }
                filled += count
            }
        }
        guard filled > 0 else { return nil }
        return frame.map { Int16(littleEndian: $0) }
    }

    /// Writes the frame's bytes completely.
    func writeFrame(_ frame: [Int16]) throws {
        let bytes = frame.map { $0.littleEndian }
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw AudioError.writeFailed(destination: name, message: String(cString: strerror(errno)))
                }
                done += count
            }
        }
    }

    /// Nothing to release: the descriptor belongs to the caller.
    func close() {}

    /// Nothing to drain: writes are complete when they return.
    func drainAndClose() throws {}
}
