/// One key press detected in received audio.
public struct DTMFEvent: Sendable, Equatable {
    /// The key: 0-9, `*`, `#` or A-D.
    public var digit: Character
    /// When the tone started, measured from the start of the received audio.
    public var offset: Duration

    /// An event for `digit` at `offset`.
    public init(digit: Character, offset: Duration) {
        self.digit = digit
        self.offset = offset
    }
}
