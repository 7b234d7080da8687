import Foundation

/// The headless PulseAudio that scripts/test.sh starts (`PULSE_SERVER`), and per-test null sinks on it.
enum PulseTestServer {
    /// The server address, when the test command started one.
    static let address = ProcessInfo.processInfo.environment["PULSE_SERVER"]

    /// Why Pulse tests do not run without it.
    static let missing = "PULSE_SERVER is not set: run the tests through scripts/test.sh, which starts a headless PulseAudio"

    /// Runs `pactl` with `arguments` and returns its standard output; throws on a non-zero exit.
    static func pactl(_ arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pactl")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let status: Int32 = try await withCheckedThrowingContinuation { done in
            process.terminationHandler = { done.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { done.resume(throwing: error) }
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard status == 0 else { throw PulseTestFailure(message: "pactl \(arguments.joined(separator: " ")) exited \(status): \(text)") }
        return text
    }

    /// Checks that the server answers, with a message saying what is wrong if not.
    static func requireRunning() async throws {
        do {
            _ = try await pactl(["info"])
        } catch {
            throw PulseTestFailure(message: "PULSE_SERVER=\(address ?? "") but no PulseAudio answers (\(error)); scripts/test.sh should have started one, see its log")
        }
    }

    /// Loads a 16 kHz mono null sink with a unique name, runs `body` with the name, then unloads it.
    static func withNullSink<T>(_ body: (String) async throws -> T) async throws -> T {
        try await requireRunning()
        let name = "sbtest\(UInt32.random(in: 0...UInt32.max))"
        let module = try await pactl(["load-module", "module-null-sink", "sink_name=\(name)", "rate=16000", "channels=1", "format=s16le"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let result = try await body(name)
            _ = try? await pactl(["unload-module", module])
            return result
        } catch {
            _ = try? await pactl(["unload-module", module])
            throw error
        }
    }
}

/// A Pulse test precondition that did not hold.
struct PulseTestFailure: Error, CustomStringConvertible {
    /// What is wrong.
    let message: String
    var description: String { message }
}
