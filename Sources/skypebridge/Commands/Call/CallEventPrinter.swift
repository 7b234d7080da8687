import Foundation
import SkypeBridgeCore
import Synchronization

/// Prints `call originate`'s events as they happen: a line of text each, or NDJSON.
final class CallEventPrinter: Sendable {
    private let output: Output
    private let target: String
    private let context = Mutex<(interface: String?, call: Int?)>((nil, nil))

    init(output: Output, target: String) {
        self.output = output
        self.target = target
    }

    /// Prints one event; a reader that went away is ignored.
    func print(_ event: CallEvent) {
        var line = CallEventLine(event: "", target: target)
        var text = ""
        switch event {
        case let .interfaceSelected(interface):
            context.withLock { $0.interface = interface.name }
            line.event = "interface"
            line.skypeUser = interface.skypeUser
            text = "interface \(interface.name) (\(interface.skypeUser))"
        case let .interfaceDown(name, reason):
            line.event = "interface-down"
            line.interface = name
            line.reason = reason
            text = "interface \(name) is down: \(reason); trying the next"
        case let .placed(id):
            context.withLock { $0.call = id.rawValue }
            line.event = "placed"
            text = "call \(id) to \(target)"
        case let .status(status):
            line.event = "status"
            line.status = status.rawValue
            text = "status \(status.rawValue)"
        case let .failureReason(reason):
            line.event = "failure-reason"
            line.failureReason = reason
            text = "failure reason \(reason)"
        case let .audioPorts(input, output):
            line.event = "audio-ports"
            line.inputPort = input
            line.outputPort = output
            text = "audio ports: input \(input), output \(output)"
        case let .audioEnded(result):
            line.event = "audio"
            line.reason = result.ending.rawValue
            line.apply(result)
            text = "audio \(result.ending.rawValue): sent \(result.sent.frames) frames (\(result.sent.bytes) bytes), "
                + "received \(result.received.frames) frames (\(result.received.bytes) bytes)"
        case let .dtmfSent(digit):
            line.event = "dtmf-sent"
            line.digit = digit
            text = "dtmf sent \(digit)"
        case let .dtmfDropped(digit):
            line.event = "dtmf-dropped"
            line.digit = digit
            text = "dtmf \(digit) dropped: Skype sends only 0-9, * and #"
        case let .dtmfReceived(digit):
            line.event = "dtmf-received"
            line.digit = digit
            text = "dtmf received \(digit)"
        case let .hangingUp(reason):
            line.event = "hangup"
            line.reason = reason.rawValue
            text = "hanging up (\(reason.rawValue))"
        }
        emit(&line, text: text)
    }

    /// Prints one in-band DTMF digit heard in the received audio (`--detect-dtmf`).
    func print(_ detected: DTMFEvent) {
        var line = CallEventLine(event: "dtmf-detected", target: target)
        line.digit = String(detected.digit)
        line.offsetSeconds = CallEventLine.seconds(detected.offset)
        emit(&line, text: "dtmf detected \(detected.digit) (in-band, \(String(format: "%.2f", line.offsetSeconds ?? 0)) s into the received audio)")
    }

    /// Prints the final line with the outcome.
    func print(_ result: CallResult) {
        var line = CallEventLine(event: "end", target: target)
        line.outcome = result.outcome.rawValue
        line.status = result.finalStatus?.rawValue
        line.answered = result.answered
        line.talkSeconds = CallEventLine.seconds(result.talkTime)
        line.failureReason = result.failureReason
        line.reason = result.hangup?.rawValue
        if let audio = result.audio { line.apply(audio) }
        let talk = String(format: "%.1f", line.talkSeconds ?? 0)
        let ending = result.finalStatus.map { " (\($0.rawValue))" } ?? ""
        emit(&line, text: "call \(result.callID) \(result.outcome.rawValue)\(ending), talk time \(talk) s")
    }

    private func emit(_ line: inout CallEventLine, text: String) {
        let (interface, call) = context.withLock { ($0.interface, $0.call) }
        line.interface = line.interface ?? interface
        line.call = call
        line.time = Date()
        if output.json {
            try? output.jsonLine(line)
        } else {
            try? output.line("\(ISO8601DateFormatter().string(from: line.time ?? Date())) \(line.interface ?? "-") \(text)")
        }
    }
}

/// One NDJSON line of `call originate --json`.
struct CallEventLine: Encodable {
    var event: String
    var target: String
    var time: Date?
    var interface: String?
    var skypeUser: String?
    var call: Int?
    var status: String?
    var reason: String?
    var failureReason: Int?
    var digit: String?
    var inputPort: Int?
    var outputPort: Int?
    var bytesOut: Int?
    var framesOut: Int?
    var skippedTicks: Int?
    var audioSeconds: Double?
    var bytesIn: Int?
    var framesIn: Int?
    var outcome: String?
    var answered: Bool?
    var talkSeconds: Double?
    var offsetSeconds: Double?

    enum CodingKeys: String, CodingKey {
        case event, target, time, interface, call, status, reason, digit, outcome, answered
        case skypeUser = "skype_user"
        case failureReason = "failure_reason"
        case inputPort = "input_port"
        case outputPort = "output_port"
        case bytesOut = "bytes_out"
        case framesOut = "frames_out"
        case skippedTicks = "skipped_ticks"
        case audioSeconds = "audio_seconds"
        case bytesIn = "bytes_in"
        case framesIn = "frames_in"
        case talkSeconds = "talk_seconds"
        case offsetSeconds = "offset_seconds"
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    mutating func apply(_ audio: CallAudioLink.Result) {
        bytesOut = audio.sent.bytes
        framesOut = audio.sent.frames
        skippedTicks = audio.sent.skippedTicks
        audioSeconds = Self.seconds(audio.sent.elapsed)
        bytesIn = audio.received.bytes
        framesIn = audio.received.frames
    }
}
