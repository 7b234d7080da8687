import Foundation
@testable import SkypeBridgeCore
import Testing

/// Skype's timestamps read by arithmetic give the same instants Foundation's formatter gives.
@Suite struct InternetDateTimeTests {
    @Test(arguments: [
        ("2026-11-22T10:28:36.123Z", 1_795_343_316.123),
        ("2026-11-22T10:28:36Z", 1_795_343_316),
        ("2026-11-22t10:28:36z", 1_795_343_316),
        ("2026-11-22T11:28:36.5+01:00", 1_795_343_316.5),
        ("2026-11-22T05:58:36-04:30", 1_795_343_316),
        ("2026-11-22T11:28:36+0100", 1_795_343_316),
        ("1970-01-01T00:00:00Z", 0),
        ("2024-02-29T23:59:59.999999Z", 1_709_251_199.999999),
    ])
    func timestampsGiveTheirInstant(text: String, seconds: Double) throws {
        let parsed = try #require(InternetDateTime.parse(text))
        #expect(abs(parsed.timeIntervalSince1970 - seconds) < 0.000_001)
    }

    @Test(arguments: ["", "2026-11-22", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T10:28:36",
                      "2026-11-22T10:28:36.Z", "2026-11-22T10:28:36+0100x", "2026-11-22T10:28:36+01", "yesterday"])
    func otherTextIsNotATime(text: String) {
        #expect(InternetDateTime.parse(text) == nil)
    }

    @Test func theFastPathAgreesWithTheFormatterOverManyInstants() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let instant = Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_102_444_800, using: &generator)) + 0.25)
            let text = formatter.string(from: instant)
            #expect(InternetDateTime.parse(text) == formatter.date(from: text), "\(text)")
        }
    }
}
