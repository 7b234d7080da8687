import Foundation
import HTTPTypes
import Logging
import SkypeBridgeSandbox
import Synchronization
import WSClient

/// `scripts/bench.sh mattermost`, or the built `mattermost-bench [--posts N] [--connections C] [--samples S] [--output PATH]`
///
/// Starts a Mattermost emulator in-process, keeps one WebSocket listener (the bridge bot)
/// connected, then measures (1) posts/s created over C keep-alive HTTP connections and
/// (2) the latency from starting `POST /posts` to the `posted` event arriving on the socket,
/// one post at a time. Writes a Markdown report (default Benchmarks/results/mattermost.md).
@main
struct MattermostBenchmark {
    static func main() async throws {
        let arguments = CommandLine.arguments
        func value(_ name: String, _ fallback: Int) -> Int {
            arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? fallback
        }
        let posts = value("--posts", 20000)
        let connections = value("--connections", 4)
        let samples = value("--samples", 2000)
        let output = arguments.firstIndex(of: "--output").map { arguments[$0 + 1] } ?? "Benchmarks/results/mattermost.md"

        var logger = Logger(label: "bench.mattermost")
        logger.logLevel = .critical
        let emulator = MattermostEmulator(options: .init(port: 0), logger: logger)
        let info = try await emulator.start(host: "127.0.0.1")
        let port = Int(URL(string: info.urls["base"]!)!.port!)
        let token = info.accounts.first { $0.role == "bot" }!.secret
        let miaToken = info.accounts.first { $0.username == "mia" && $0.role == "personal-access-token" }!.secret
        let channelId = try channel(named: "town-square", port: port, token: token)

        let arrivals = EventArrivals()
        let listener = Task {
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            try await WebSocketClient.connect(url: info.urls["websocket"]!, configuration: .init(maxFrameSize: 1 << 20, additionalHeaders: headers), logger: logger) { inbound, _, _ in
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    let now = ContinuousClock.now
                    guard case .text(let text) = message, let sample = latencySample(in: text) else { continue }
                    arrivals.record(sample, at: now)
                }
            }
        }
        try await Task.sleep(for: .milliseconds(300))

        let loadBefore = loadAverage()
        let cpuBefore = processCPUTime()
        let throughput = try measureThroughput(posts: posts, connections: connections, port: port, token: miaToken, channelId: channelId)
        let cpuPerPost = (processCPUTime() - cpuBefore) / Double(posts) * 1e6
        let latencies = try await measureLatency(samples: samples, port: port, token: miaToken, channelId: channelId, arrivals: arrivals)
        listener.cancel()
        await emulator.stop()

        let report = render(posts: posts, connections: connections, throughput: throughput, cpuPerPost: cpuPerPost, latencies: latencies, loadBefore: loadBefore)
        try FileManager.default.createDirectory(atPath: (output as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try report.write(toFile: output, atomically: true, encoding: .utf8)
        print(report)
    }

    private static func channel(named name: String, port: Int, token: String) throws -> String {
        let reply = try HTTPConnection(port: port).send(method: "GET", path: "/_control/mattermost/state", token: token)
        let state = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any]
        let channels = state?["channels"] as? [[String: Any]] ?? []
        return channels.first { $0["name"] as? String == name }?["id"] as? String ?? ""
    }

    /// Posts/s over `connections` threads sharing `posts`.
    private static func measureThroughput(posts: Int, connections: Int, port: Int, token: String, channelId: String) throws -> Double {
        let failures = Mutex(0)
        let started = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: connections) { worker in
            do {
                let connection = try HTTPConnection(port: port)
                for index in stride(from: worker, to: posts, by: connections) {
                    let body = Array(#"{"channel_id":"\#(channelId)","message":"load \#(index)"}"#.utf8)
                    let status = try connection.send(method: "POST", path: "/api/v4/posts", token: token, body: body).status
                    if status != 201 { failures.withLock { $0 += 1 } }
                }
            } catch {
                failures.withLock { $0 += posts }
            }
        }
        let elapsed = ContinuousClock.now - started
        if failures.withLock({ $0 }) > 0 { throw BenchmarkError.unexpectedStatus(failures.withLock { $0 }) }
        return Double(posts) / seconds(elapsed)
    }

    /// Sequential post → event latencies in milliseconds.
    private static func measureLatency(samples: Int, port: Int, token: String, channelId: String, arrivals: EventArrivals) async throws -> [Double] {
        let connection = try HTTPConnection(port: port)
        var latencies: [Double] = []
        for sample in 0..<samples {
            let body = Array(#"{"channel_id":"\#(channelId)","message":"lat-\#(sample)"}"#.utf8)
            let sent = ContinuousClock.now
            let status = try connection.send(method: "POST", path: "/api/v4/posts", token: token, body: body).status
            guard status == 201 else { throw BenchmarkError.unexpectedStatus(status) }
            let arrived = try await arrivals.wait(for: sample)
            latencies.append(seconds(arrived - sent) * 1000)
        }
        return latencies.sorted()
    }

    /// N from the `lat-N` message inside a `posted` event, found on the UTF-8 bytes.
    private static func latencySample(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        let marker = Array("lat-".utf8)
        guard bytes.count > marker.count else { return nil }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] && bytes[start..<(start + marker.count)].elementsEqual(marker) {
            let digits = bytes[(start + marker.count)...].prefix { $0 >= 48 && $0 <= 57 }
            return digits.isEmpty ? nil : digits.reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        return nil
    }

    /// User plus system CPU seconds of this process (emulator and load generator together).
    private static func processCPUTime() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The 1, 5 and 15 minute load averages.
    private static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func render(posts: Int, connections: Int, throughput: Double, cpuPerPost: Double, latencies: [Double], loadBefore: String) -> String {
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        let p50 = percentile(0.50), p99 = percentile(0.99)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let load = loadAverage()
        return """
            # Mattermost emulator benchmark

            Measured \(ISO8601DateFormatter().string(from: Date())) with `scripts/bench.sh mattermost` \
            (\(cores) cores, load average at the start \(loadBefore), at the end \(load); the machine is shared with other builds).
            One WebSocket listener (the bridge bot, a member of the channel) stays connected throughout,
            so every post is also numbered, buffered for resume and sent as a `posted` event.

            | measure | result | target |
            |---|---|---|
            | posts/s (`POST /api/v4/posts`, \(posts) posts over \(connections) keep-alive connections) | \(String(format: "%.0f", throughput)) | ≥ 5,000 |
            | CPU per post (emulator and load generator, user + system) | \(String(format: "%.0f", cpuPerPost)) µs | ≤ 400 µs (2 cores at 5,000 posts/s) |
            | post → `posted` event latency p50 (\(latencies.count) sequential posts) | \(String(format: "%.3f", p50)) ms | — |
            | post → `posted` event latency p99 | \(String(format: "%.3f", p99)) ms | < 2 ms |
            | post → `posted` event latency max | \(String(format: "%.3f", latencies.last ?? 0)) ms | — |

            Latency runs from the start of the HTTP request to the event's arrival on the socket,
            so it includes the REST round trip.

            """
    }
}

/// When each `lat-N` event arrived, and a way to wait for one.
final class EventArrivals: Sendable {
    private let state = Mutex<(times: [Int: ContinuousClock.Instant], waiters: [Int: CheckedContinuation<ContinuousClock.Instant, Never>])>(([:], [:]))

    func record(_ sample: Int, at time: ContinuousClock.Instant) {
        let waiter = state.withLock { state -> CheckedContinuation<ContinuousClock.Instant, Never>? in
            if let waiter = state.waiters.removeValue(forKey: sample) { return waiter }
            state.times[sample] = time
            return nil
        }
        waiter?.resume(returning: time)
    }

    func wait(for sample: Int) async throws -> ContinuousClock.Instant {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> ContinuousClock.Instant? in
                if let time = state.times.removeValue(forKey: sample) { return time }
                state.waiters[sample] = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
