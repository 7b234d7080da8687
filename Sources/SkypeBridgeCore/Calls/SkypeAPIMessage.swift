/// One message from a Skype client, split liberally: an optional `#id` prefix, then words
/// separated by runs of spaces. ``rest(after:)`` keeps the free text at the end (names, bodies).
struct SkypeAPIMessage: Sendable, Equatable {
    /// The command id without `#`, when the message is a direct reply.
    let id: String?
    /// The message without its id prefix.
    let text: String
    /// The words of ``text``.
    let words: [Substring]

    init(_ raw: String) {
        var body = Substring(raw).drop(while: \.isWhitespace)
        if body.first == "#", let space = body.firstIndex(where: \.isWhitespace) {
            id = String(body[body.index(after: body.startIndex)..<space])
            body = body[space...].drop(while: \.isWhitespace)
        } else {
            id = nil
        }
        while let last = body.last, last.isWhitespace || last == "\0" { body = body.dropLast() }
        text = String(body)
        words = body.split(whereSeparator: \.isWhitespace)
    }

    /// The upper-cased word at `index`, or "" past the end.
    func keyword(_ index: Int) -> String {
        index < words.count ? words[index].uppercased() : ""
    }

    /// Everything after the first `count` words, without the spaces that separate it.
    func rest(after count: Int) -> String {
        var remainder = Substring(text)
        for _ in 0..<count {
            remainder = remainder.drop(while: \.isWhitespace).drop(while: { !$0.isWhitespace })
        }
        return String(remainder.drop(while: \.isWhitespace))
    }

    /// `ERROR <code> <text>` as its parts; nil for other messages.
    var error: (code: Int, message: String)? {
        guard keyword(0) == "ERROR" else { return nil }
        return (words.count > 1 ? Int(words[1]) ?? 0 : 0, rest(after: 2))
    }
}
