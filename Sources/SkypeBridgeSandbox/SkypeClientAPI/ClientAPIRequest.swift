/// One command received from a client, split into its optional `#id` and its words.
///
/// Parsing is liberal: runs of spaces separate words, keywords compare case-insensitively, and
/// ``rest(after:)`` gives the free text at the end of a message (chat bodies, display names).
struct ClientAPIRequest: Sendable {
    /// The command id without `#`, when the command had one.
    let id: String?
    /// The command text without the id prefix.
    let text: String
    /// The words of ``text``.
    let words: [Substring]

    init(_ message: String) {
        var body = Substring(message)
        while body.first == " " { body = body.dropFirst() }
        if body.first == "#", let space = body.firstIndex(of: " ") {
            id = String(body[body.index(after: body.startIndex)..<space])
            body = body[space...].drop(while: { $0 == " " })
        } else {
            id = nil
        }
        text = String(body)
        words = body.split(separator: " ")
    }

    /// The upper-cased word at `index`, or "" past the end.
    func keyword(_ index: Int) -> String {
        index < words.count ? words[index].uppercased() : ""
    }

    /// The word at `index` as written, or "" past the end.
    func word(_ index: Int) -> String {
        index < words.count ? String(words[index]) : ""
    }

    /// Everything after the first `count` words, with the spaces inside it kept.
    func rest(after count: Int) -> String {
        var remainder = Substring(text)
        for _ in 0..<count {
            remainder = remainder.drop(while: { $0 == " " })
            remainder = remainder.drop(while: { $0 != " " })
        }
        return String(remainder.drop(while: { $0 == " " }))
    }
}
