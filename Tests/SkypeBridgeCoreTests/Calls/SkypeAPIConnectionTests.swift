import Foundation
import Logging
import SkypeBridgeCore
import SkypeBridgeSandbox
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("SkypeAPIConnection against the client API emulator")
struct SkypeAPIConnectionTests {
    static let timing = SkypeClientAPISeed.Timing(stepMilliseconds: 20, answerMilliseconds: 100, noAnswerSeconds: 0.3, incomingRingSeconds: 5)

    static var logger: Logger {
        var logger = Logger(label: "test.calls")
        logger.logLevel = .critical
        return logger
    }

    /// Runs `body` against a started emulator of `endpoints`, stopping it afterwards.
    func withEmulator(
        _ endpoints: [SkypeClientAPISeed.Endpoint] = SkypeClientAPISeed.default.endpoints,
        _ body: (SandboxServiceInfo) async throws -> Void
    ) async throws {
        let emulator = SkypeClientAPIEmulator(seed: SkypeClientAPISeed(endpoints: endpoints, timing: Self.timing), logger: Self.logger)
        let info = try await emulator.start(host: "127.0.0.1")
        do {
            try await body(info)
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }

    func connect(_ info: SandboxServiceInfo, _ name: String, expectedUser: String? = nil, timeout: Duration = .seconds(5)) async throws -> SkypeAPIConnection {
        try await SkypeAPIConnection.connect(
            to: try SkypeAPIEndpoint(parsing: info.urls["endpoint.\(name)"]!), expectedUser: expectedUser, timeout: timeout, logger: Self.logger)
    }

    /// Collects call statuses of `call` from `connection` until a terminal one.
    func statuses(of call: SkypeCallID, on connection: SkypeAPIConnection, until last: CallStatus? = nil) async -> [CallStatus] {
        var seen: [CallStatus] = []
        for await notification in connection.notifications {
            guard case let .callStatus(id, status) = notification, id == call else { continue }
            if seen.last != status { seen.append(status) }
            if status == last || (last == nil && status.isTerminal) { break }
        }
        return seen
    }

    @Test func attachesAndReportsUserAndProtocol() async throws {
        try await withEmulator { info in
            let connection = try await connect(info, "desk3", expectedUser: "HelpDesk")
            #expect(await connection.currentUser == "helpdesk")
            #expect(await connection.protocolVersion == 8)
            #expect(try await connection.send("PING") == "PONG")
            await connection.close()
            await connection.close()
        }
    }

    @Test func echoCallReportsStatusesInOrderAndEndsFinishedOnHangUp() async throws {
        try await withEmulator { info in
            let connection = try await connect(info, "desk1")
            let call = try await connection.placeCall(to: "echo123")
            #expect(await statuses(of: call, on: connection, until: .inProgress) == [.unplaced, .routing, .ringing, .inProgress])
            #expect(try await connection.callProperty(call, "partner_handle") == "echo123")
            try await connection.sendDTMF(call, digit: "7")
            await #expect(throws: CallError.invalidDTMF("A")) { try await connection.sendDTMF(call, digit: "A") }
            try await connection.hangUp(call)
            #expect(await statuses(of: call, on: connection) == [.finished])
            try await connection.hangUp(call)
            await connection.close()
        }
    }

    @Test func refusedAndBusyAndFailedCallsEndWithTheirStatus() async throws {
        try await withEmulator { info in
            let connection = try await connect(info, "desk2")
            let busy = try await connection.placeCall(to: "busy")
            #expect(await statuses(of: busy, on: connection).last == .busy)
            let offline = try await connection.placeCall(to: "offline")
            var reason: Int?
            for await notification in connection.notifications {
                if case let .callFailureReason(id, value) = notification, id == offline { reason = value }
                if case let .callStatus(id, status) = notification, id == offline, status.isTerminal {
                    #expect(status == .failed)
                    break
                }
            }
            #expect(reason == 3)
            await connection.close()
        }
    }

    @Test func invalidTargetIsReportedAsUnrecognised() async throws {
        try await withEmulator { info in
            let connection = try await connect(info, "desk1")
            await #expect(throws: CallError.unrecognisedTarget("+1")) { _ = try await connection.placeCall(to: "+1") }
            await #expect(throws: CallError.commandFailed(command: "BOGUS", code: 2, message: "Unknown command")) { _ = try await connection.send("BOGUS") }
            await connection.close()
        }
    }

    @Test func bareOKReplyStillYieldsTheCallID() async throws {
        try await withEmulator([.init(name: "linux", skypeUser: "dave", bareCallReply: true)]) { info in
            let connection = try await connect(info, "linux")
            let call = try await connection.placeCall(to: "refuse")
            #expect(await statuses(of: call, on: connection) == [.unplaced, .routing, .ringing, .refused])
            await connection.close()
        }
    }

    @Test func incomingCallCanBeAnswered() async throws {
        try await withEmulator { info in
            let connection = try await connect(info, "desk3")
            var request = URLRequest(url: URL(string: info.urls["control"]! + "/incoming-call")!)
            request.httpMethod = "POST"
            request.httpBody = Data(#"{"to":"helpdesk","from":"alice"}"#.utf8)
            _ = try await URLSession.shared.data(for: request)
            var ringing: SkypeCallID?
            for await notification in connection.notifications {
                if case let .callStatus(id, .ringing) = notification {
                    ringing = id
                    break
                }
            }
            let call = try #require(ringing)
            try await connection.answer(call)
            #expect(await statuses(of: call, on: connection, until: .inProgress) == [.inProgress])
            await connection.close()
        }
    }

    @Test func wrongUserDeniedAndSilentClientsFailClearly() async throws {
        try await withEmulator([
            .init(name: "other", skypeUser: "bob", reportedUser: "mallory"),
            .init(name: "denied", skypeUser: "bob", authorization: .deny),
            .init(name: "silent", skypeUser: "bob", authorization: .silent),
        ]) { info in
            let other = try SkypeAPIEndpoint(parsing: info.urls["endpoint.other"]!)
            await #expect(throws: CallError.wrongUser(endpoint: other.description, expected: "bob", actual: "mallory")) {
                _ = try await connect(info, "other", expectedUser: "bob")
            }
            let denied = try SkypeAPIEndpoint(parsing: info.urls["endpoint.denied"]!)
            await #expect(throws: CallError.notAuthorized(endpoint: denied.description)) { _ = try await connect(info, "denied") }
            await #expect(throws: CallError.timeout(command: "NAME skypebridge")) { _ = try await connect(info, "silent", timeout: .milliseconds(300)) }
        }
    }

    @Test func unreachableEndpointIsUnavailable() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-missing-\(UUID().uuidString.prefix(8)).sock").path
        do {
            _ = try await SkypeAPIConnection.connect(to: .unix(path: path), logger: Self.logger)
            Issue.record("connected to a socket that does not exist")
        } catch let error as CallError {
            guard case .connectionFailed = error else { throw error }
            #expect(error.category == .unavailable)
        }
    }

    @Test func unixEndpointWorks() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-\(UUID().uuidString.prefix(8)).sock").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withEmulator([.init(name: "local", skypeUser: "carol", listen: "unix:\(path)")]) { info in
            let connection = try await SkypeAPIConnection.connect(to: .unix(path: path), expectedUser: "carol", logger: Self.logger)
            #expect(try await connection.send("GET PROFILE PSTN_BALANCE_CURRENCY") == "PROFILE PSTN_BALANCE_CURRENCY EUR")
            await connection.close()
        }
    }

    @Test func droppedConnectionFinishesNotificationsAndFailsCommands() async throws {
        try await withEmulator { info in
            let connection = try await connect(info, "desk1")
            var request = URLRequest(url: URL(string: info.urls["control"]! + "/endpoints/desk1/drop")!)
            request.httpMethod = "POST"
            _ = try await URLSession.shared.data(for: request)
            for await _ in connection.notifications {}
            await #expect(throws: CallError.disconnected(endpoint: connection.endpoint.description)) { _ = try await connection.send("PING") }
            await connection.close()
        }
    }
}

extension SkypeAPIConnectionTests {
    @Test func duplicateStatusesAndUnknownPropertiesDoNotConfuseTheStream() async throws {
        try await withEmulator([.init(name: "chatty", skypeUser: "erin", noisy: true)]) { info in
            let connection = try await connect(info, "chatty")
            let call = try await connection.placeCall(to: "busy")
            var raw: [CallStatus] = []
            var properties: Set<String> = []
            for await notification in connection.notifications {
                if case let .callProperty(id, name, _) = notification, id == call { properties.insert(name) }
                guard case let .callStatus(id, status) = notification, id == call else { continue }
                raw.append(status)
                if raw.filter({ $0 == .busy }).count == 2 { break }
            }
            #expect(raw == [.unplaced, .routing, .routing, .busy, .busy])
            #expect(properties.isSuperset(of: ["CONF_ID"]))
            await connection.close()
        }
    }
}
