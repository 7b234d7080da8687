import Logging
import Synchronization

/// A log handler that keeps every formatted line in memory, for asserting on log output.
final class LogSink: LogHandler, Sendable {
    private let stored = Mutex<[String]>([])

    var lines: [String] { stored.withLock { $0 } }

    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        let metadata = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        guard event.level == .debug else { return }
        stored.withLock { $0.append(([event.message.description] + metadata).joined(separator: " ")) }
    }
}
