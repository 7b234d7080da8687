import TOMLKit

extension HTTPSettings {
    /// The keys `[http]` accepts, besides the `[http.keys]` table.
    static let tomlKeys = ["enabled", "listen", "max_body_size", "rate_limit", "metrics"]

    /// Reads `[http]` and `[http.keys]`; absent keys keep their defaults.
    init(reading reader: ConfigTableReader) throws(ConfigError) {
        try reader.checkKeys(Self.tomlKeys, subsections: ["keys"])
        self.init()
        enabled = try reader.bool("enabled") ?? enabled
        listen = try Self.listenAddress(reading: reader, key: "listen") ?? listen
        maxBodySize = try reader.byteSize("max_body_size", minimum: ByteSize(bytes: 1)) ?? maxBodySize
        rateLimit = try reader.integer("rate_limit", minimum: 1) ?? rateLimit
        metrics = try reader.bool("metrics") ?? metrics
        if let keysReader = try reader.subtable("keys") {
            for (name, value) in keysReader.entriesInFileOrder {
                keys.append(try Self.apiKey(reading: keysReader, name: name, value: value))
            }
        }
    }

    /// `host:port` with a port from 1 to 65535.
    static func listenAddress(reading reader: ConfigTableReader, key: String) throws(ConfigError) -> ListenAddress? {
        guard let text = try reader.string(key) else { return nil }
        guard let (host, portText) = ListenAddress.split(text), let port = Int(portText) else {
            throw ConfigError.invalidValue(
                reader.location(of: key), key: key, expected: #"host:port like "127.0.0.1:8080""#,
                found: ConfigTableReader.quoted(text))
        }
        guard (1...65_535).contains(port) else {
            throw ConfigError.outOfRange(
                reader.location(of: key), key: key, requirement: "use a port between 1 and 65535", found: "\(port)")
        }
        return ListenAddress(host: host, port: port)
    }

    /// One `name = "env:NAME"` or `name = "file:/path"` of `[http.keys]`.
    private static func apiKey(
        reading reader: ConfigTableReader, name: String, value: TOMLValueConvertible
    ) throws(ConfigError) -> APIKey {
        let location = reader.location(of: name)
        let validName = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        guard validName else {
            throw ConfigError.invalidName(
                location, kind: "API key name", name: name, rule: "use only letters, digits, '_' and '-'")
        }
        let expected = #"a reference like "env:NAME" or "file:/path""#
        guard let text = value.string else { throw reader.wrongType(name, expected: expected, value) }
        if let secret = SecretReference(reference: text) {
            return APIKey(name: name, secret: secret)
        }
        if text.hasPrefix("env:") || text.hasPrefix("file:") {
            throw ConfigError.invalidValue(location, key: name, expected: expected, found: ConfigTableReader.quoted(text))
        }
        throw ConfigError.literalSecret(
            location, key: name, section: reader.sectionName, alternatives: [#""env:NAME""#, #""file:/path""#])
    }

    /// Writes `[http]` and `[http.keys]` with every effective value; keys as references.
    func render(into writer: inout TOMLDocumentWriter) {
        writer.section("http")
        writer.bool("enabled", enabled)
        writer.string("listen", listen.description)
        writer.byteSize("max_body_size", maxBodySize)
        writer.integer("rate_limit", rateLimit)
        writer.bool("metrics", metrics)
        writer.section("http.keys")
        if keys.isEmpty { writer.comment("no API keys") }
        for key in keys {
            writer.string(key.name, key.secret.description)
        }
    }
}
