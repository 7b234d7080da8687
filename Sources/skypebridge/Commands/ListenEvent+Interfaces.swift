import Foundation
import SkypeBridgeCore

extension ListenEvent {
    /// The event types `listen --interfaces` reports.
    static let interfaceTypes: Set = ["incoming-call", "call-status", "call-end", "dtmf", "chat", "contact"]

    /// The line for an interface event; nil for attach and down events, which are logged instead.
    init?(_ event: InterfaceEvent) {
        switch event {
        case .attached, .down:
            return nil
        case let .incomingCall(interface, call, from, displayName, action):
            self.init(type: "incoming-call")
            self.interface = interface
            self.call = call.rawValue
            sender = from
            senderName = displayName
            self.action = action
        case let .callStatus(interface, call, status):
            self.init(type: "call-status")
            self.interface = interface
            self.call = call.rawValue
            self.status = status.rawValue
        case let .dtmf(interface, call, digit):
            self.init(type: "dtmf")
            self.interface = interface
            self.call = call.rawValue
            self.digit = digit
        case let .callEnded(interface, call, answered, audio):
            self.init(type: "call-end")
            self.interface = interface
            self.call = call.rawValue
            self.answered = answered
            bytesIn = audio?.received.bytes
            bytesOut = audio?.sent.bytes
        case let .chat(message):
            self.init(type: "chat")
            interface = message.interface
            id = message.id
            chat = message.chat
            sender = message.from
            senderName = message.fromName
            text = message.body
            time = message.timestamp.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        case let .authorizationRequest(interface, from, text, accepted):
            self.init(type: "contact")
            self.interface = interface
            sender = from
            self.text = text
            self.accepted = accepted
        }
        if time == nil { time = Date() }
    }
}
