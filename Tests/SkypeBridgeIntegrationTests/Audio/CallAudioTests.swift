import Foundation
import SkypeBridgeTestSupport
import Testing

/// Call audio through the real binary and the sandbox's echo123, which loops what we send back:
/// WAV files, raw pipes, in-band DTMF and PulseAudio devices.
@Suite struct CallAudioTests {
    let binary = BinaryRunner()

    private func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.path + "/skypebridge-audio-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func events(_ name: String, in text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
            .filter { $0["event"] as? String == name }
    }

    @Test func aWAVPlayedToEcho123IsRecordedBackAtTheSameFrequency() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let tone = AudioCheck.sine(880, rate: 44_100, seconds: 3, amplitude: 0.4)
        try AudioCheck.writeWAV(directory + "/tone.wav", samples: tone, rate: 44_100, channels: 2)
        let result = try await binary.run(
            sandbox.options + ["call", "originate", "RR/echo123", "--play", "tone.wav", "--record", "back.wav", "--duration", "5", "--json"],
            directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let (rate, channels, back) = try AudioCheck.readWAV(directory + "/back.wav")
        #expect(rate == 16_000 && channels == 1)
        #expect(back.count >= 4 * 16_000, "5 s call, \(back.count) samples recorded")
        let heard = try #require(AudioCheck.strongestWindow(back, frequency: 880), "the recording is silent")
        #expect(abs(AudioCheck.dominantFrequency(heard) - 880) <= 2)
        #expect(abs(AudioCheck.amplitude(of: 880, in: heard) - 0.4) < 0.02)
    }

    @Test func rawPCMPipesInAndOutCarryTheTone() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        try AudioCheck.raw(AudioCheck.sine(1_250, seconds: 2, amplitude: 0.3)).write(to: URL(fileURLWithPath: directory + "/tone.raw"))
        let command = ([binary.executable.path] + sandbox.options + ["call", "originate", "RR/echo123", "--play", "-", "--record", "-", "--duration", "3", "--json"])
            .map { "'\($0)'" }.joined(separator: " ")
        let result = try await binary.runShell("cd '\(directory)' && cat tone.raw | \(command) > back.raw 2> events.ndjson")
        #expect(result.status == 0, "\(result.stderr)")
        let events = try String(contentsOfFile: directory + "/events.ndjson", encoding: .utf8)
        #expect(self.events("end", in: events).first?["outcome"] as? String == "completed", "\(events)")
        let back = AudioCheck.samples(ofRaw: try Data(contentsOf: URL(fileURLWithPath: directory + "/back.raw")))
        #expect(back.count >= 2 * 16_000)
        let heard = try #require(AudioCheck.strongestWindow(back, frequency: 1_250), "nothing came back on stdout")
        #expect(abs(AudioCheck.dominantFrequency(heard) - 1_250) <= 2)
        #expect(abs(AudioCheck.amplitude(of: 1_250, in: heard) - 0.3) < 0.02)
    }

    @Test func inBandDTMFFromTheEchoIsReportedAsEvents() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        try AudioCheck.writeDTMF(directory + "/keys.wav", digits: "1590#")
        let result = try await binary.run(
            sandbox.options + ["call", "originate", "RR/echo123", "--play", "keys.wav", "--detect-dtmf", "--duration", "2.5", "--json"],
            directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let digits = events("dtmf-detected", in: result.stdout).compactMap { $0["digit"] as? String }
        #expect(digits.joined() == "1590#")
    }

    @Test func aRecordingKilledMidCallIsStillAValidWAV() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let command = ([binary.executable.path] + sandbox.options + ["call", "originate", "RR/echo123", "--tone", "500", "--record", "killed.wav", "--duration", "20"])
            .map { "'\($0)'" }.joined(separator: " ")
        _ = try await binary.runShell("cd '\(directory)' && { \(command) > /dev/null 2>&1 & pid=$!; for _ in $(seq 300); do [ $(stat -c %s killed.wav 2>/dev/null || echo 0) -gt 140000 ] && break; sleep 0.1; done; kill -KILL $pid; wait $pid; true; }")
        let samples = try AudioCheck.readWAV(directory + "/killed.wav").samples
        #expect(samples.count >= 2 * 16_000, "the header was patched at least twice: \(samples.count) samples")
        let heard = try #require(AudioCheck.strongestWindow(samples, frequency: 500))
        #expect(abs(AudioCheck.dominantFrequency(heard) - 500) <= 2)
    }

    @Test func sigintFinishesTheRecordingHeader() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let command = ([binary.executable.path] + sandbox.options + ["call", "originate", "RR/echo123", "--tone", "500", "--record", "stopped.wav", "--duration", "20"])
            .map { "'\($0)'" }.joined(separator: " ")
        _ = try await binary.runShell("cd '\(directory)' && { \(command) > /dev/null 2>&1 & pid=$!; for _ in $(seq 300); do [ $(stat -c %s stopped.wav 2>/dev/null || echo 0) -gt 50000 ] && break; sleep 0.1; done; kill -INT $pid; wait $pid; true; }")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/stopped.wav")))
        try #require(bytes.count > 44)
        let dataSize = (0..<4).reduce(0) { $0 | Int(bytes[40 + $1]) << (8 * $1) }
        #expect(dataSize == bytes.count - 44, "the data size covers every byte written")
        #expect(dataSize > 16_000 * 2)
    }

    @Test(.enabled(if: PulseNullSinks.address != nil, Comment(rawValue: PulseNullSinks.missing)), .timeLimit(.minutes(1)))
    func aToneFromAPulseSourceComesBackOnAPulseSink() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AudioCheck.raw(AudioCheck.sine(660, seconds: 6, amplitude: 0.35)).write(to: URL(fileURLWithPath: directory + "/tone.raw"))
        try #require(FileManager.default.createFile(atPath: directory + "/back.raw", contents: nil))
        try await PulseNullSinks.with(2) { sinks in
            let (microphone, speaker) = (sinks[0], sinks[1])
            let recorder = try PulseNullSinks.pacat("--record", device: speaker + ".monitor", output: FileHandle(forWritingAtPath: directory + "/back.raw"))
            let player = try PulseNullSinks.pacat("--playback", device: microphone, input: FileHandle(forReadingAtPath: directory + "/tone.raw"))
            let call = try binary.start(sandbox.options + ["call", "originate", "RR/echo123", "--audio", "pulse:\(microphone).monitor,\(speaker)", "--duration", "4", "--json"])
            let result = await call.finish()
            recorder.terminate()
            player.terminate()
            #expect(result.status == 0, "\(result.stderr)")
        }
        let heard = AudioCheck.samples(ofRaw: try Data(contentsOf: URL(fileURLWithPath: directory + "/back.raw")))
        let segment = try #require(AudioCheck.strongestWindow(heard, frequency: 660), "nothing came back through PulseAudio")
        #expect(abs(AudioCheck.dominantFrequency(segment) - 660) <= 2)
        #expect(abs(AudioCheck.amplitude(of: 660, in: segment) - 0.35) < 0.03)
    }
}
