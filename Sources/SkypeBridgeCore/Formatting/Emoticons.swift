/// The table between Skype emoticon ids (`<ss type="smile">`) and Mattermost emoji shortcodes (`:smile:`).
///
/// Every id listed in the Skype protocol notes (§6.5) has exactly one shortcode and the other way round, so
/// both directions give back what they were given. A few common Mattermost names are extra aliases that
/// lead to a Skype id but are never produced.
public enum Emoticons {
    /// One Skype emoticon and the Mattermost emoji shown for it.
    public struct Entry: Sendable, Hashable {
        /// The Skype emoticon id, the `type` attribute of `<ss>`.
        public let id: String
        /// The Mattermost emoji name, without colons.
        public let shortcode: String
        /// The texts Skype accepts for it; the first is shown where pictures are not.
        public let shortcuts: [String]
    }

    /// Every emoticon of the table, in the order of the protocol notes.
    public static let all: [Entry] = [
        Entry(id: "smile", shortcode: "slightly_smiling_face", shortcuts: [":)", ":-)", "(smile)"]),
        Entry(id: "sad", shortcode: "slightly_frowning_face", shortcuts: [":(", ":-(", "(sad)"]),
        Entry(id: "laugh", shortcode: "laughing", shortcuts: [":D", ":-D", "(laugh)", "(lol)"]),
        Entry(id: "cool", shortcode: "sunglasses", shortcuts: ["8-)", "B-)", "(cool)"]),
        Entry(id: "surprised", shortcode: "open_mouth", shortcuts: [":O", ":-O", "(surprised)"]),
        Entry(id: "wink", shortcode: "wink", shortcuts: [";)", ";-)", "(wink)"]),
        Entry(id: "cry", shortcode: "cry", shortcuts: [";(", ":'(", "(cry)"]),
        Entry(id: "sweat", shortcode: "sweat", shortcuts: ["(:|", "(sweat)"]),
        Entry(id: "speechless", shortcode: "neutral_face", shortcuts: [":|", ":-|", "(speechless)"]),
        Entry(id: "kiss", shortcode: "kissing_heart", shortcuts: [":*", "(kiss)", "(xo)"]),
        Entry(id: "tongueout", shortcode: "stuck_out_tongue", shortcuts: [":P", ":-P", "(tongueout)"]),
        Entry(id: "blush", shortcode: "blush", shortcuts: [":$", "(blush)"]),
        Entry(id: "wonder", shortcode: "confused", shortcuts: [":^)", "(wonder)"]),
        Entry(id: "sleepy", shortcode: "sleepy", shortcuts: ["|-)", "(snooze)"]),
        Entry(id: "dull", shortcode: "expressionless", shortcuts: ["|-(", "(dull)"]),
        Entry(id: "inlove", shortcode: "heart_eyes", shortcuts: ["(inlove)", "(love)", ":]"]),
        Entry(id: "eg", shortcode: "smiling_imp", shortcuts: ["]:)", ">:)", "(grin)"]),
        Entry(id: "yawn", shortcode: "tired_face", shortcuts: ["(yawn)"]),
        Entry(id: "puke", shortcode: "nauseated_face", shortcuts: ["(puke)", ":&"]),
        Entry(id: "doh", shortcode: "persevere", shortcuts: ["(doh)"]),
        Entry(id: "angry", shortcode: "angry", shortcuts: [":@", "x(", "(angry)"]),
        Entry(id: "wasntme", shortcode: "innocent", shortcuts: ["(wasntme)", "(wm)"]),
        Entry(id: "party", shortcode: "tada", shortcuts: ["(party)", "<O)"]),
        Entry(id: "worry", shortcode: "worried", shortcuts: [":S", "(worry)"]),
        Entry(id: "mmm", shortcode: "yum", shortcuts: ["(mm)", "(mmm)"]),
        Entry(id: "nerdy", shortcode: "nerd_face", shortcuts: ["8-|", "(nerd)"]),
        Entry(id: "lipssealed", shortcode: "zipper_mouth_face", shortcuts: [":x", ":-x", ":#"]),
        Entry(id: "devil", shortcode: "imp", shortcuts: ["(devil)", "(6)"]),
        Entry(id: "angel", shortcode: "angel", shortcuts: ["(angel)", "(a)"]),
        Entry(id: "envy", shortcode: "unamused", shortcuts: ["(envy)", "(v)"]),
        Entry(id: "think", shortcode: "thinking", shortcuts: [":-?", "(think)"]),
        Entry(id: "rofl", shortcode: "rofl", shortcuts: ["(rofl)", "(rotfl)"]),
        Entry(id: "happy", shortcode: "grinning", shortcuts: ["(happy)"]),
        Entry(id: "smirk", shortcode: "smirk", shortcuts: ["(smirk)"]),
        Entry(id: "nod", shortcode: "relieved", shortcuts: ["(nod)"]),
        Entry(id: "shake", shortcode: "no_good", shortcuts: ["(shake)"]),
        Entry(id: "waiting", shortcode: "hourglass", shortcuts: ["(waiting)", "(forever)"]),
        Entry(id: "emo", shortcode: "pensive", shortcuts: ["(emo)"]),
        Entry(id: "fingerscrossed", shortcode: "crossed_fingers", shortcuts: ["(yn)", "(fingerscrossed)"]),
        Entry(id: "hi", shortcode: "wave", shortcuts: ["(wave)", "(hi)", "(bye)"]),
        Entry(id: "facepalm", shortcode: "facepalm", shortcuts: ["(facepalm)", "(fail)"]),
        Entry(id: "wait", shortcode: "raised_hand", shortcuts: ["(wait)"]),
        Entry(id: "giggle", shortcode: "grin", shortcuts: ["(giggle)", "(chuckle)"]),
        Entry(id: "clap", shortcode: "clap", shortcuts: ["(clap)"]),
        Entry(id: "whew", shortcode: "sweat_smile", shortcuts: ["(whew)", "(phew)"]),
        Entry(id: "highfive", shortcode: "raised_hands", shortcuts: ["(highfive)", "(h5)"]),
        Entry(id: "heart", shortcode: "heart", shortcuts: ["(heart)", "(h)", "<3"]),
        Entry(id: "brokenheart", shortcode: "broken_heart", shortcuts: ["(brokenheart)", "(u)"]),
        Entry(id: "yes", shortcode: "+1", shortcuts: ["(y)", "(yes)"]),
        Entry(id: "no", shortcode: "-1", shortcuts: ["(n)", "(no)"]),
        Entry(id: "ok", shortcode: "ok_hand", shortcuts: ["(ok)"]),
        Entry(id: "handshake", shortcode: "handshake", shortcuts: ["(handshake)"]),
        Entry(id: "hug", shortcode: "hugging_face", shortcuts: ["(hug)", "(bear)"]),
        Entry(id: "bow", shortcode: "bow", shortcuts: ["(bow)"]),
        Entry(id: "muscle", shortcode: "muscle", shortcuts: ["(muscle)", "(flex)"]),
        Entry(id: "dance", shortcode: "dancer", shortcuts: ["(dance)", "\\o/"]),
        Entry(id: "ninja", shortcode: "ninja", shortcuts: ["(ninja)", "(j)"]),
        Entry(id: "cat", shortcode: "cat", shortcuts: ["(cat)", ":3"]),
        Entry(id: "dog", shortcode: "dog", shortcuts: ["(dog)", ":o3"]),
        Entry(id: "flower", shortcode: "tulip", shortcuts: ["(flower)", "(f)"]),
        Entry(id: "sun", shortcode: "sunny", shortcuts: ["(sun)", "(#)"]),
        Entry(id: "rain", shortcode: "umbrella", shortcuts: ["(rain)", "(st)"]),
        Entry(id: "star", shortcode: "star", shortcuts: ["(star)", "(*)"]),
        Entry(id: "coffee", shortcode: "coffee", shortcuts: ["(coffee)", "(c)"]),
        Entry(id: "beer", shortcode: "beer", shortcuts: ["(beer)", "(b)"]),
        Entry(id: "cake", shortcode: "cake", shortcuts: ["(cake)", "(^)"]),
        Entry(id: "pizza", shortcode: "pizza", shortcuts: ["(pizza)", "(pi)"]),
        Entry(id: "cash", shortcode: "moneybag", shortcuts: ["(cash)", "($)"]),
        Entry(id: "idea", shortcode: "bulb", shortcuts: ["(idea)", ":i"]),
    ]

    /// Mattermost names that are not in the table but mean one of its emoticons.
    public static let aliases: [String: String] = [
        "smile": "laugh", "smiley": "smile", "simple_smile": "smile", "thumbsup": "yes", "thumbsdown": "no",
        "joy": "laugh", "kissing": "kiss", "stuck_out_tongue_winking_eye": "tongueout", "rage": "angry",
        "heart_eyes_cat": "inlove", "face_palm": "facepalm", "hugs": "hug", "sob": "cry",
        "rolling_on_the_floor_laughing": "rofl", "hand_with_index_and_middle_fingers_crossed": "fingerscrossed",
        "sun": "sun", "hamburger": "pizza", "beers": "beer", "birthday": "cake", "money_with_wings": "cash",
    ]

    private static let byID: [String: Entry] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
    private static let byShortcode: [String: Entry] = {
        var table = Dictionary(uniqueKeysWithValues: all.map { ($0.shortcode, $0) })
        for (alias, id) in aliases where table[alias] == nil {
            if let entry = byID[id] { table[alias] = entry }
        }
        return table
    }()

    /// The Mattermost shortcode (without colons) for a Skype emoticon id, or nil when the id is unknown.
    public static func shortcode(forSkypeID id: String) -> String? {
        byID[id]?.shortcode
    }

    /// The Skype emoticon for a Mattermost shortcode (without colons), or nil when it has none.
    public static func entry(forShortcode shortcode: String) -> Entry? {
        byShortcode[shortcode]
    }
}
