import Foundation
import Synchronization

/// Reads a pipe on a thread of its own, never on the Swift concurrency pool (whose few threads
/// a blocking read would starve on a 2-core machine).
enum PipeReader {
    /// Everything until end of file.
    static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: handle.readDataToEndOfFile())
            }
        }
    }

    /// Appends chunks to `buffer` as they arrive; resumes when the pipe closes.
    static func collect(_ handle: FileHandle, into buffer: CapturedBytes) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    buffer.bytes.withLock { $0.append(chunk) }
                }
                continuation.resume()
            }
        }
    }
}

/// Bytes appended by a reader thread and read by the test.
final class CapturedBytes: Sendable {
    let bytes = Mutex(Data())
}
