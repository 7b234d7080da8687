import Foundation
import Testing
@testable import SkypeBridgeCore

/// `answer_play` and `answer_record`: what an interface plays to a call it answers and where the
/// caller's voice goes, set for all interfaces or per interface.
@Suite struct AnsweredCallAudioTests {
    @Test func perInterfaceAudioOverridesTheSharedDefault() throws {
        let text = """
        [interfaces]
        skype_user = "desk"
        answer_play = "tone:700"
        answer_record = "/var/lib/skypebridge/calls"

        [interfaces.front]
        endpoint = "tcp://127.0.0.1:5001"
        answer_play = "pulse:mic"

        [interfaces.back]
        endpoint = "tcp://127.0.0.1:5002"
        answer_play = "~/greeting.wav"
        answer_record = "pulse"
        """
        let config = try ConfigurationLoader.parse(text, fileName: "c.toml")
        #expect(config.interface(named: "front")?.options.answerAudio == AnsweredCallAudio(
            source: .pulse(device: "mic"), destination: .directory("/var/lib/skypebridge/calls")))
        #expect(config.interface(named: "back")?.options.answerAudio == AnsweredCallAudio(
            source: .file("~/greeting.wav"), destination: .pulse(device: nil)))
        #expect(InterfaceOptions().answerAudio == AnsweredCallAudio(source: .silence, destination: .discard))
    }

    @Test(arguments: [
        ("answer_play", "tone:9000"), ("answer_play", "beep"), ("answer_play", "greeting.wav"), ("answer_record", "calls"),
        ("answer_record", "silence"),
    ])
    func valuesOutsideTheDocumentedFormsNameTheFileLineAndKey(key: String, value: String) throws {
        let text = "[interfaces]\nskype_user = \"desk\"\n\(key) = \"\(value)\"\n"
        #expect {
            try ConfigurationLoader.parse(text, fileName: "c.toml")
        } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("c.toml:3:") && message.contains(key) && message.contains("\"\(value)\"")
        }
    }

    @Test func recordingsAreNamedAfterTheInterfaceCallAndTime() {
        let path = AnsweredCallAudio.recordingPath(
            in: "/calls", interface: "desk2", call: SkypeCallID(rawValue: 31), now: Date(timeIntervalSince1970: 1_795_343_316.9))
        #expect(path == "/calls/desk2-call31-20261122-102836.wav")
    }

    @Test func aRecordingDirectoryThatCannotBeWrittenIsAnAudioError() async throws {
        let audio = AnsweredCallAudio(source: .tone(440), destination: .directory("/nonexistent-\(UUID().uuidString)"))
        await #expect(throws: AudioError.self) { try await audio.makePump(interface: "desk", call: SkypeCallID(rawValue: 1)) }
    }
}
