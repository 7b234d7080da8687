import Foundation

/// The text of a message from the command line or stdin.
enum MessageBody {
    /// The arguments joined by spaces; stdin when they are empty or `-` and stdin is not a terminal.
    /// One trailing newline of stdin is dropped (what `echo` adds); everything else is kept.
    static func read(arguments: [String]) throws -> String {
        let fromStdin = arguments.isEmpty || arguments == ["-"]
        guard fromStdin else { return arguments.joined(separator: " ") }
        guard isatty(STDIN_FILENO) == 0 else {
            throw ValidationFailure("no message: give TEXT, or pipe it on stdin")
        }
        var text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        if text.hasSuffix("\r\n") { text.removeLast(1) } else if text.hasSuffix("\n") { text.removeLast() }
        guard !text.isEmpty else { throw ValidationFailure("no message: stdin was empty") }
        return text
    }
}
