// libFuzzer target: arbitrary bytes read as Markdown, written as Skype RichText and back as Markdown.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMattermostToSkype(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let mentions = MentionResolver(skypeToMattermost: ["8:joe.4": "joe"], mattermostToSkype: ["joe": .init(id: "8:joe.4", name: "Joe")])
    let parsed = MattermostMarkdown.parse(input, mentions: mentions)
    let richText = SkypeRichText.render(parsed)
    checkRichTextIsSafe(richText)
    let reparsed = SkypeRichText.parse(richText)
    _ = MattermostMarkdown.render(reparsed, options: MattermostRenderOptions(mentions: mentions))
    checkSplitting(richText, format: .skypeRichText)
    checkSplitting(input, format: .mattermostMarkdown)
    return 0
}
