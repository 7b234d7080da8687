import Foundation
import Logging

/// What arrives on one attached interface, handled for an ``InterfaceMonitor``: incoming calls,
/// their statuses and audio, chat messages and contact requests, until the connection closes.
struct InterfaceCallHandler: Sendable {
    /// An incoming call being handled.
    private struct Call {
        var claim: InterfaceClaim?
        var lastStatus: CallStatus = .ringing
        var answered = false
        var audio: Task<CallAudioLink.Result, Never>?
    }

    let monitor: InterfaceMonitor
    let interface: InterfaceRecord
    let options: InterfaceOptions
    let connection: SkypeAPIConnection
    let store: InterfaceStore
    let events: @Sendable (InterfaceEvent) async -> Void
    let logger: Logger

    /// Handles notifications until the connection closes; calls still open are then closed.
    func run() async {
        var calls: [SkypeCallID: Call] = [:]
        var seen: Set<SkypeCallID> = []
        for await notification in connection.notifications {
            switch notification {
            case let .callStatus(id, status):
                if var call = calls[id] {
                    guard status != call.lastStatus else { continue }
                    call.lastStatus = status
                    await events(.callStatus(interface: interface.name, call: id, status: status))
                    if status == .inProgress && !call.answered {
                        call.answered = true
                        if let claim = call.claim { try? store.update(claim, state: .up, answered: true) }
                        call.audio = await startAudio(id)
                    }
                    if status.isTerminal {
                        await finish(id, call)
                        calls[id] = nil
                    } else {
                        calls[id] = call
                    }
                } else if status == .ringing, seen.insert(id).inserted, let call = await takeRing(id) {
                    calls[id] = call
                }
            case let .callDTMF(id, digit) where calls[id] != nil:
                await events(.dtmf(interface: interface.name, call: id, digit: digit))
            case let .chatMessageStatus(id, status) where status == "RECEIVED":
                await receiveChat(id)
            case let .authorizationRequest(from, text):
                var accepted = false
                if options.autoAcceptContacts {
                    accepted = (try? await connection.send("SET USER \(from) ISAUTHORIZED TRUE")) != nil
                }
                await events(.authorizationRequest(interface: interface.name, from: from, text: text, accepted: accepted))
            default:
                break
            }
        }
        for (id, call) in calls { await finish(id, call) }
    }

    /// Decides what to do with a ring; nil when the call is not ours to handle.
    private func takeRing(_ id: SkypeCallID) async -> Call? {
        guard let type = try? await property(id, "TYPE"), type.uppercased().hasPrefix("INCOMING") else { return nil }
        let from = (try? await property(id, "PARTNER_HANDLE")) ?? ""
        let name = (try? await property(id, "PARTNER_DISPNAME")) ?? from
        let answering = options.incomingCallAction == .answer
        if answering, !(await monitor.mayAnswer(user: interface.skypeUser, caller: from)) {
            logger.debug("another interface of the same user answers this ring", metadata: ["sb.interface": "\(interface.name)"])
            return nil
        }
        let claim: InterfaceClaim
        do {
            claim = try store.claim(.named(interface.name), pid: ProcessInfo.processInfo.processIdentifier, direction: .inbound, partner: from)
        } catch {
            if answering { await monitor.forgetAnswer(user: interface.skypeUser, caller: from) }
            _ = try? await connection.send("ALTER CALL \(id) END HANGUP")
            await events(.incomingCall(interface: interface.name, call: id, from: from, displayName: name, action: "busy"))
            return nil
        }
        try? store.update(claim, state: .incoming, skypeCallID: id)
        let command = answering ? "ALTER CALL \(id) ANSWER" : "ALTER CALL \(id) END HANGUP"
        do {
            _ = try await connection.send(command, timeout: .seconds(5))
        } catch {
            logger.warning("the client refused to handle the incoming call", metadata: ["sb.command": "\(command)", "sb.error": "\(error)"])
        }
        await events(.incomingCall(interface: interface.name, call: id, from: from, displayName: name, action: options.incomingCallAction.rawValue))
        return Call(claim: claim)
    }

    private func startAudio(_ id: SkypeCallID) async -> Task<CallAudioLink.Result, Never>? {
        guard let link = try? await CallAudioLink.open(lowLatency: options.lowLatencyAudio) else { return nil }
        let pump: CallAudioPump
        do {
            pump = try await options.answerAudio.makePump(interface: interface.name, call: id)
        } catch {
            logger.warning(
                "cannot open the answered call's audio (answer_play, answer_record); the caller hears silence",
                metadata: ["sb.interface": "\(interface.name)", "sb.error": "\(error)"])
            pump = CallAudioPump(source: SilenceSource(), sink: CountingSink())
        }
        let connection = connection
        let task = Task {
            let result = await link.run(pump: pump)
            if result.ending == .remoteClosed { _ = try? await connection.send("ALTER CALL \(id) END HANGUP") }
            return result
        }
        _ = try? await connection.send("ALTER CALL \(id) SET_INPUT PORT=\"\(link.inputPort)\"")
        _ = try? await connection.send("ALTER CALL \(id) SET_OUTPUT PORT=\"\(link.outputPort)\"")
        return task
    }

    private func finish(_ id: SkypeCallID, _ call: Call) async {
        var result: CallAudioLink.Result?
        if let audio = call.audio {
            audio.cancel()
            result = await audio.value
        }
        if let claim = call.claim {
            let outcome = call.answered ? CallOutcome.completed.rawValue : call.lastStatus.rawValue.lowercased()
            try? store.release(claim, outcome: outcome, answered: call.answered, bytesIn: result?.received.bytes ?? 0, bytesOut: result?.sent.bytes ?? 0)
        }
        await events(.callEnded(interface: interface.name, call: id, answered: call.answered, audio: result))
    }

    /// Reads a received message, marks it read, then reports it (when configured and it is one a
    /// person said). What the handler does always happens before the event that reports it, so a
    /// listener that stops after that event (`listen --count`) never cuts the action short.
    private func receiveChat(_ id: String) async {
        let message = await readChat(id)
        _ = try? await connection.send("SET CHATMESSAGE \(id) SEEN")
        if let message { await events(.chat(message)) }
    }

    private func readChat(_ id: String) async -> InterfaceChatMessage? {
        guard options.reportIncomingChatMessages, (try? await chatProperty(id, "TYPE"))?.uppercased() == "SAID" else { return nil }
        do {
            let message = InterfaceChatMessage(
                interface: interface.name, id: id, chat: try await chatProperty(id, "CHATNAME"), from: try await chatProperty(id, "FROM_HANDLE"),
                fromName: try await chatProperty(id, "FROM_DISPNAME"), body: try await chatProperty(id, "BODY"),
                timestamp: Int(try await chatProperty(id, "TIMESTAMP")))
            return message.from.lowercased() != interface.skypeUser.lowercased() ? message : nil
        } catch {
            logger.warning("cannot read a received chat message", metadata: ["sb.interface": "\(interface.name)", "sb.error": "\(error)"])
            return nil
        }
    }

    private func property(_ id: SkypeCallID, _ name: String) async throws -> String {
        SkypeAPIMessage(try await connection.send("GET CALL \(id) \(name)", timeout: .seconds(5))).rest(after: 3)
    }

    private func chatProperty(_ id: String, _ name: String) async throws -> String {
        SkypeAPIMessage(try await connection.send("GET CHATMESSAGE \(id) \(name)", timeout: .seconds(5))).rest(after: 3)
    }
}
