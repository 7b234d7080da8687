@testable import SkypeBridgeCore
import Testing

/// libpulse is loaded on first use, so a machine without it runs every command but `--audio pulse`.
@Suite struct PulseLibraryTests {
    @Test func aMissingLibraryIsAClearUnavailableErrorThatSaysWhatToInstall() throws {
        let missing = PulseLibrary.load("libpulse-simple-not-here.so.0")
        #expect(throws: AudioError.self) { try missing.get() }
        guard case let .failure(error) = missing else { return }
        #expect(error.category == .unavailable)
        #expect(error.description.hasPrefix("cannot load libpulse ("))
        #expect(error.description.hasSuffix("); install it with apt install libpulse0"))
        #expect(throws: error) { try PulseStream(direction: .playback, device: nil, streamName: "test", library: missing) }
    }

    @Test func aLibraryWithoutTheFunctionsIsRefused() throws {
        let wrong = PulseLibrary.load("libz.so.1")
        guard case let .failure(error) = wrong else {
            Issue.record("libz was taken for libpulse-simple")
            return
        }
        #expect(error == .pulseNotInstalled("libz.so.1 has no pa_simple_new"))
    }

    @Test func theInstalledLibraryLoads() throws {
        #expect(throws: Never.self) { try PulseLibrary.shared.get() }
    }
}
