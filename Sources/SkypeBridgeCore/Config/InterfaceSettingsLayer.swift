/// The interface settings one table sets explicitly (`[interfaces]` or `[interfaces.<name>]`),
/// before merging: nil means "inherit".
struct InterfaceSettingsLayer {
    var endpoint: InterfaceEndpoint?
    var skypeUser: String?
    var incomingCallAction: InterfaceOptions.IncomingCallAction?
    var autoAcceptContacts: Bool?
    var writeSilenceWhenIdle: Bool?
    var ringTimeout: Duration?
    var reportIncomingChatMessages: Bool?
    var silentMode: Bool?
    var lowLatencyAudio: Bool?
    var attachTimeout: Duration?
    var applicationName: String?
    var answerPlay: AnsweredCallAudio.Source?
    var answerRecord: AnsweredCallAudio.Destination?

    /// Reads the settings keys of `reader`'s table; other keys are the caller's business.
    init(reading reader: ConfigTableReader) throws(ConfigError) {
        endpoint = try Self.endpoint(reading: reader, key: "endpoint")
        skypeUser = try Self.token(reading: reader, key: "skype_user", expected: "a Skype name without spaces")
        incomingCallAction = try reader.choice("incoming_call_action")
        autoAcceptContacts = try reader.bool("auto_accept_contacts")
        writeSilenceWhenIdle = try reader.bool("write_silence_when_idle")
        ringTimeout = try reader.duration("ring_timeout", minimum: .seconds(1))
        reportIncomingChatMessages = try reader.bool("report_incoming_chat_messages")
        silentMode = try reader.bool("silent_mode")
        lowLatencyAudio = try reader.bool("low_latency_audio")
        attachTimeout = try reader.duration("attach_timeout", minimum: .seconds(1))
        applicationName = try Self.token(
            reading: reader, key: "application_name", expected: "an application name without spaces")
        answerPlay = try Self.parsed(
            reading: reader, key: "answer_play", expected: #""silence", "tone:HZ" (20-8000), "pulse[:SOURCE]" or a WAV file path"#,
            AnsweredCallAudio.source(parsing:))
        answerRecord = try Self.parsed(
            reading: reader, key: "answer_record", expected: #"a directory path ("/…" or "~/…") or "pulse[:SINK]""#,
            AnsweredCallAudio.destination(parsing:))
    }

    /// `options` with every setting this layer sets replaced.
    func applied(to options: InterfaceOptions) -> InterfaceOptions {
        InterfaceOptions(
            incomingCallAction: incomingCallAction ?? options.incomingCallAction,
            autoAcceptContacts: autoAcceptContacts ?? options.autoAcceptContacts,
            writeSilenceWhenIdle: writeSilenceWhenIdle ?? options.writeSilenceWhenIdle,
            ringTimeout: ringTimeout ?? options.ringTimeout,
            reportIncomingChatMessages: reportIncomingChatMessages ?? options.reportIncomingChatMessages,
            silentMode: silentMode ?? options.silentMode,
            lowLatencyAudio: lowLatencyAudio ?? options.lowLatencyAudio,
            attachTimeout: attachTimeout ?? options.attachTimeout,
            applicationName: applicationName ?? options.applicationName,
            answerAudio: AnsweredCallAudio(
                source: answerPlay ?? options.answerAudio.source, destination: answerRecord ?? options.answerAudio.destination)
        )
    }

    /// A string `parse` understands.
    private static func parsed<T>(
        reading reader: ConfigTableReader, key: String, expected: String, _ parse: (String) -> T?
    ) throws(ConfigError) -> T? {
        guard let text = try reader.string(key) else { return nil }
        guard let value = parse(text) else {
            throw ConfigError.invalidValue(reader.location(of: key), key: key, expected: expected, found: ConfigTableReader.quoted(text))
        }
        return value
    }

    /// A non-empty string without whitespace, as the Skype Desktop API protocol needs for names.
    private static func token(reading reader: ConfigTableReader, key: String, expected: String) throws(ConfigError) -> String? {
        guard let text = try reader.string(key) else { return nil }
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace }) else {
            throw ConfigError.invalidValue(
                reader.location(of: key), key: key, expected: expected, found: ConfigTableReader.quoted(text))
        }
        return text
    }

    /// `tcp://host:port` (port 1-65535) or `unix:/path` (absolute or `~/`).
    private static func endpoint(reading reader: ConfigTableReader, key: String) throws(ConfigError) -> InterfaceEndpoint? {
        guard let text = try reader.string(key) else { return nil }
        let invalid = ConfigError.invalidValue(
            reader.location(of: key), key: key, expected: #""tcp://host:port" or "unix:/path""#,
            found: ConfigTableReader.quoted(text))
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst(5))
            guard path.hasPrefix("/") || path.hasPrefix("~/") else { throw invalid }
            return .unix(path: path)
        }
        guard text.hasPrefix("tcp://"), let (host, portText) = ListenAddress.split(String(text.dropFirst(6))),
              let port = Int(portText)
        else { throw invalid }
        guard (1...65_535).contains(port) else {
            throw ConfigError.outOfRange(
                reader.location(of: key), key: key, requirement: "use a port between 1 and 65535", found: "\(port)")
        }
        return .tcp(host: host, port: port)
    }
}
