import TOMLKit

extension BridgeSettings {
    /// The keys `[bridge]` accepts.
    static let tomlKeys = [
        "auto_create_channels", "channel_prefix", "index_channel", "skype_template", "mattermost_template",
        "relay_own_messages", "auto_accept_friends", "allow_mass_mentions", "max_file_size", "drain_timeout",
        "ignore_senders",
    ]

    /// Reads `[bridge]` and `[bridge.mentions]`; absent keys keep their defaults.
    init(reading reader: ConfigTableReader) throws(ConfigError) {
        try reader.checkKeys(Self.tomlKeys, subsections: ["mentions"])
        self.init()
        autoCreateChannels = try reader.bool("auto_create_channels") ?? autoCreateChannels
        channelPrefix = try Self.channelName(reading: reader, key: "channel_prefix", allowEmpty: true) ?? channelPrefix
        indexChannel = try Self.channelName(reading: reader, key: "index_channel", allowEmpty: false) ?? indexChannel
        skypeTemplate = try Self.template(reading: reader, key: "skype_template") ?? skypeTemplate
        mattermostTemplate = try Self.template(reading: reader, key: "mattermost_template") ?? mattermostTemplate
        relayOwnMessages = try reader.bool("relay_own_messages") ?? relayOwnMessages
        autoAcceptFriends = try reader.bool("auto_accept_friends") ?? autoAcceptFriends
        allowMassMentions = try reader.bool("allow_mass_mentions") ?? allowMassMentions
        maxFileSize = try reader.byteSize("max_file_size", minimum: ByteSize(bytes: 1)) ?? maxFileSize
        drainTimeout = try reader.duration("drain_timeout", minimum: .zero) ?? drainTimeout
        ignoreSenders = try reader.stringArray("ignore_senders") ?? ignoreSenders
        if let mentionsReader = try reader.subtable("mentions") {
            for (id, value) in mentionsReader.entriesInFileOrder {
                mentions[id] = try Self.mention(reading: mentionsReader, id: id, value: value)
            }
        }
    }

    /// One `"8:skype.name" = "mattermost.username"` of `[bridge.mentions]`; a leading `@` is
    /// dropped and the name lowercased, as Mattermost keeps usernames.
    private static func mention(reading reader: ConfigTableReader, id: String, value: TOMLValueConvertible) throws(ConfigError) -> String {
        let location = reader.location(of: id)
        guard id.hasPrefix("8:"), id.count > 2, !id.contains(where: \.isWhitespace) else {
            throw ConfigError.invalidName(location, kind: "Skype person id", name: id, rule: #"use the person's id, like "8:alice""#)
        }
        let expected = "a Mattermost username (a-z, 0-9, '.', '-' and '_')"
        guard let text = value.string else { throw reader.wrongType(id, expected: expected, value) }
        let username = (text.hasPrefix("@") ? String(text.dropFirst()) : text).lowercased()
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-_".unicodeScalars)
        let valid = !username.isEmpty && username.count <= 64 && username.unicodeScalars.allSatisfy(allowed.contains)
        guard valid else { throw ConfigError.invalidValue(location, key: id, expected: expected, found: ConfigTableReader.quoted(text)) }
        return username
    }

    /// A Mattermost channel name (or, with `allowEmpty`, the start of one): lowercase letters,
    /// digits, `-` and `_`, starting with a letter or digit, at most 64 characters.
    private static func channelName(
        reading reader: ConfigTableReader, key: String, allowEmpty: Bool
    ) throws(ConfigError) -> String? {
        guard let name = try reader.string(key) else { return nil }
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        let startsWell = name.unicodeScalars.first.map { $0 != "-" && $0 != "_" } ?? allowEmpty
        guard allowed, startsWell, name.utf8.count <= 64 else {
            let expected = "a Mattermost channel name (a-z, 0-9, '-' and '_', starting with a letter or digit)"
            throw ConfigError.invalidValue(
                reader.location(of: key), key: key, expected: allowEmpty ? "the start of " + expected : expected,
                found: ConfigTableReader.quoted(name))
        }
        return name
    }

    /// A message template: it must contain `{message}` and may contain `{sender}`, nothing else
    /// in braces.
    private static func template(reading reader: ConfigTableReader, key: String) throws(ConfigError) -> String? {
        guard let template = try reader.string(key) else { return nil }
        let placeholders = placeholders(in: template)
        guard placeholders.contains("message"), placeholders.allSatisfy(templatePlaceholders.contains) else {
            throw ConfigError.invalidValue(
                reader.location(of: key), key: key,
                expected: "a template with {message} and optionally {sender}",
                found: ConfigTableReader.quoted(template))
        }
        return template
    }

    /// The names between `{` and `}` in `template`.
    private static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var remaining = Substring(template)
        while let open = remaining.firstIndex(of: "{") {
            let afterOpen = remaining[remaining.index(after: open)...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                names.append(String(afterOpen))
                break
            }
            names.append(String(afterOpen[..<close]))
            remaining = afterOpen[afterOpen.index(after: close)...]
        }
        return names
    }

    /// Writes `[bridge]` with every effective value.
    func render(into writer: inout TOMLDocumentWriter) {
        writer.section("bridge")
        writer.bool("auto_create_channels", autoCreateChannels)
        writer.string("channel_prefix", channelPrefix)
        writer.string("index_channel", indexChannel)
        writer.string("skype_template", skypeTemplate)
        writer.string("mattermost_template", mattermostTemplate)
        writer.bool("relay_own_messages", relayOwnMessages)
        writer.bool("auto_accept_friends", autoAcceptFriends)
        writer.bool("allow_mass_mentions", allowMassMentions)
        writer.byteSize("max_file_size", maxFileSize)
        writer.duration("drain_timeout", drainTimeout)
        writer.strings("ignore_senders", ignoreSenders)
        writer.section("bridge.mentions")
        if mentions.isEmpty { writer.comment(#"nobody mapped; add lines like "8:alice" = "alice.smith""#) }
        for (id, username) in mentions.sorted(by: { $0.key < $1.key }) {
            writer.string(id, username)
        }
    }
}
