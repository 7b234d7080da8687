import Logging
import NIOCore
import SkypeBridgeSandbox
import Testing

@Suite("Client API emulator: audio over SET_INPUT/SET_OUTPUT ports")
struct ClientAPIAudioTests {
    /// Frame `index` of the test pattern: every sample holds `(index + 1) * 97`.
    static func patternFrame(_ index: Int) -> [UInt8] {
        let sample = UInt16((index + 1) * 97)
        return (0..<320).flatMap { _ in [UInt8(sample & 0xFF), UInt8(sample >> 8)] }
    }

    @Test func echo123LoopsTheInputBackToTheOutputAtRealTimePace() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            let id = try #require(callID(try await client.request("CALL echo123")))
            try await client.waitForStatus("INPROGRESS", of: id)
            let input = try await AudioPortServer.start()
            let output = try await AudioPortServer.start()
            #expect(try await client.request("ALTER CALL \(id) SET_INPUT PORT=\"\(input.port)\"") == "ALTER CALL \(id) SET_INPUT PORT=\"\(input.port)\"")
            _ = try await client.request("ALTER CALL \(id) SET_OUTPUT PORT=\"\(output.port)\"", id: "output")
            let microphone = try await input.waitForConnection()
            _ = try await output.waitForConnection()

            let frames = 100
            let clock = ContinuousClock()
            let start = clock.now
            for index in 0..<frames {
                try await microphone.write(ByteBuffer(bytes: Self.patternFrame(index)))
                try await Task.sleep(until: start + .milliseconds(20 * (index + 1)), clock: clock)
            }
            try await output.wait { server in
                Self.nonSilentFrames(server.received).count >= frames
            }
            let elapsed = clock.now - start
            let echoed = Self.nonSilentFrames(output.received)
            #expect(echoed == (0..<frames).map(Self.patternFrame))

            let report = try await callReport(info, id)
            let audio = try #require(report["audio"] as? [String: Any])
            #expect(audio["bytes_in"] as? Int == frames * 640)
            #expect(audio["frames_in"] as? Int == frames)
            #expect(audio["input_connected"] as? Bool == true)
            let framesOut = try #require(audio["frames_out"] as? Int)
            let expected = elapsed / .milliseconds(20)
            #expect(Double(framesOut) > expected - 10 && Double(framesOut) < expected + 15, "frames out \(framesOut) in \(elapsed)")
            #expect(output.received.count % 640 == 0 || output.received.count > framesOut * 640 - 640)

            _ = try await client.request("ALTER CALL \(id) END HANGUP")
            try await client.waitForStatus("FINISHED", of: id)
            try await output.wait { $0.isClosed }
            try await input.wait { $0.isClosed }
            await input.stop()
            await output.stop()
            await client.close()
        }
    }

    @Test func skypeOutPlaysRingbackDuringEarlyMedia() async throws {
        let slowAnswer = SkypeClientAPISeed.Timing(stepMilliseconds: 20, answerMilliseconds: 2000, noAnswerSeconds: 1, incomingRingSeconds: 5)
        try await withEmulator(SkypeClientAPISeed(endpoints: SkypeClientAPISeed.default.endpoints, timing: slowAnswer)) { info in
            let client = try await attachedClient(info)
            let id = try #require(callID(try await client.request("CALL +15551234567")))
            try await client.waitForStatus("EARLYMEDIA", of: id)
            let output = try await AudioPortServer.start()
            _ = try await client.request("ALTER CALL \(id) SET_OUTPUT PORT=\"\(output.port)\"")
            try await output.wait { Self.nonSilentFrames($0.received).count >= 10 }
            #expect(client.statuses(of: id).last == "EARLYMEDIA")
            _ = try await client.request("ALTER CALL \(id) END HANGUP")
            try await client.waitForStatus("CANCELLED", of: id)
            await output.stop()
            await client.close()
        }
    }

    @Test func audioCommandsOnAnEndedCallFail() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            let id = try #require(callID(try await client.request("CALL busy")))
            try await client.waitForStatus("BUSY", of: id)
            #expect(try await client.request("ALTER CALL \(id) SET_INPUT PORT=\"40000\"") == "ERROR 559 ALTER CALL: action failed")
            await client.close()
        }
    }

    /// The 640-byte frames of `bytes` that are not all zero.
    static func nonSilentFrames(_ bytes: [UInt8]) -> [[UInt8]] {
        stride(from: 0, to: bytes.count - bytes.count % 640, by: 640).map { Array(bytes[$0..<$0 + 640]) }.filter { $0.contains { $0 != 0 } }
    }
}

@Suite("Client API emulator: audio failures and noise")
struct ClientAPIAudioFailureTests {
    @Test func audioDropTargetClosesTheOutputSocketButKeepsTheCall() async throws {
        try await withEmulator { info in
            let client = try await attachedClient(info)
            let id = try #require(callID(try await client.request("CALL audio-drop:0.3")))
            try await client.waitForStatus("INPROGRESS", of: id)
            let output = try await AudioPortServer.start()
            _ = try await client.request("ALTER CALL \(id) SET_OUTPUT PORT=\"\(output.port)\"")
            try await output.wait { $0.isClosed }
            let frames = output.received.count / 640
            #expect(frames >= 10 && frames <= 20, "\(frames) frames before the drop")
            #expect(try await client.request("GET CALL \(id) STATUS") == "CALL \(id) STATUS INPROGRESS")
            await output.stop()
            await client.close()
        }
    }

    @Test func noisyEndpointRepeatsStatusesWithExtraProperties() async throws {
        let seed = SkypeClientAPISeed(endpoints: [.init(name: "chatty", skypeUser: "erin", noisy: true)], timing: fastTiming)
        try await withEmulator(seed) { info in
            let client = try await attachedClient(info, "chatty")
            let id = try #require(callID(try await client.request("CALL busy")))
            try await client.waitForStatus("BUSY", of: id)
            _ = try await client.message { $0 == "CALL \(id) VIDEO_STATUS VIDEO_NONE" && client.messages.filter { $0 == "CALL \(id) STATUS BUSY" }.count == 2 }
            #expect(client.statuses(of: id) == ["UNPLACED", "ROUTING", "ROUTING", "BUSY", "BUSY"])
            #expect(client.messages.contains("CALL \(id) CONF_ID 0"))
            await client.close()
        }
    }

    @Test func callReportsAreReadableInProcessWhileRunning() async throws {
        var logger = Logger(label: "test.client-api")
        logger.logLevel = .critical
        let emulator = SkypeClientAPIEmulator(seed: fastSeed, logger: logger)
        let info = try await emulator.start(host: "127.0.0.1")
        let client = try await attachedClient(info, "desk3")
        let id = try #require(callID(try await client.request("CALL refuse")))
        try await client.waitForStatus("REFUSED", of: id)
        let reports = await emulator.callReports()
        #expect(reports.map(\.statuses) == [["UNPLACED", "ROUTING", "RINGING", "REFUSED"]])
        #expect(reports.first?.endpoint == "desk3")
        await client.close()
        await emulator.stop()
        #expect(await emulator.callReports().isEmpty)
        await emulator.stop()
    }
}
