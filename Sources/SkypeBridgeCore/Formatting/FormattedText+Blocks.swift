extension FormattedText.Span {
    /// Whether the span is a block (a code block or a quote), which implies line boundaries around it.
    var isBlock: Bool {
        switch self {
        case .codeBlock, .quote: true
        default: false
        }
    }
}

extension FormattedText {
    /// Drops the one line break that markup places on each side of a block, since a block implies it.
    /// A line break between two blocks belongs to the first one.
    static func absorbingBlockBoundaries(_ spans: [Span]) -> [Span] {
        guard spans.contains(where: \.isBlock) else { return spans }
        var absorbed = [Bool](repeating: false, count: spans.count)
        for index in spans.indices where spans[index].isBlock {
            if index + 1 < spans.count, spans[index + 1] == .lineBreak { absorbed[index + 1] = true }
        }
        for index in spans.indices where spans[index].isBlock {
            if index > 0, spans[index - 1] == .lineBreak, !absorbed[index - 1] { absorbed[index - 1] = true }
        }
        return spans.indices.filter { !absorbed[$0] }.map { spans[$0] }
    }
}

extension FormattedText.Span {
    /// The same span with a new list of children, for spans that have children.
    func replacingChildren(_ children: [FormattedText.Span]) -> FormattedText.Span {
        switch self {
        case .bold: .bold(children)
        case .italic: .italic(children)
        case .strike: .strike(children)
        case .underline: .underline(children)
        case .link(let url, _): .link(url: url, children: children)
        case .quote(let source, _): .quote(source, children)
        default: self
        }
    }

    /// The children of a span that has them.
    var children: [FormattedText.Span]? {
        switch self {
        case .bold(let children), .italic(let children), .strike(let children), .underline(let children),
            .link(_, let children), .quote(_, let children):
            children
        default: nil
        }
    }
}

extension FormattedText {
    /// Moves blocks out of inline spans (bold, links, …) so that blocks sit only at the top level or directly in
    /// a quote: `<b>a<pre>x\ny</pre>b</b>` becomes bold a, the code block, bold b.
    static func hoistingBlocks(_ spans: [Span]) -> [Span] {
        var result: [Span] = []
        result.reserveCapacity(spans.count)
        for span in spans {
            guard let children = span.children else {
                result.append(span)
                continue
            }
            let inner = hoistingBlocks(children)
            if case .quote = span {
                result.append(span.replacingChildren(inner))
                continue
            }
            guard inner.contains(where: \.isBlock) else {
                result.append(span.replacingChildren(inner))
                continue
            }
            var run: [Span] = []
            var afterBlock = false
            for child in inner {
                if child.isBlock {
                    if run.last == .lineBreak { run.removeLast() }
                    if !run.isEmpty { result.append(span.replacingChildren(run)) }
                    run.removeAll()
                    result.append(child)
                    afterBlock = true
                } else {
                    if !(afterBlock && child == .lineBreak && run.isEmpty) { run.append(child) }
                    afterBlock = false
                }
            }
            if !run.isEmpty { result.append(span.replacingChildren(run)) }
        }
        return result
    }
}

extension FormattedText {
    /// Splits inline spans into lines at every line break, repeating the formatting on each line:
    /// bold `a⏎b` becomes bold `a` on one line and bold `b` on the next.
    static func splittingLines(_ spans: [Span]) -> [[Span]] {
        var lines: [[Span]] = [[]]
        for span in spans {
            if span == .lineBreak {
                lines.append([])
            } else if let children = span.children {
                for (index, line) in splittingLines(children).enumerated() {
                    if index > 0 { lines.append([]) }
                    if !line.isEmpty { lines[lines.count - 1].append(span.replacingChildren(line)) }
                }
            } else {
                lines[lines.count - 1].append(span)
            }
        }
        return lines
    }
}
