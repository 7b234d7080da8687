import Foundation
import SkypeBridgeCore
import Testing

@Suite struct DTMFDetectorTests {
    private static let rows: [Character: Double] = ["1": 697, "2": 697, "3": 697, "A": 697, "4": 770, "5": 770, "6": 770, "B": 770, "7": 852, "8": 852, "9": 852, "C": 852, "*": 941, "0": 941, "#": 941, "D": 941]
    private static let columns: [Character: Double] = ["1": 1_209, "4": 1_209, "7": 1_209, "*": 1_209, "2": 1_336, "5": 1_336, "8": 1_336, "0": 1_336, "3": 1_477, "6": 1_477, "9": 1_477, "#": 1_477, "A": 1_633, "B": 1_633, "C": 1_633, "D": 1_633]

    /// A key press: both tones at `level` each (fraction of full scale), for `milliseconds`.
    private func press(_ digit: Character, milliseconds: Int, level: Double = 0.2, twistDB: Double = 0) -> [Float] {
        let count = milliseconds * 16
        let high = level * pow(10, twistDB / 20)
        return AudioSignals.mix(
            AudioSignals.sine(Self.rows[digit]!, rate: 16_000, count: count, amplitude: level),
            AudioSignals.sine(Self.columns[digit]!, rate: 16_000, count: count, amplitude: high, phase: 1)
        )
    }

    private func gap(_ milliseconds: Int) -> [Float] { [Float](repeating: 0, count: milliseconds * 16) }

    private func detect(_ signal: [Float], frame: Int = CallAudioFormat.frameSamples) async throws -> [DTMFEvent] {
        let detector = DTMFDetector()
        let samples = AudioSignals.int16(signal)
        var start = 0
        while start < samples.count {
            try await detector.write(Array(samples[start..<min(start + frame, samples.count)]))
            start += frame
        }
        try await detector.finish()
        var events: [DTMFEvent] = []
        for await event in detector.events { events.append(event) }
        return events
    }

    @Test func everyKeyIsDetectedOncePerPress() async throws {
        let keys = Array("123A456B789C*0#D")
        let signal = keys.flatMap { gap(60) + press($0, milliseconds: 80) } + gap(60)
        let events = try await detect(signal)
        #expect(events.map(\.digit) == keys)
        for (index, event) in events.enumerated() {
            let start = Duration.milliseconds(index * 140 + 60)
            #expect(event.offset >= start - .milliseconds(10) && event.offset <= start + .milliseconds(20))
        }
    }

    @Test func aLongPressIsReportedOnceAndARepeatedKeyTwice() async throws {
        let signal = gap(20) + press("5", milliseconds: 1_500) + gap(60) + press("5", milliseconds: 100) + gap(40)
        #expect(try await detect(signal).map(\.digit) == ["5", "5"])
    }

    @Test func detectionDoesNotDependOnFrameSizes() async throws {
        let signal = gap(33) + press("9", milliseconds: 70) + gap(50) + press("#", milliseconds: 70) + gap(30)
        #expect(try await detect(signal, frame: 77).map(\.digit) == ["9", "#"])
        #expect(try await detect(signal, frame: 1_280).map(\.digit) == ["9", "#"])
    }

    @Test func digitsSurviveNoiseAndAllowedTwist() async throws {
        let tones = gap(40) + press("7", milliseconds: 100, level: 0.1, twistDB: 3) + gap(60) + press("0", milliseconds: 100, level: 0.1, twistDB: -6) + gap(40)
        let noisy = AudioSignals.mix(tones, AudioSignals.noise(count: tones.count, amplitude: 0.06))
        #expect(try await detect(noisy).map(\.digit) == ["7", "0"])
        let quiet = gap(40) + press("3", milliseconds: 100, level: 0.02) + gap(40)
        #expect(try await detect(quiet).map(\.digit) == ["3"])
    }

    @Test func excessiveTwistAndTooQuietTonesAreIgnored() async throws {
        #expect(try await detect(press("1", milliseconds: 200, twistDB: 9)).isEmpty)
        #expect(try await detect(press("1", milliseconds: 200, twistDB: -12)).isEmpty)
        #expect(try await detect(press("1", milliseconds: 200, level: 0.005)).isEmpty)
    }

    @Test func speechLikeSoundsAndOtherTonesGiveNoDigits() async throws {
        let count = 16_000
        let vowel = (1...30).map { AudioSignals.sine(Double($0) * 118, rate: 16_000, count: count, amplitude: 0.3 / Double($0)) }
        let speech = vowel.dropFirst().reduce(vowel[0]) { zip($0, $1).map { $0 + $1 } }
        #expect(try await detect(speech).isEmpty)
        let dialTone = AudioSignals.mix(AudioSignals.sine(350, rate: 16_000, count: count, amplitude: 0.2), AudioSignals.sine(440, rate: 16_000, count: count, amplitude: 0.2))
        #expect(try await detect(dialTone).isEmpty)
        let single = AudioSignals.sine(1_336, rate: 16_000, count: count, amplitude: 0.4)
        #expect(try await detect(single).isEmpty)
        let rowPlusVoice = AudioSignals.mix(AudioSignals.sine(770, rate: 16_000, count: count, amplitude: 0.2), speech)
        #expect(try await detect(rowPlusVoice).isEmpty)
        #expect(try await detect(AudioSignals.noise(count: count, amplitude: 0.5)).isEmpty)
    }

    @Test func tooShortBlipsAreNotDigits() async throws {
        #expect(try await detect(gap(20) + press("8", milliseconds: 15) + gap(40)).isEmpty)
    }
}
