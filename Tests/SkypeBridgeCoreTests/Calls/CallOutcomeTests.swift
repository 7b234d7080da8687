import Testing
@testable import SkypeBridgeCore

@Suite struct CallOutcomeTests {
    @Test(arguments: [
        (CallStatus?.some(.finished), true, CallHangupReason?.none, false, CallOutcome.completed),
        (.finished, true, .durationReached, false, .completed),
        (.busy, false, nil, false, .busy),
        (.refused, false, nil, false, .refused),
        (.missed, false, nil, false, .noAnswer),
        (.cancelled, false, .ringTimeout, false, .noAnswer),
        (.failed, false, nil, false, .failed),
        (.finished, true, .interrupted, false, .interrupted),
        (.inProgress, true, nil, true, .failed),
        (nil, false, nil, true, .failed),
    ])
    func classifiesEveryEnding(status: CallStatus?, answered: Bool, hangup: CallHangupReason?, lost: Bool, expected: CallOutcome) {
        #expect(CallOutcome.classify(finalStatus: status, answered: answered, hangup: hangup, connectionLost: lost) == expected)
    }
}
