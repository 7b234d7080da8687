/// A template that puts the sender's name in front of a relayed message, such as `[ {sender} ] {message}`.
///
/// Placeholders: `{sender}` (who wrote the message), `{message}` (the message, already written in the
/// target markup), `{chat}` (the name of the chat it comes from). Other text of the template is markup of
/// the target format and is kept as it is, so a Mattermost template may use `**{sender}**`. The sender and
/// chat names are escaped for the target format; unknown placeholders stay as written.
public struct AttributionTemplate: Sendable, Hashable {
    /// The template as written.
    public let template: String

    /// The default for messages posted on Skype, as in seed 000: `[ {sender} ] {message}`.
    public static let skypeDefault = AttributionTemplate("[ {sender} ] {message}")
    /// The default for messages posted on Mattermost: `**{sender}**: {message}`.
    public static let mattermostDefault = AttributionTemplate("**{sender}**: {message}")

    private enum Piece: Sendable, Hashable {
        case literal(String)
        case sender
        case message
        case chat
    }

    private let pieces: [Piece]

    /// Creates a template from its text.
    public init(_ template: String) {
        self.template = template
        var pieces: [Piece] = []
        var literal = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let tail = rest[open...]
            let placeholder: Piece? =
                tail.hasPrefix("{sender}") ? .sender : tail.hasPrefix("{message}") ? .message : tail.hasPrefix("{chat}") ? .chat : nil
            if let placeholder {
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(placeholder)
                rest = tail[(tail.firstIndex(of: "}").map { tail.index(after: $0) } ?? tail.endIndex)...]
            } else {
                literal.append("{")
                rest = tail.dropFirst()
            }
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// The message with the template applied.
    /// - Parameters:
    ///   - message: the message, already rendered in `format`.
    ///   - sender: the sender's display name, as plain text.
    ///   - chat: the chat's name, as plain text.
    ///   - format: the markup of the target side; names are escaped for it.
    ///   - options: for Mattermost, whether channel-wide mentions in names may stay.
    public func apply(
        message: String, sender: String, chat: String = "", format: MessageFormat,
        options: MattermostRenderOptions = MattermostRenderOptions()
    ) -> String {
        var output = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): output += text
            case .sender: output += Self.escape(sender, format: format, options: options)
            case .chat: output += Self.escape(chat, format: format, options: options)
            case .message:
                if format == .mattermostMarkdown, !output.isEmpty, output.last != "\n", Self.startsWithBlock(message) {
                    output += "\n"
                }
                output += message
            }
        }
        return output
    }

    private static func escape(_ name: String, format: MessageFormat, options: MattermostRenderOptions) -> String {
        let flattened = name.replacingLineEnds()
        switch format {
        case .skypeRichText:
            return SkypeRichText.render(FormattedText([.text(flattened)]))
        case .mattermostMarkdown:
            return MattermostMarkdown.render(FormattedText([.text(flattened)]), options: options)
        }
    }

    /// Whether Markdown starts with a block that must begin a line (a fence or a quote).
    private static func startsWithBlock(_ markdown: String) -> Bool {
        let trimmed = markdown.drop { $0 == " " }
        return trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") || trimmed.hasPrefix(">")
    }
}

extension String {
    /// The string with every line end replaced by a space, for names shown on one line.
    func replacingLineEnds() -> String {
        guard contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return self }
        return String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
