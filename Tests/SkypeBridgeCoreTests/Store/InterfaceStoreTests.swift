import Foundation
import Logging
import Synchronization
import Testing
@testable import SkypeBridgeCore

@Suite struct InterfaceStoreTests {
    let logger = Logger(label: "test.interfaces") { _ in SwiftLogNoOpLogHandler() }

    private func makeStore(_ tmp: TemporaryDirectory, names: [String] = ["desk1", "desk2", "desk3"], alive: @escaping @Sendable (Int32) -> Bool = { _ in true })
        throws -> InterfaceStore
    {
        let store = InterfaceStore(store: try StateStore(path: tmp.file("state.sqlite"), logger: logger), isAlive: alive)
        try store.loadOnce(names.map { InterfaceSettings(name: $0, endpoint: .tcp(host: "127.0.0.1", port: 1), skypeUser: $0 == "desk3" ? "helpdesk" : "bridgebot") })
        return store
    }

    @Test func roundRobinTakesIdleInterfacesInCursorOrderAndWraps() throws {
        let tmp = try TemporaryDirectory()
        let store = try makeStore(tmp)
        var picked: [String] = []
        for _ in 0..<3 {
            let claim = try store.claim(.roundRobin, pid: 1, direction: .outbound, partner: "echo123")
            picked.append(claim.interface.name)
            try store.release(claim, outcome: "completed", answered: true)
        }
        #expect(picked == ["desk1", "desk2", "desk3"])
        #expect(try store.all().first { $0.id == (try store.roundRobinCursor()) }?.name == "desk1")
        #expect(try store.claim(.roundRobin, pid: 1, direction: .outbound, partner: "x").interface.name == "desk1")
    }

    @Test func roundRobinSkipsBusyInterfacesAndFailsWhenAllAreBusy() throws {
        let tmp = try TemporaryDirectory()
        let store = try makeStore(tmp)
        _ = try store.claim(.named("desk1"), pid: 1, direction: .outbound, partner: "a")
        #expect(try store.claim(.roundRobin, pid: 1, direction: .outbound, partner: "b").interface.name == "desk2")
        #expect(try store.claim(.roundRobin, pid: 1, direction: .outbound, partner: "c").interface.name == "desk3")
        #expect(throws: CallError.noIdleInterface) { try store.claim(.roundRobin, pid: 1, direction: .outbound, partner: "d") }
        #expect(throws: CallError.interfaceBusy("desk2")) { try store.claim(.named("desk2"), pid: 1, direction: .outbound, partner: "e") }
        #expect(throws: CallError.unknownInterface("desk9")) { try store.claim(.named("desk9"), pid: 1, direction: .outbound, partner: "f") }
    }

    @Test func aClaimWhoseOwnerDiedIsReclaimedAndItsCallClosed() throws {
        let tmp = try TemporaryDirectory()
        let dead = Mutex<Set<Int32>>([])
        let store = try makeStore(tmp, names: ["desk1"]) { pid in !dead.withLock { $0.contains(pid) } }
        let claim = try store.claim(.roundRobin, pid: 4242, direction: .outbound, partner: "echo123")
        try store.update(claim, state: .up, skypeCallID: SkypeCallID(rawValue: 7), answered: true)
        #expect(try store.all()[0].state == .up)
        #expect(try store.all()[0].call == InterfaceCall(direction: "outbound", partner: "echo123", skypeCallID: "7"))
        #expect(throws: CallError.noIdleInterface) { try store.claim(.roundRobin, pid: 1, direction: .outbound, partner: "x") }
        dead.withLock { _ = $0.insert(4242) }
        let again = try store.claim(.roundRobin, pid: 1, direction: .outbound, partner: "y")
        #expect(again.interface.name == "desk1")
        #expect(again.interface.ownerPID == 1)
    }

    @Test func releaseCountsUnansweredCallsAsFailedByDirection() throws {
        let tmp = try TemporaryDirectory()
        let store = try makeStore(tmp, names: ["desk1"])
        try store.release(try store.claim(.named("desk1"), pid: 1, direction: .outbound, partner: "busy"), outcome: "busy", answered: false)
        try store.release(try store.claim(.named("desk1"), pid: 1, direction: .outbound, partner: "echo123"), outcome: "completed", answered: true)
        try store.release(try store.claim(.named("desk1"), pid: 1, direction: .inbound, partner: "alice"), outcome: "refused", answered: false)
        let desk1 = try store.all()[0]
        #expect((desk1.outboundFailed, desk1.outboundTotal, desk1.inboundFailed, desk1.inboundTotal) == (1, 2, 1, 1))
        #expect(desk1.state == .idle && desk1.call == nil && desk1.ownerPID == nil)
    }

    @Test func removeRefusesBusyInterfacesAndUnknownNamesAndKeepsRoundRobinWorking() throws {
        let tmp = try TemporaryDirectory()
        let store = try makeStore(tmp)
        try store.release(try store.claim(.roundRobin, pid: 1, direction: .outbound, partner: "a"), outcome: "completed", answered: true)
        #expect(try store.all().first { $0.id == (try store.roundRobinCursor()) }?.name == "desk2")
        #expect(try store.remove(InterfaceReference("#desk2")).name == "desk2")
        #expect(try store.claim(.roundRobin, pid: 1, direction: .outbound, partner: "b").interface.name == "desk3")
        #expect(throws: CallError.interfaceBusy("desk3")) { try store.remove(InterfaceReference("helpdesk")) }
        #expect(throws: CallError.unknownInterface("#9")) { try store.remove(InterfaceReference("#9")) }
        #expect(try store.remove(InterfaceReference("#1")).name == "desk1")
        #expect(try store.all().map(\.name) == ["desk3"])
    }

    @Test func theConfigurationIsLoadedOnlyOnce() throws {
        let tmp = try TemporaryDirectory()
        let store = try makeStore(tmp)
        _ = try store.remove(InterfaceReference("#desk1"))
        #expect(try !store.loadOnce([InterfaceSettings(name: "desk1", endpoint: .tcp(host: "127.0.0.1", port: 1), skypeUser: "bridgebot")]))
        #expect(try store.all().map(\.name) == ["desk2", "desk3"])
    }
}
