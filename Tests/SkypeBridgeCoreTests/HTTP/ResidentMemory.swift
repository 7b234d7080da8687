import Foundation

/// The process's resident set size, read from `/proc/self/statm`, and a sampler of its peak.
enum ResidentMemory {
    /// Current resident bytes.
    static func current() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Runs `body` while sampling RSS every 10 ms; returns its result, the RSS before, and the peak.
    static func peak<T: Sendable>(during body: () async throws -> T) async rethrows -> (result: T, before: Int, peak: Int) {
        let before = current()
        let sampler = Task {
            var peak = current()
            while !Task.isCancelled {
                peak = max(peak, current())
                try? await Task.sleep(for: .milliseconds(10))
            }
            return peak
        }
        defer { sampler.cancel() }
        let result = try await body()
        sampler.cancel()
        let peak = max(await sampler.value, current())
        return (result, before, peak)
    }
}
