/// How an outgoing call to a target plays out, chosen by the target's name (§7.3 of the
/// protocol notes). Any other Skype name rings and answers with a 440 Hz tone.
enum ClientAPICallOutcome: Sendable, Equatable {
    /// Rings, answers after `afterMilliseconds`, plays `source`; the remote side hangs up after
    /// `hangUpAfter` seconds when set. `echo123`, `answer:<ms>`, `hangup-after:<s>` and plain names.
    case answer(afterMilliseconds: Int, source: ClientAPIAudioSource, hangUpAfter: Double?)
    /// `audio-drop:<s>`: answers with a 440 Hz tone and closes its output socket `seconds` after
    /// connecting to it, while the call stays in progress (a remote audio failure).
    case dropAudio(afterSeconds: Double)
    /// `busy`: ROUTING, then BUSY.
    case busy
    /// `refuse`: ROUTING, RINGING, then REFUSED.
    case refuse
    /// `noanswer[:<s>]`: rings, then MISSED.
    case noAnswer(seconds: Double)
    /// `fail:<reason>` and `offline` (reason 3): FAILUREREASON, then FAILED.
    case fail(reason: Int)
    /// `invalid` and malformed `+numbers`: `ERROR 92 CALL: Unrecognised identity`, no call.
    case invalid
    /// `+<7-15 digits>`: SkypeOut with early media, paid from the caller's balance.
    case pstn

    /// The outcome for `target` under `timing`.
    init(target: String, timing: SkypeClientAPISeed.Timing) {
        let lowered = target.lowercased()
        let (head, argument) = lowered.split(separator: ":", maxSplits: 1).map(String.init).splitFirst()
        switch head {
        case "echo123":
            self = .answer(afterMilliseconds: timing.answerMilliseconds, source: .echo, hangUpAfter: nil)
        case "answer":
            self = .answer(afterMilliseconds: argument.flatMap { Int($0) } ?? timing.answerMilliseconds, source: .tone(440), hangUpAfter: nil)
        case "hangup-after":
            self = .answer(afterMilliseconds: timing.answerMilliseconds, source: .tone(440), hangUpAfter: argument.flatMap { Double($0) } ?? 5)
        case "audio-drop":
            self = .dropAudio(afterSeconds: argument.flatMap { Double($0) } ?? 1)
        case "busy":
            self = .busy
        case "refuse":
            self = .refuse
        case "noanswer":
            self = .noAnswer(seconds: argument.flatMap { Double($0) } ?? timing.noAnswerSeconds)
        case "fail":
            self = .fail(reason: argument.flatMap { Int($0) }.flatMap { (1...12).contains($0) ? $0 : nil } ?? 1)
        case "offline":
            self = .fail(reason: 3)
        case "invalid":
            self = .invalid
        default:
            if lowered.hasPrefix("+") {
                let digits = lowered.dropFirst()
                self = (7...15).contains(digits.count) && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) ? .pstn : .invalid
            } else {
                self = .answer(afterMilliseconds: timing.answerMilliseconds, source: .tone(440), hangUpAfter: nil)
            }
        }
    }
}

extension Array where Element == String {
    /// The first element and the second one, if any.
    fileprivate func splitFirst() -> (String, String?) {
        (first ?? "", count > 1 ? self[1] : nil)
    }
}
