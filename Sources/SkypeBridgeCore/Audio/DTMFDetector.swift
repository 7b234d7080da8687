/// In-band DTMF detection on a call's received audio, as a sink that reports each key press once
/// on ``events``.
///
/// The audio is analysed in 20 ms windows every 10 ms (see ``DTMFClassifier``). A digit is
/// reported when two windows in a row agree on it (about 30 ms of tone), and is not reported again
/// until two windows in a row show no digit or a different one, so one press gives one event
/// however long it lasts, and a brief dropout inside a press does not repeat it.
public actor DTMFDetector: AudioFrameSink {
    /// Detected key presses, in order; the stream ends with ``finish()``.
    public nonisolated let events: AsyncStream<DTMFEvent>
    private let continuation: AsyncStream<DTMFEvent>.Continuation
    private let classifier = DTMFClassifier()
    private let windowSize = CallAudioFormat.frameSamples
    private let hop = CallAudioFormat.frameSamples / 2
    private var samples: [Float] = []
    private var samplesStart = 0
    private var candidate: Character?
    private var candidateRun = 0
    private var candidateStart = 0
    private var held: Character?

    /// A detector with no events yet.
    public init() {
        (events, continuation) = AsyncStream.makeStream(of: DTMFEvent.self, bufferingPolicy: .unbounded)
    }

    /// Analyses one received frame (of any length) and reports the presses it completes.
    public func write(_ frame: [Int16]) async throws {
        samples += frame.map { Float($0) }
        var start = 0
        while start + windowSize <= samples.count {
            observe(classifier.digit(in: samples[start..<(start + windowSize)]), at: samplesStart + start)
            start += hop
        }
        samples.removeFirst(start)
        samplesStart += start
    }

    /// Ends ``events``.
    public func finish() async throws {
        continuation.finish()
    }

    private func observe(_ digit: Character?, at position: Int) {
        if digit == candidate {
            candidateRun += 1
        } else {
            candidate = digit
            candidateRun = 1
            candidateStart = position
        }
        guard candidateRun >= 2, candidate != held else { return }
        held = candidate
        if let candidate {
            let offset = Duration.seconds(candidateStart) / CallAudioFormat.sampleRate
            continuation.yield(DTMFEvent(digit: candidate, offset: offset))
        }
    }
}
