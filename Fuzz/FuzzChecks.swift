// Invariants both fuzz targets check on every input. Compiled together with the Formatting sources.

/// Tags the RichText renderer may write.
let allowedSkypeTags: Set<String> = ["b", "i", "s", "u", "pre", "a", "at", "ss", "quote", "legacyquote"]

/// Stops the run when rendered RichText holds a tag the renderer never writes, a `<` that is not a tag,
/// or a link target that the link policy refuses.
func checkRichTextIsSafe(_ markup: String) {
    let bytes = Array(markup.utf8)
    var index = 0
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "<") {
            guard let tag = MarkupTag.read(in: bytes, at: index) else { fatalError("stray < in rendered RichText: \(markup)") }
            precondition(allowedSkypeTags.contains(tag.name), "unexpected tag \(tag.name) in \(markup)")
            if tag.name == "a", tag.kind == .start {
                precondition(tag.attribute("href").flatMap(LinkPolicy.sanitized) != nil, "unsafe href in \(markup)")
            }
            index = tag.end
        } else {
            precondition(bytes[index] != UInt8(ascii: ">"), "stray > in rendered RichText: \(markup)")
            index += 1
        }
    }
}

/// Stops the run when a part of a split message is longer than the limit. Only inputs up to 256 bytes are
/// split (at a 64-scalar limit, so still into several parts), which keeps the targets fast enough for a
/// million runs.
func checkSplitting(_ message: String, format: MessageFormat) {
    guard message.utf8.count <= 256 else { return }
    let splitter = MessageSplitter(format: format, limit: 64)
    let parts = splitter.split(message)
    for part in parts {
        precondition(part.unicodeScalars.count <= 64, "part longer than the limit: \(part)")
    }
    if message.unicodeScalars.count <= 64 { precondition(parts == [message], "a short message was split") }
}
