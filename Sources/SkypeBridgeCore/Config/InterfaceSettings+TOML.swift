import TOMLKit

extension InterfaceSettings {
    /// The settings keys of `[interfaces]` and `[interfaces.<name>]`.
    static let tomlKeys = [
        "endpoint", "skype_user", "incoming_call_action", "auto_accept_contacts", "write_silence_when_idle",
        "ring_timeout", "report_incoming_chat_messages", "silent_mode", "low_latency_audio", "attach_timeout",
        "application_name", "answer_play", "answer_record",
    ]

    /// Reads `[interfaces]`: its own keys are defaults, each table is one interface. Returns the
    /// effective defaults and every interface merged over them, in file order.
    static func readAll(from reader: ConfigTableReader) throws(ConfigError) -> (InterfaceDefaults, [InterfaceSettings]) {
        var interfaceReaders: [ConfigTableReader] = []
        for (key, value) in reader.entriesInFileOrder where !tomlKeys.contains(key) {
            if value.type == .table {
                guard isValidName(key) else {
                    throw ConfigError.invalidName(reader.location(of: key), kind: "interface name", name: key, rule: nameRule)
                }
                if let interfaceReader = try reader.subtable(key) { interfaceReaders.append(interfaceReader) }
            } else {
                throw reader.unknownKey(key, known: tomlKeys)
            }
        }
        let globalLayer = try InterfaceSettingsLayer(reading: reader)
        let defaults = InterfaceDefaults(
            endpoint: globalLayer.endpoint, skypeUser: globalLayer.skypeUser,
            options: globalLayer.applied(to: InterfaceOptions()))
        var interfaces: [InterfaceSettings] = []
        for interfaceReader in interfaceReaders {
            interfaces.append(try InterfaceSettings(reading: interfaceReader, defaults: defaults))
        }
        return (defaults, interfaces)
    }

    /// Reads one `[interfaces.<name>]` and merges it over `defaults`.
    private init(reading reader: ConfigTableReader, defaults: InterfaceDefaults) throws(ConfigError) {
        try reader.checkKeys(Self.tomlKeys)
        let layer = try InterfaceSettingsLayer(reading: reader)
        let name = reader.path[reader.path.count - 1]
        guard let endpoint = layer.endpoint ?? defaults.endpoint else {
            throw ConfigError.missingSetting(
                reader.location(), key: "endpoint", section: reader.sectionName,
                hint: #"set it there (e.g. "tcp://127.0.0.1:5000" or "unix:/run/skype.sock") or in [interfaces]"#)
        }
        guard let skypeUser = layer.skypeUser ?? defaults.skypeUser else {
            throw ConfigError.missingSetting(
                reader.location(), key: "skype_user", section: reader.sectionName, hint: "set it there or in [interfaces]")
        }
        self.init(name: name, endpoint: endpoint, skypeUser: skypeUser, options: layer.applied(to: defaults.options))
    }

    /// Writes `[interfaces]` (the effective defaults) and every `[interfaces.<name>]` in full.
    static func render(defaults: InterfaceDefaults, interfaces: [InterfaceSettings], into writer: inout TOMLDocumentWriter) {
        writer.section("interfaces")
        writer.optionalString("endpoint", defaults.endpoint?.description)
        writer.optionalString("skype_user", defaults.skypeUser)
        defaults.options.render(into: &writer)
        for interface in interfaces {
            writer.section("interfaces.\(interface.name)")
            writer.string("endpoint", interface.endpoint.description)
            writer.string("skype_user", interface.skypeUser)
            interface.options.render(into: &writer)
        }
    }
}

extension InterfaceOptions {
    /// Writes every option as `key = value`.
    func render(into writer: inout TOMLDocumentWriter) {
        writer.string("incoming_call_action", incomingCallAction.rawValue)
        writer.bool("auto_accept_contacts", autoAcceptContacts)
        writer.bool("write_silence_when_idle", writeSilenceWhenIdle)
        writer.duration("ring_timeout", ringTimeout)
        writer.bool("report_incoming_chat_messages", reportIncomingChatMessages)
        writer.bool("silent_mode", silentMode)
        writer.bool("low_latency_audio", lowLatencyAudio)
        writer.duration("attach_timeout", attachTimeout)
        writer.string("application_name", applicationName)
        writer.string("answer_play", answerAudio.sourceText)
        if let record = answerAudio.destinationText { writer.string("answer_record", record) }
    }
}
