/// The per-interface behaviour that `[interfaces]` sets for every interface and
/// `[interfaces.<name>]` may override (after mod_skypopen's `global_settings` and interface params).
public struct InterfaceOptions: Sendable, Hashable {
    /// `incoming_call_action`: what happens to a call that rings on the interface.
    public enum IncomingCallAction: String, Sendable, Hashable, CaseIterable {
        /// Hang the call up (`ALTER CALL <id> END HANGUP`).
        case reject
        /// Answer it (`ALTER CALL <id> ANSWER`) and hand it to the call's audio endpoint.
        case answer
    }

    /// `incoming_call_action` (`"reject"`).
    public var incomingCallAction: IncomingCallAction
    /// `auto_accept_contacts` (false): authorise every contact request the client receives
    /// (`SET USER <h> ISAUTHORIZED TRUE`).
    public var autoAcceptContacts: Bool
    /// `write_silence_when_idle` (true): send silence frames to the client while there is no audio
    /// to send, instead of nothing.
    public var writeSilenceWhenIdle: Bool
    /// `ring_timeout` (`"30s"`): hang up an outgoing call that is not answered within this time.
    public var ringTimeout: Duration
    /// `report_incoming_chat_messages` (true): emit an event for every chat message the client
    /// receives; when false they are only marked as read.
    public var reportIncomingChatMessages: Bool
    /// `silent_mode` (false): keep the client's `SILENT_MODE` on, so it plays no sounds or pop-ups.
    public var silentMode: Bool
    /// `low_latency_audio` (true): small socket buffers (2560 bytes) and `TCP_NODELAY` on the
    /// call audio sockets (mod_skypopen's `setsockopt`).
    public var lowLatencyAudio: Bool
    /// `attach_timeout` (`"10s"`): how long to wait for the client to accept the `NAME` / `PROTOCOL`
    /// handshake before the interface is marked down.
    public var attachTimeout: Duration
    /// `application_name` (`"skypebridge"`): the name sent with `NAME`, which the client shows when
    /// it asks whether to allow access.
    public var applicationName: String
    /// `answer_play` (`"silence"`) and `answer_record` (unset): the audio of a call the interface
    /// answers.
    public var answerAudio: AnsweredCallAudio

    /// Creates interface options; every parameter defaults to the documented default.
    public init(
        incomingCallAction: IncomingCallAction = .reject,
        autoAcceptContacts: Bool = false,
        writeSilenceWhenIdle: Bool = true,
        ringTimeout: Duration = .seconds(30),
        reportIncomingChatMessages: Bool = true,
        silentMode: Bool = false,
        lowLatencyAudio: Bool = true,
        attachTimeout: Duration = .seconds(10),
        applicationName: String = "skypebridge",
        answerAudio: AnsweredCallAudio = AnsweredCallAudio()
    ) {
        self.incomingCallAction = incomingCallAction
        self.autoAcceptContacts = autoAcceptContacts
        self.writeSilenceWhenIdle = writeSilenceWhenIdle
        self.ringTimeout = ringTimeout
        self.reportIncomingChatMessages = reportIncomingChatMessages
        self.silentMode = silentMode
        self.lowLatencyAudio = lowLatencyAudio
        self.attachTimeout = attachTimeout
        self.applicationName = applicationName
        self.answerAudio = answerAudio
    }
}
