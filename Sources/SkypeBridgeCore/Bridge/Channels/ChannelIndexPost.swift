/// The text of the index post (seed 000's "crossroads"): every bridged chat with a `~channel`
/// link, sorted by display name. Pure, so the same links always give the same text.
///
/// A long index is split into pages below the server's post limit; the first page is the post
/// in the index channel and the others are replies in its thread.
public enum ChannelIndexPost {
    /// The most runes one page holds (the server allows 16383).
    public static let pageLimit = 16_000

    /// The pages listing `entries`.
    public static func pages(_ entries: [ChannelLinkStore.Entry], pageLimit: Int = pageLimit) -> [String] {
        let sorted = entries.sorted {
            let left = ($0.displayName.lowercased(), $0.link.channelName)
            let right = ($1.displayName.lowercased(), $1.link.channelName)
            return left < right
        }
        let title = "#### Skype chats bridged to Mattermost (\(entries.count))"
        guard !sorted.isEmpty else { return [title + "\n\nNo Skype chats are bridged yet; run `skypebridge channels sync`."] }
        var pages: [String] = []
        var page = title + "\n"
        var pageRunes = page.unicodeScalars.count
        for entry in sorted {
            let line = "\n- ~\(entry.link.channelName) \(escaped(entry.displayName)) (`\(entry.link.chat.rawValue)`)"
            let runes = line.unicodeScalars.count
            if pageRunes + runes > pageLimit {
                pages.append(page)
                page = "(continued)\n"
                pageRunes = page.unicodeScalars.count
            }
            page += line
            pageRunes += runes
        }
        pages.append(page)
        return pages
    }

    /// `text` on one line with Markdown's special characters escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isNewline {
                result.append(" ")
            } else {
                if "\\`*_~[]#|<>".contains(character) { result.append("\\") }
                result.append(character)
            }
        }
        return result
    }
}
