@testable import SkypeBridgeCore

/// A canonical flat form of formatted text for comparing conversions: text as runs of characters with
/// their set of styles and link, so that `***x***` read as italic-in-bold equals bold-in-italic, and
/// bold `a⏎b` equals bold `a`, break, bold `b`. Spaces carry no style (Markdown moves them out of
/// emphasis), and a code block's language is ignored (Skype has none).
struct RunForm: Equatable, CustomStringConvertible {
    enum Style: String, Comparable {
        case bold, italic, strike, underline
        static func < (left: Style, right: Style) -> Bool { left.rawValue < right.rawValue }
    }

    enum Item: Equatable {
        case text(String, [Style], link: String?)
        case code(String, [Style], link: String?)
        case lineBreak
        case codeBlock(String)
        case mention(id: String, name: String, [Style], link: String?)
        case emoticon(id: String, text: String, [Style], link: String?)
        case quote(QuoteSource, RunForm)
    }

    var items: [Item] = []

    init(_ text: FormattedText) {
        append(text.spans, styles: [], link: nil)
    }

    init(_ spans: [FormattedText.Span]) {
        append(spans, styles: [], link: nil)
    }

    var description: String { items.map { "\($0)" }.joined(separator: "\n") }

    private mutating func append(_ spans: [FormattedText.Span], styles: Set<Style>, link: String?) {
        let sorted = styles.sorted()
        for span in spans {
            switch span {
            case .text(let text):
                for character in text {
                    let isSpace = character == " " || character == "\t"
                    appendText(String(character), isSpace ? [] : sorted, link: link)
                }
            case .lineBreak: items.append(.lineBreak)
            case .bold(let children): append(children, styles: styles.union([.bold]), link: link)
            case .italic(let children): append(children, styles: styles.union([.italic]), link: link)
            case .strike(let children): append(children, styles: styles.union([.strike]), link: link)
            case .underline(let children): append(children, styles: styles.union([.underline]), link: link)
            case .code(let code): items.append(.code(code, sorted, link: link))
            case .codeBlock(let code, _): items.append(.codeBlock(code))
            case .link(let url, let children): append(children, styles: styles, link: url)
            case .mention(let id, let name): items.append(.mention(id: id, name: name, sorted, link: link))
            case .emoticon(let id, let text): items.append(.emoticon(id: id, text: text, sorted, link: link))
            case .quote(let source, let children): items.append(.quote(source, RunForm(children)))
            }
        }
    }

    private mutating func appendText(_ text: String, _ styles: [Style], link: String?) {
        if case .text(let previous, let previousStyles, let previousLink)? = items.last, previousStyles == styles,
            previousLink == link
        {
            items[items.count - 1] = .text(previous + text, styles, link: link)
        } else {
            items.append(.text(text, styles, link: link))
        }
    }
}
