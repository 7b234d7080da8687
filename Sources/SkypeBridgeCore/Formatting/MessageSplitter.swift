/// Splits a rendered message that is too long for one post into parts that each fit.
///
/// Lengths are counted in Unicode scalars (Mattermost's runes). Parts end at line ends where possible,
/// else at spaces, and never inside a grapheme cluster. Markdown code fences are closed at the end of a
/// part and opened again (with their language) in the next; Skype RichText parts close the elements that
/// are open and open them again, and never cut inside a tag, an entity, a mention or an emoticon. The line
/// end where a message is cut is dropped.
public struct MessageSplitter: Sendable, Hashable {
    /// The smallest limit accepted; smaller limits are raised to it so that reopened markup still fits.
    public static let minimumLimit = 64

    /// The markup of the messages.
    public var format: MessageFormat
    /// The longest part, in Unicode scalars.
    public var limit: Int

    /// Creates a splitter; the limit defaults to the side's maximum (`MattermostMarkdown.maximumPostLength`
    /// or `SkypeRichText.maximumMessageLength`) and is at least `minimumLimit`.
    public init(format: MessageFormat, limit: Int? = nil) {
        self.format = format
        let fallback = format == .mattermostMarkdown ? MattermostMarkdown.maximumPostLength : SkypeRichText.maximumMessageLength
        self.limit = max(limit ?? fallback, Self.minimumLimit)
    }

    /// The message in parts of at most `limit` scalars (one part when it fits).
    public func split(_ message: String) -> [String] {
        guard message.unicodeScalars.count > limit else { return [message] }
        let parts: [String]
        switch format {
        case .mattermostMarkdown: parts = MarkdownSplitter(limit: limit).split(message)
        case .skypeRichText: parts = RichTextSplitter(limit: limit).split(message)
        }
        return parts.flatMap { Self.hardCut($0, limit: limit) }.filter { !$0.isEmpty }
    }

    /// Cuts text at grapheme boundaries into pieces of at most `limit` scalars: the last resort when
    /// markup alone is longer than a part may be.
    static func hardCut(_ text: String, limit: Int) -> [String] {
        guard text.unicodeScalars.count > limit else { return [text] }
        var pieces: [String] = []
        var current = ""
        var size = 0
        for character in text {
            let count = character.unicodeScalars.count
            if size + count > limit, !current.isEmpty {
                pieces.append(current)
                current = ""
                size = 0
            }
            if count > limit {
                pieces.append(contentsOf: hardCutScalars(character, limit: limit))
                continue
            }
            current.append(character)
            size += count
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// A single grapheme longer than a part (thousands of combining marks) can only be cut between scalars.
    private static func hardCutScalars(_ character: Character, limit: Int) -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in character.unicodeScalars {
            if current.count == limit {
                pieces.append(String(current))
                current = String.UnicodeScalarView()
            }
            current.append(scalar)
        }
        if !current.isEmpty { pieces.append(String(current)) }
        return pieces
    }
}
