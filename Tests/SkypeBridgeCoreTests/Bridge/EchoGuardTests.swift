import Foundation
import Testing
@testable import SkypeBridgeCore

@Suite("Echo guard")
struct EchoGuardTests {
    @Test func aSendTheWorkerMadeLatelyIsAnEchoWithoutReadingTheOutbox() throws {
        let directory = try TemporaryDirectory()
        let store = try StateStore(path: directory.file("state.sqlite"), logger: BridgeHarness.logger)
        let sent = SentTransactions(capacity: 2)
        let guarding = EchoGuard(outbox: Outbox(store: store), sent: sent, links: MessageLinks(store: store), relayOwnMessages: true)
        sent.insert("1001", target: .skype)
        let echo = BridgeHarness.message("relayed", id: "5", sender: "Bridge Bot", own: true, transaction: "1001")
        #expect(try guarding.check(echo) == .echo(nil))
        let typedElsewhere = BridgeHarness.message("from my phone", id: "6", sender: "Bridge Bot", own: true, transaction: "1002")
        #expect(try guarding.check(typedElsewhere) == .relay)
        let sameIDByAPerson = BridgeHarness.message("hi", id: "7", sender: "Alice", transaction: "1001")
        #expect(try guarding.check(sameIDByAPerson) == .relay)
        sent.insert("1003", target: .skype)
        sent.insert("1004", target: .skype)
        #expect(try guarding.check(echo) == .relay)
    }
}
