import PropertyBased
import Testing

@testable import SkypeBridgeCore

/// Round trips over random messages of the subset both markups carry. Inputs are seeds for
/// `RandomMessage`, so a failure's reported seed rebuilds the same message.
@Suite("Round-trip properties")
struct RoundTripPropertyTests {
    static let seeds = Gen.int(in: 0...Int.max).map { UInt64($0) }

    @Test func skypeRichTextReadsBackWhatItWrites() async {
        await propertyCheck(count: 400, input: Self.seeds) { seed in
            var random = RandomMessage(seed: seed)
            let message = random.message(forMattermost: false)
            let markup = SkypeRichText.render(message)
            #expect(RunForm(SkypeRichText.parse(markup)) == RunForm(message), "\(markup)")
        }
    }

    @Test func mattermostMarkdownReadsBackWhatItWrites() async {
        let options = MattermostRenderOptions(mentions: RandomMessage.mentions)
        await propertyCheck(count: 400, input: Self.seeds) { seed in
            var random = RandomMessage(seed: seed)
            let message = random.message(forMattermost: true)
            let markdown = MattermostMarkdown.render(message, options: options)
            #expect(RunForm(MattermostMarkdown.parse(markdown, mentions: RandomMessage.mentions)) == RunForm(message), "\(markdown)")
        }
    }

    @Test func skypeToMattermostAndBackKeepsTheMessage() async {
        let options = MattermostRenderOptions(mentions: RandomMessage.mentions)
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            var random = RandomMessage(seed: seed)
            let markup = SkypeRichText.render(random.message(forMattermost: true))
            let markdown = MattermostMarkdown.render(SkypeRichText.parse(markup), options: options)
            #expect(SkypeRichText.render(MattermostMarkdown.parse(markdown, mentions: RandomMessage.mentions)) == markup)
        }
    }

    @Test func plainTextNeverBecomesMarkdown() async {
        await propertyCheck(count: 500, input: Self.seeds) { seed in
            var random = RandomMessage(seed: seed)
            let text = random.nastyText()
            let spans = Self.plainSpans(text)
            let markdown = MattermostMarkdown.render(FormattedText(spans))
            #expect(MattermostMarkdown.parse(markdown).spans == spans, "\(markdown)")
        }
    }

    @Test func plainTextNeverBecomesRichText() async {
        await propertyCheck(count: 500, input: Self.seeds) { seed in
            var random = RandomMessage(seed: seed)
            let spans = Self.plainSpans(random.nastyText())
            #expect(SkypeRichText.parse(SkypeRichText.render(FormattedText(spans))).spans == spans)
        }
    }

    @Test func splitPartsFitTheLimit() async {
        await propertyCheck(count: 200, input: Self.seeds, Gen.int(in: 64...300)) { seed, limit in
            var random = RandomMessage(seed: seed)
            let message = FormattedText((0..<6).flatMap { _ in random.message(forMattermost: false).spans + [.lineBreak] })
            for (format, text) in [(MessageFormat.skypeRichText, SkypeRichText.render(message)), (.mattermostMarkdown, MattermostMarkdown.render(message))] {
                let parts = MessageSplitter(format: format, limit: limit).split(text)
                #expect(parts.allSatisfy { $0.unicodeScalars.count <= limit })
                #expect(parts.joined().filter { !$0.isWhitespace }.count >= text.filter { !$0.isWhitespace }.count)
            }
        }
    }

    /// Text as spans: line ends become breaks.
    static func plainSpans(_ text: String) -> [FormattedText.Span] {
        var spans: [FormattedText.Span] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { spans.append(.lineBreak) }
            if !line.isEmpty { spans.append(.text(String(line))) }
        }
        return spans
    }
}
