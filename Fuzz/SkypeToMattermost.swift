// libFuzzer target: arbitrary bytes read as Skype RichText, written as Markdown and back as RichText.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSkypeToMattermost(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parsed = SkypeRichText.parse(input)
    let markdown = MattermostMarkdown.render(parsed)
    let reparsed = MattermostMarkdown.parse(markdown)
    checkRichTextIsSafe(SkypeRichText.render(parsed))
    checkRichTextIsSafe(SkypeRichText.render(reparsed))
    checkSplitting(markdown, format: .mattermostMarkdown)
    checkSplitting(input, format: .skypeRichText)
    return 0
}
