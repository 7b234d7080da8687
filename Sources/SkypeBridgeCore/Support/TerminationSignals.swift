import UnixSignals

/// Waiting for the signals that ask a foreground command to stop.
public enum TerminationSignals {
    /// Suspends until SIGINT or SIGTERM arrives or the task is cancelled.
    /// - Returns: `SIGINT` or `SIGTERM`; nil when cancelled first.
    public static func wait() async -> String? {
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        for await signal in signals {
            return signal == .sigint ? "SIGINT" : "SIGTERM"
        }
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
        return nil
    }
}
