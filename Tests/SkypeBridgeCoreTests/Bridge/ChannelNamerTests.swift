import PropertyBased
import Testing

@testable import SkypeBridgeCore

@Suite struct ChannelNamerTests {
    let namer = ChannelNamer(prefix: "skype-")

    @Test(arguments: [
        ("8:alice", "skype-8-alice"),
        ("8:a-b", "skype-8-a-b"),
        ("28:concierge", "skype-28-concierge"),
        ("19:0a1b2c3d4e5f60718293a4b5c6d7e8f9@thread.skype", "skype-19-0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
    ])
    func plainIdsReadAsPrefixTypeAndId(id: String, expected: String) {
        #expect(namer.name(for: SkypeChatID(id)) == expected)
    }

    @Test func idsThatLoseCharactersGetAHashSuffix() {
        let live = namer.name(for: SkypeChatID("8:live:alice.smith"))
        #expect(live.hasPrefix("skype-8-live-alice-smith_"))
        #expect(live.count == "skype-8-live-alice-smith_".count + 12)
        #expect(namer.name(for: SkypeChatID("8:Alice")) != namer.name(for: SkypeChatID("8:alice")))
        #expect(namer.name(for: SkypeChatID("19:abc")) != namer.name(for: SkypeChatID("19:abc@thread.skype")))
        #expect(namer.name(for: SkypeChatID("8:a.b")) != namer.name(for: SkypeChatID("8:a-b")))
    }

    @Test func longIdsAreShortenedTo64BytesWithTheirHash() {
        let id = SkypeChatID("19:" + String(repeating: "ab", count: 60) + "@thread.v2")
        let name = namer.name(for: id)
        #expect(name.utf8.count <= 64)
        #expect(name.hasPrefix("skype-19-abab"))
        #expect(name.contains("_"))
        #expect(ChannelNameRules.violation(name) == nil)
    }

    @Test func attemptsGiveDistinctDeterministicAlternatives() {
        let id = SkypeChatID("8:alice")
        let names = (0..<8).map { namer.name(for: id, attempt: $0) }
        #expect(Set(names).count == 8)
        #expect(names == (0..<8).map { namer.name(for: id, attempt: $0) })
        #expect(names[1].hasPrefix("skype-8-alice_"))
    }

    @Test(arguments: ["", "Skype.", "-x_", "__", String(repeating: "p", count: 80), "Ünï "])
    func anyPrefixStillGivesValidNames(prefix: String) {
        let namer = ChannelNamer(prefix: prefix)
        for id in ["8:alice", "19:ABC@thread.skype", "", ":", "x", String(repeating: "z", count: 100)] {
            let name = namer.name(for: SkypeChatID(id))
            #expect(ChannelNameRules.violation(name) == nil, "prefix \(prefix), id \(id): \(name)")
        }
    }

    @Test func everyNameIsValidAndStable() async {
        await propertyCheck(count: 500, input: SkypeIDs.any, Gen.int(in: 0...3)) { id, attempt in
            let name = namer.name(for: SkypeChatID(id), attempt: attempt)
            #expect(ChannelNameRules.violation(name) == nil, "\(id) → \(name)")
            #expect(name.utf8.count <= ChannelNamer.maxLength)
            #expect(name == ChannelNamer(prefix: "skype-").name(for: SkypeChatID(id), attempt: attempt))
        }
    }

    @Test func distinctIdsGetDistinctNames() async {
        await propertyCheck(count: 200, input: SkypeIDs.any) { base in
            let family = Set(SkypeIDs.lookAlikes(of: base))
            let names = Set(family.map { namer.name(for: SkypeChatID($0)) })
            #expect(names.count == family.count, "\(family.sorted())")
        }
    }
}

/// Generators of Skype chat ids, including the characters and shapes that make naming hard.
enum SkypeIDs {
    static let types = ["8:", "19:", "28:", "2:", "48:", "", "8:live:", "8:live:.cid."]
    static let characters: [Character] = Array("abcdefxyz0189-_.:@ABZ é😀 ")
    static let endings = ["", "", "@thread.skype", "@thread.v2", "@p2p.thread.skype"]

    static let any = zip(
        Gen.element(of: types).map { $0 ?? "" },
        Gen.element(of: characters).map { $0 ?? "a" }.string(of: 0...90),
        Gen.element(of: endings).map { $0 ?? "" }
    ).map { parts in parts.0 + parts.1 + parts.2 }

    /// `id` and ids easily confused with it (case, punctuation, thread suffix, length).
    static func lookAlikes(of id: String) -> [String] {
        [
            id, id.uppercased(), id.lowercased(), id.replacingOccurrences(of: ".", with: "-"),
            id.replacingOccurrences(of: "-", with: "_"), id.replacingOccurrences(of: ":", with: "-"),
            id + "@thread.skype", id + "x", id + "-", "-" + id, String(id.dropLast()), id + id,
        ]
    }
}
