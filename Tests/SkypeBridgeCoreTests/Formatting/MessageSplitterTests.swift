import Testing

@testable import SkypeBridgeCore

@Suite("Message splitting")
struct MessageSplitterTests {
    @Test func shortMessageIsOnePart() {
        #expect(MessageSplitter(format: .mattermostMarkdown).split("hello") == ["hello"])
        #expect(MessageSplitter(format: .skypeRichText).split("<b>hi</b>") == ["<b>hi</b>"])
    }

    @Test func defaultLimitsAreEachSidesMaximum() {
        #expect(MessageSplitter(format: .mattermostMarkdown).limit == 16383)
        #expect(MessageSplitter(format: .skypeRichText).limit == SkypeRichText.maximumMessageLength)
        #expect(MessageSplitter(format: .skypeRichText, limit: 5).limit == MessageSplitter.minimumLimit)
    }

    @Test func markdownSplitsAtLineEnds() {
        let lines = (1...40).map { "line number \($0)" }
        let parts = MessageSplitter(format: .mattermostMarkdown, limit: 100).split(lines.joined(separator: "\n"))
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.unicodeScalars.count <= 100 })
        #expect(parts.joined(separator: "\n") == lines.joined(separator: "\n"))
    }

    @Test func markdownFenceIsClosedAndReopened() {
        let code = (1...30).map { "let value\($0) = \($0)" }.joined(separator: "\n")
        let message = "intro\n```swift\n" + code + "\n```\noutro"
        let parts = MessageSplitter(format: .mattermostMarkdown, limit: 120).split(message)
        #expect(parts.count > 2)
        for part in parts {
            #expect(part.unicodeScalars.count <= 120)
            let fences = part.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("```") }
            #expect(fences.count % 2 == 0, "unbalanced fence in \(part)")
        }
        #expect(parts.dropFirst().first?.hasPrefix("```swift\n") == true)
        let code2 = parts.flatMap { MattermostMarkdown.parse($0).spans }.compactMap { span -> String? in
            if case .codeBlock(let code, _) = span { code } else { nil }
        }
        #expect(code2.joined(separator: "\n") == code)
    }

    @Test func longLineIsCutAtSpaces() {
        let words = Array(repeating: "word", count: 100).joined(separator: " ")
        let parts = MessageSplitter(format: .mattermostMarkdown, limit: 64).split(words)
        #expect(parts.allSatisfy { $0.unicodeScalars.count <= 64 })
        #expect(parts.allSatisfy { !$0.hasPrefix("ord") && !$0.hasSuffix("wor") })
        #expect(parts.joined() == words)
    }

    @Test func cutsNeverSplitGraphemeClusters() {
        let family = "👨‍👩‍👧‍👦"
        let message = String(repeating: family, count: 60)
        for format in [MessageFormat.mattermostMarkdown, .skypeRichText] {
            let parts = MessageSplitter(format: format, limit: 64).split(message)
            #expect(parts.count > 1)
            #expect(parts.allSatisfy { $0.unicodeScalars.count <= 64 && $0.allSatisfy { $0 == Character(family) } })
            #expect(parts.joined() == message)
        }
    }

    @Test func richTextReopensOpenElements() {
        let message = #"<b raw_pre="*" raw_post="*">"# + Array(repeating: "bold words", count: 30).joined(separator: " ") + "</b> end"
        let parts = MessageSplitter(format: .skypeRichText, limit: 100).split(message)
        #expect(parts.count > 2)
        #expect(parts.map { SkypeRichText.parse($0).plainText }.joined() == SkypeRichText.parse(message).plainText)
        for part in parts {
            #expect(part.unicodeScalars.count <= 100)
            #expect(part.hasPrefix("<b raw_pre") || part == parts.last)
            #expect(SkypeRichText.parse(part).spans.allSatisfy { if case .bold = $0 { true } else { [.text(" "), .text("end"), .text(" end")].contains($0) } })
        }
    }

    @Test func richTextNeverCutsTagsEntitiesOrMentions() {
        let unit = #"<at id="8:joe.4">Joe Bloggs</at> &amp; <a href="https://example.com/x">x</a>"#
        let message = Array(repeating: unit, count: 20).joined(separator: " ")
        let parts = MessageSplitter(format: .skypeRichText, limit: 90).split(message)
        var mentions = 0
        for part in parts {
            #expect(part.unicodeScalars.count <= 90)
            let parsed = SkypeRichText.parse(part)
            #expect(!parsed.plainText.contains("<") && !parsed.plainText.contains("&amp"))
            mentions += parsed.spans.filter { if case .mention = $0 { true } else { false } }.count
        }
        #expect(mentions == 20)
    }

    @Test func richTextPrefersLineEnds() {
        let message = (1...20).map { "line \($0) of text" }.joined(separator: "\n")
        let parts = MessageSplitter(format: .skypeRichText, limit: 80).split(message)
        #expect(parts.allSatisfy { !$0.hasPrefix("\n") && $0.unicodeScalars.count <= 80 })
        #expect(parts.joined(separator: "\n") == message)
    }
}
