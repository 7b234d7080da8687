import Foundation

/// Null sinks on the headless PulseAudio that scripts/test.sh starts (`PULSE_SERVER`).
enum PulseNullSinks {
    /// The server address, when the test command started one.
    static let address = ProcessInfo.processInfo.environment["PULSE_SERVER"]

    /// Why Pulse tests do not run without it.
    static let missing = "PULSE_SERVER is not set: run the tests through scripts/test.sh, which starts a headless PulseAudio"

    /// Loads `count` 16 kHz mono null sinks with unique names, runs `body` with the names, unloads them.
    static func with<T>(_ count: Int, _ body: ([String]) async throws -> T) async throws -> T {
        do {
            _ = try await pactl(["info"])
        } catch {
            throw PulseSetupFailure(message: "PULSE_SERVER=\(address ?? "") but no PulseAudio answers (\(error)); scripts/test.sh should have started one, see its log")
        }
        var modules: [String] = []
        var names: [String] = []
        do {
            for _ in 0..<count {
                let name = "sbcall\(UInt32.random(in: 0...UInt32.max))"
                let module = try await pactl(["load-module", "module-null-sink", "sink_name=\(name)", "rate=16000", "channels=1", "format=s16le"])
                modules.append(module.trimmingCharacters(in: .whitespacesAndNewlines))
                names.append(name)
            }
            let result = try await body(names)
            await unload(modules)
            return result
        } catch {
            await unload(modules)
            throw error
        }
    }

    private static func unload(_ modules: [String]) async {
        for module in modules { _ = try? await pactl(["unload-module", module]) }
    }

    /// Runs `pacat` (`--playback` or `--record`) on `device` in the call format with a 20 ms
    /// latency, reading raw audio from `input` or writing it to `output`; the caller ends it.
    static func pacat(_ mode: String, device: String, input: FileHandle? = nil, output: FileHandle? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pacat")
        process.arguments = [mode, "--device=\(device)", "--format=s16le", "--rate=16000", "--channels=1", "--latency-msec=20", "--raw"]
        process.standardInput = input ?? FileHandle.nullDevice
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private static func pactl(_ arguments: [String]) async throws -> String {
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
        guard status == 0 else { throw PulseSetupFailure(message: "pactl \(arguments.joined(separator: " ")) exited \(status): \(text)") }
        return text
    }
}

/// The headless PulseAudio was not there or refused a set-up step.
struct PulseSetupFailure: Error, CustomStringConvertible {
    /// What is wrong.
    let message: String
    var description: String { message }
}
