import Testing

@testable import SkypeBridgeCore

@Suite("Attribution templates")
struct AttributionTemplateTests {
    @Test func skypeDefaultPutsTheSenderInBrackets() {
        let result = AttributionTemplate.skypeDefault.apply(message: "<b>hi</b>", sender: "alice", format: .skypeRichText)
        #expect(result == "[ alice ] <b>hi</b>")
    }

    @Test func senderIsEscapedForSkype() {
        let result = AttributionTemplate.skypeDefault.apply(message: "hi", sender: "<b>eve</b> & co", format: .skypeRichText)
        #expect(result == "[ &lt;b&gt;eve&lt;/b&gt; &amp; co ] hi")
    }

    @Test func senderIsEscapedForMattermost() {
        let result = AttributionTemplate.mattermostDefault.apply(message: "hi", sender: "*bob*_x", format: .mattermostMarkdown)
        #expect(result == #"**\*bob\*\_x**: hi"#)
    }

    @Test func channelWideMentionInSenderIsNeutralised() {
        let result = AttributionTemplate("{sender}: {message}").apply(message: "hi", sender: "@channel", format: .mattermostMarkdown)
        #expect(result == "@\u{2060}channel: hi")
    }

    @Test func chatPlaceholderIsFilled() {
        let template = AttributionTemplate("{sender} in {chat}: {message}")
        #expect(template.apply(message: "hi", sender: "ann", chat: "Team <1>", format: .skypeRichText) == "ann in Team &lt;1&gt;: hi")
    }

    @Test func unknownPlaceholdersAndBracesStay() {
        let template = AttributionTemplate("{who} {sender} {{message}}")
        #expect(template.apply(message: "m", sender: "s", format: .skypeRichText) == "{who} s {m}")
    }

    @Test func markdownBlockMessageStartsOnItsOwnLine() {
        let result = AttributionTemplate.mattermostDefault.apply(message: "```\ncode\n```", sender: "ann", format: .mattermostMarkdown)
        #expect(result == "**ann**: \n```\ncode\n```")
        #expect(MattermostMarkdown.parse(result).spans.last == .codeBlock("code", language: nil))
    }

    @Test func lineEndsInNamesBecomeSpaces() {
        let result = AttributionTemplate.skypeDefault.apply(message: "m", sender: "a\nb", format: .skypeRichText)
        #expect(result == "[ a b ] m")
    }

    @Test func templateWithoutMessageKeepsItsText() {
        #expect(AttributionTemplate("only {sender}").apply(message: "m", sender: "x", format: .skypeRichText) == "only x")
    }
}
