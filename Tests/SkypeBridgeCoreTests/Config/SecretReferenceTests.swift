import Foundation
import Logging
import Synchronization
import Testing
@testable import SkypeBridgeCore

@Suite struct SecretReferenceTests {
    @Test func environmentSecretIsTheVariablesValue() throws {
        let secret = try SecretReference.environment("SB_PW").resolve(environment: ["SB_PW": "p@ss\n"], logger: Self.logger())

        #expect(secret == "p@ss\n")
    }

    @Test func unsetVariableSaysWhichOne() {
        #expect(throws: ConfigError.secretVariableNotSet(name: "SB_PW")) {
            try SecretReference.environment("SB_PW").resolve(environment: [:], logger: Self.logger())
        }
        #expect(ConfigError.secretVariableNotSet(name: "SB_PW").description
            == "environment variable SB_PW is not set; export it with the secret or change the reference")
    }

    @Test func emptyVariableIsAnError() {
        #expect(throws: ConfigError.secretEmpty(.environment("SB_PW"))) {
            try SecretReference.environment("SB_PW").resolve(environment: ["SB_PW": ""], logger: Self.logger())
        }
    }

    @Test(arguments: [("token\n", "token"), ("token\r\n", "token"), ("token", "token"), ("token\n\n", "token\n"), ("a b", "a b")])
    func fileSecretDropsOneTrailingNewline(content: String, expected: String) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("secret", content)

        #expect(try SecretReference.file(path).resolve(environment: [:], logger: Self.logger()) == expected)
    }

    @Test func fileSecretPathMayStartWithTilde() throws {
        let directory = try TemporaryDirectory()
        try directory.write("secret", "from-home\n")

        let secret = try SecretReference.file("~/secret").resolve(environment: ["HOME": directory.path], logger: Self.logger())

        #expect(secret == "from-home")
    }

    @Test func missingAndEmptyFilesAreErrors() throws {
        let directory = try TemporaryDirectory()
        let empty = try directory.write("empty", "\n")
        let missing = directory.path + "/missing"

        #expect(throws: ConfigError.secretFileNotFound(path: missing)) {
            try SecretReference.file(missing).resolve(environment: [:], logger: Self.logger())
        }
        #expect(throws: ConfigError.secretEmpty(.file(empty))) {
            try SecretReference.file(empty).resolve(environment: [:], logger: Self.logger())
        }
        #expect(ConfigError.secretEmpty(.file(empty)).description == "secret file '\(empty)' is empty; put the secret in it")
    }

    @Test func groupReadableFileIsUsedWithAWarningThatNeverShowsTheSecret() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("secret", "hunter2\n", permissions: 0o640)
        let records = LogRecords()

        let secret = try SecretReference.file(path).resolve(environment: [:], logger: Self.logger(records))

        #expect(secret == "hunter2")
        #expect(records.messages == [
            "secret file '\(path)' is readable by group or others (mode 640); run chmod 600 '\(path)'",
        ])
        #expect(records.messages.allSatisfy { !$0.contains("hunter2") })
    }

    @Test func privateFileGivesNoWarning() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("secret", "x", permissions: 0o600)
        let records = LogRecords()

        _ = try SecretReference.file(path).resolve(environment: [:], logger: Self.logger(records))

        #expect(records.messages.isEmpty)
    }

    @Test(arguments: [
        ("env:SB_KEY", SecretReference.environment("SB_KEY")), ("file:/k", .file("/k")), ("file:~/k", .file("~/k")),
    ])
    func referenceStringsParseAndPrintBack(text: String, reference: SecretReference) {
        #expect(SecretReference(reference: text) == reference)
        #expect(reference.description == text)
    }

    @Test(arguments: ["s3cr3t", "env:", "env:1ABC", "env:A-B", "file:", "ENV:X"])
    func otherStringsAreNotReferences(text: String) {
        #expect(SecretReference(reference: text) == nil)
    }

    static func logger(_ records: LogRecords = LogRecords()) -> Logger {
        Logger(label: "skypebridge.config.test") { _ in CapturingLogHandler(records: records) }
    }
}

/// The messages logged through a ``CapturingLogHandler``.
final class LogRecords: Sendable {
    private let storage = Mutex<[String]>([])

    var messages: [String] { storage.withLock { $0 } }

    func append(_ message: String) {
        storage.withLock { $0.append(message) }
    }
}

/// A log handler that keeps messages in memory for assertions.
struct CapturingLogHandler: LogHandler {
    let records: LogRecords
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        records.append(event.message.description)
    }
}
