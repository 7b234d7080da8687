/// Where in a configuration file a section or setting was written.
///
/// Printed as `file:line` (or just `file` when the line is unknown), the prefix of every
/// ``ConfigError`` that comes from a file.
public struct ConfigSourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file name as it was given to the loader (a path or a display name).
    public var file: String
    /// The 1-based line number, when known.
    public var line: Int?

    /// Creates a location in `file`, optionally at `line`.
    public init(file: String, line: Int? = nil) {
        self.file = file
        self.line = line
    }

    /// `file:line`, or `file` alone when the line is unknown.
    public var description: String {
        line.map { "\(file):\($0)" } ?? file
    }
}
