import Testing
@testable import SkypeBridgeCore

@Suite struct PercentEncodingTests {
    @Test func formValuesKeepOnlyUnreservedCharacters() {
        #expect(FormEncoding.escape("a b&c=d/é") == "a%20b%26c%3Dd%2F%C3%A9")
        #expect(FormEncoding.encode([("t", "x y"), ("n", "1")]) == "t=x%20y&n=1")
    }

    @Test func pathSegmentsKeepColonsAndAtSigns() {
        #expect(SkypePath.segment("19:ab@thread.skype") == "19:ab@thread.skype")
        #expect(SkypePath.segment("8:a b/c") == "8:a%20b%2Fc")
    }
}
