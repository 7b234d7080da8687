import Testing
@testable import SkypeBridgeCore

/// `[bridge.mentions]`: which Skype person a Mattermost username stands for, both ways.
@Suite struct MentionSettingsTests {
    @Test func mappedPeopleResolveBothWaysAndALeadingAtIsDropped() throws {
        let text = "[bridge.mentions]\n\"8:bob\" = \"@Max\"\n\"8:live:.cid.42\" = \"ann_lee\"\n"
        let settings = try ConfigurationLoader.parse(text, fileName: "c.toml").bridge
        #expect(settings.mentions == ["8:bob": "max", "8:live:.cid.42": "ann_lee"])
        let resolver = settings.mentionResolver
        #expect(resolver.mattermostUsername("8:bob", "Bob Builder") == "max")
        #expect(resolver.mattermostUsername("8:carol", "Carol") == nil)
        #expect(resolver.skypeUser("ann_lee") == MentionResolver.SkypeUser(id: "8:live:.cid.42", name: "live:.cid.42"))
        #expect(resolver.skypeUser("nobody") == nil)
    }

    @Test(arguments: [#""bob" = "max""#, #""19:abc@thread.skype" = "max""#, #""8:bob" = "Max Power""#, #""8:bob" = """#, #""8:bob" = 7"#])
    func anythingButAPersonAndAUsernameNamesTheFileAndLine(line: String) throws {
        #expect {
            try ConfigurationLoader.parse("[bridge]\n\n[bridge.mentions]\n\(line)\n", fileName: "c.toml")
        } throws: { error in
            "\(error)".hasPrefix("c.toml:4:")
        }
    }
}
