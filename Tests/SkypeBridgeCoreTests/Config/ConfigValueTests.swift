import Testing
@testable import SkypeBridgeCore

@Suite struct ConfigValueTests {
    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("5m", .seconds(300)), ("12h", .seconds(43_200)),
        ("1d", .seconds(86_400)), ("1h30m", .seconds(5_400)), ("0s", .zero), ("1m500ms", .milliseconds(60_500)),
    ])
    func durationsParse(text: String, duration: Duration) {
        #expect(Duration(configText: text) == duration)
    }

    @Test(arguments: ["", "30", "s", "-5s", "1.5h", "30 s", "5 minutes", "1w", "99999999999999999999d", "30S"])
    func malformedDurationsAreRejected(text: String) {
        #expect(Duration(configText: text) == nil)
    }

    @Test(arguments: [
        (Duration.seconds(30), "30s"), (.seconds(5_400), "90m"), (.seconds(86_400), "1d"), (.milliseconds(1_500), "1500ms"),
        (.zero, "0s"), (.seconds(7_200), "2h"),
    ])
    func durationsPrintInTheirLargestExactUnit(duration: Duration, text: String) {
        #expect(duration.configText == text)
        #expect(Duration(configText: text) == duration)
    }

    @Test(arguments: [
        ("50MiB", Int64(52_428_800)), ("1KiB", 1_024), ("10MB", 10_000_000), ("512B", 512), ("2048", 2_048),
        ("1 GiB", 1_073_741_824), ("3kb", 3_000), ("1TiB", 1_099_511_627_776), ("0", 0),
    ])
    func byteSizesParse(text: String, bytes: Int64) {
        #expect(ByteSize(configText: text) == ByteSize(bytes: bytes))
    }

    @Test(arguments: ["", "MiB", "-1KiB", "1.5MiB", "50 parsecs", "10M", "99999999999TiB"])
    func malformedByteSizesAreRejected(text: String) {
        #expect(ByteSize(configText: text) == nil)
    }

    @Test(arguments: [
        (Int64(52_428_800), "50MiB"), (1_000, "1KB"), (1_500, "1500B"), (0, "0B"), (3_145_728, "3MiB"), (2_000_000, "2MB"),
    ])
    func byteSizesPrintInTheirLargestExactUnit(bytes: Int64, text: String) {
        #expect(ByteSize(bytes: bytes).description == text)
        #expect(ByteSize(configText: text) == ByteSize(bytes: bytes))
    }

    @Test(arguments: [
        ("pasword_env", "password_env"), ("Password_Env", "password_env"), ("tokn_env", "token_env"),
        ("skpe", "skype"), ("interface", "interfaces"),
    ])
    func closeMisspellingsGetASuggestion(word: String, suggestion: String) {
        let candidates = ["password_env", "password_file", "token_env", "skype", "interfaces", "http"]

        #expect(KeySuggestion.closest(to: word, among: candidates) == suggestion)
    }

    @Test(arguments: ["frobnicate", "db", "x"])
    func distantWordsGetNoSuggestion(word: String) {
        #expect(KeySuggestion.closest(to: word, among: ["password_env", "skype", "http"]) == nil)
    }

    @Test(arguments: [
        ("127.0.0.1:8080", "127.0.0.1", "8080"), ("[::1]:9090", "::1", "9090"), ("localhost:1", "localhost", "1"),
    ])
    func listenAddressesSplitIntoHostAndPort(text: String, host: String, port: String) {
        let parts = ListenAddress.split(text)

        #expect(parts?.host == host)
        #expect(parts.map { String($0.port) } == port)
    }

    @Test(arguments: ["8080", ":8080", "::1:80", "[::1]8080", "a b:80"])
    func malformedListenAddressesDoNotSplit(text: String) {
        #expect(ListenAddress.split(text) == nil)
    }
}
