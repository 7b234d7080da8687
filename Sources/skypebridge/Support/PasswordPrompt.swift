import Foundation
import SkypeBridgeCore

/// Reading a secret from the terminal without echoing it, or from the first line of stdin.
enum PasswordPrompt {
    /// Prompts on stderr and reads one line from the terminal with echo off.
    static func read(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        let isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if isTerminal {
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        }
        defer {
            if isTerminal {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        return readLine(strippingNewline: true) ?? ""
    }

    /// The first line of stdin (`--password-stdin`), without its newline.
    static func firstLineOfStdin() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationFailure("--password-stdin: stdin had no password on its first line")
        }
        return line
    }
}

/// A problem with what the user handed in, reported as a data error (exit 65).
struct ValidationFailure: Error, CustomStringConvertible, CategorizedError {
    let description: String
    init(_ description: String) { self.description = description }
    var category: ErrorCategory { .dataError }
}
