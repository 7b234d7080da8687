import Foundation

/// Writes command output (data, never logs) to stdout, one flushed line at a time.
///
/// A reader that goes away (`skypebridge listen | head -1`) is not an error: writes then throw
/// ``OutputClosed`` and the command wrapper ends with exit code 0.
struct Output: Sendable {
    /// Whether the user asked for JSON (`--json`).
    let json: Bool
    /// Where lines go: stdout, or stderr when stdout carries data such as `--record -` audio.
    var descriptor: Int32 = STDOUT_FILENO

    /// Writes one line of text.
    func line(_ text: String) throws {
        try write(text + "\n")
    }

    /// Writes one JSON document on a single line (NDJSON for streams).
    func jsonLine<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try write(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }

    private func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputClosed()
            }
            offset += written
        }
    }
}

/// Thrown when stdout's reader has gone away; not a failure.
struct OutputClosed: Error {}
