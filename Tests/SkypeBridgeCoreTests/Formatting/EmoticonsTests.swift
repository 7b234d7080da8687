import Testing

@testable import SkypeBridgeCore

@Suite("Emoticon table")
struct EmoticonsTests {
    /// Every id of the Skype protocol notes, §6.5.
    static let documentedIDs = [
        "smile", "sad", "laugh", "cool", "surprised", "wink", "cry", "sweat", "speechless", "kiss", "tongueout", "blush",
        "wonder", "sleepy", "dull", "inlove", "eg", "yawn", "puke", "doh", "angry", "wasntme", "party", "worry", "mmm",
        "nerdy", "lipssealed", "devil", "angel", "envy", "think", "rofl", "happy", "smirk", "nod", "shake", "waiting",
        "emo", "fingerscrossed", "hi", "facepalm", "wait", "giggle", "clap", "whew", "highfive", "heart", "brokenheart",
        "yes", "no", "ok", "handshake", "hug", "bow", "muscle", "dance", "ninja", "cat", "dog", "flower", "sun", "rain",
        "star", "coffee", "beer", "cake", "pizza", "cash", "idea",
    ]

    @Test("maps a documented id to a shortcode and back", arguments: documentedIDs)
    func mapsBothWays(_ id: String) throws {
        let shortcode = try #require(Emoticons.shortcode(forSkypeID: id))
        #expect(Emoticons.entry(forShortcode: shortcode)?.id == id)
    }

    @Test("converts a documented emoticon through both markups", arguments: documentedIDs)
    func convertsThroughBothMarkups(_ id: String) throws {
        let entry = try #require(Emoticons.all.first { $0.id == id })
        let skype = SkypeRichText.render(FormattedText([.emoticon(id: id, text: entry.shortcuts[0])]))
        let markdown = MattermostMarkdown.render(SkypeRichText.parse(skype))
        #expect(markdown == ":\(entry.shortcode):")
        #expect(SkypeRichText.render(MattermostMarkdown.parse(markdown)) == skype)
    }

    @Test func tableHasNoDuplicateIdsOrShortcodes() {
        #expect(Set(Emoticons.all.map(\.id)).count == Emoticons.all.count)
        #expect(Set(Emoticons.all.map(\.shortcode)).count == Emoticons.all.count)
        #expect(Emoticons.all.allSatisfy { !$0.shortcuts.isEmpty })
    }

    @Test func aliasesLeadToExistingIds() {
        for (alias, id) in Emoticons.aliases {
            #expect(Emoticons.all.contains { $0.id == id }, "alias \(alias)")
            #expect(Emoticons.entry(forShortcode: alias) != nil, "alias \(alias)")
        }
    }

    @Test func unknownNamesHaveNoEntry() {
        #expect(Emoticons.shortcode(forSkypeID: "unicorn") == nil)
        #expect(Emoticons.entry(forShortcode: "unicorn_face") == nil)
    }
}
