@testable import SkypeBridgeCore

/// Builds random messages of the subset both markups carry exactly, from a seed (SplitMix64), so that a
/// failing seed reported by the property test reproduces the same message.
struct RandomMessage {
    static let mentions = MentionResolver(
        skypeToMattermost: ["8:joe.4": "joe", "8:ann.lee": "ann.lee"],
        mattermostToSkype: ["joe": .init(id: "8:joe.4", name: "Joe Bloggs"), "ann.lee": .init(id: "8:ann.lee", name: "Ann Lee")])

    private static let words = [
        "alpha", "Beta", "x1", "café", "straße", "東京", "שלום", "مرحبا", "👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "a", "Zz9", "naïve",
    ]
    private static let codeWords = ["x", "a*b", "c_d", "<tag>", "&amp;", "1 < 2", "[i]", "~t~", "p`q", "#h"]
    private static let people: [(String, String)] = [("8:joe.4", "Joe Bloggs"), ("8:ann.lee", "Ann Lee")]

    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    private mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    private mutating func pick<T>(_ values: [T]) -> T {
        values[below(values.count)]
    }

    /// A message of a few lines and blocks; `forMattermost` leaves out what Markdown cannot carry
    /// (underline, quote author ids).
    mutating func message(forMattermost: Bool) -> FormattedText {
        var spans: [FormattedText.Span] = []
        for index in 0..<(1 + below(4)) {
            switch below(6) {
            case 0:
                let code = (0..<(1 + below(3))).map { _ in pick(Self.codeWords) }.joined(separator: "\n")
                spans.append(.codeBlock(code, language: nil))
            case 1:
                let name = below(3) == 0 ? nil : pick(["Joe Bloggs", "Ann *Lee*", "שרה"])
                let source = QuoteSource(
                    authorID: forMattermost || name == nil ? nil : "joe.4", authorName: name,
                    conversation: forMattermost || name == nil ? nil : "joe.4",
                    timestamp: name != nil && below(2) == 0 ? Int64(below(2_000_000_000)) : nil)
                spans.append(.quote(source, line(depth: 0, forMattermost: forMattermost)))
            default:
                if index > 0, spans.last?.isBlock == false { spans.append(.lineBreak) }
                spans += line(depth: 0, forMattermost: forMattermost)
            }
        }
        return FormattedText(spans)
    }

    /// One line: items separated by spaces, starting and ending with a word.
    private mutating func line(depth: Int, forMattermost: Bool) -> [FormattedText.Span] {
        var spans: [FormattedText.Span] = [.text(pick(Self.words))]
        for _ in 0..<below(4) {
            spans.append(.text(" "))
            spans.append(item(depth: depth, forMattermost: forMattermost))
            spans.append(.text(" " + pick(Self.words)))
        }
        return spans
    }

    private mutating func item(depth: Int, forMattermost: Bool) -> FormattedText.Span {
        let choice = below(depth < 2 ? 9 : 5)
        switch choice {
        case 0: return .code(pick(Self.codeWords))
        case 1:
            let person = pick(Self.people)
            return .mention(id: person.0, name: person.1)
        case 2:
            let entry = pick(Emoticons.all)
            return .emoticon(id: entry.id, text: entry.shortcuts[0])
        case 3: return .link(url: "https://example.com/" + pick(["a", "b/c", "d?e=1&f=2", "%41"]), children: [.text(pick(Self.words))])
        case 4: return .text(pick(Self.words))
        case 5: return .bold(line(depth: depth + 1, forMattermost: forMattermost))
        case 6: return .italic(line(depth: depth + 1, forMattermost: forMattermost))
        case 7: return .strike(line(depth: depth + 1, forMattermost: forMattermost))
        default: return forMattermost ? .bold(line(depth: depth + 1, forMattermost: true)) : .underline(line(depth: depth + 1, forMattermost: false))
        }
    }

    /// Plain text from an alphabet full of characters that mean something in one of the markups.
    mutating func nastyText() -> String {
        let alphabet = Array("*_~`[]()<>&#;@!\\|-+=.0123456789 abcXYZ\"'/\n{}é👍🏽")
        return String((0..<below(60)).map { _ in pick(alphabet) })
    }
}
