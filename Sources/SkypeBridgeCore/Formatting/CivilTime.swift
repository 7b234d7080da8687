/// A UTC calendar time computed by arithmetic, so formatting stays pure and locale-free.
struct CivilTime: Equatable {
    var year: Int64
    var month: Int64
    var day: Int64
    var hour: Int64
    var minute: Int64
    var second: Int64

    /// The calendar time of `epochSeconds` seconds since 1970-01-01 00:00:00 UTC.
    init(epochSeconds: Int64) {
        let clamped = min(max(epochSeconds, -62_135_596_800), 253_402_300_799)
        let days = clamped >= 0 ? clamped / 86_400 : (clamped - 86_399) / 86_400
        let secondsOfDay = clamped - days * 86_400
        hour = secondsOfDay / 3600
        minute = secondsOfDay % 3600 / 60
        second = secondsOfDay % 60
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// A calendar time from its parts, or nil when a part is out of range.
    init?(year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        guard CivilTime(epochSeconds: epochSeconds) == self else { return nil }
    }

    /// Seconds since 1970-01-01 00:00:00 UTC.
    var epochSeconds: Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// `2024-01-02 03:04:05 UTC`, the form used in Mattermost quote attributions.
    var isoText: String {
        "\(pad(year, 4))-\(pad(month))-\(pad(day)) \(pad(hour)):\(pad(minute)):\(pad(second)) UTC"
    }

    /// `02/01/2024 03:04:05`, the form of Skype's legacy quote header.
    var skypeLegacyText: String {
        "\(pad(day))/\(pad(month))/\(pad(year, 4)) \(pad(hour)):\(pad(minute)):\(pad(second))"
    }

    /// Reads `2024-01-02 03:04:05 UTC` back into seconds since 1970.
    static func parseISOText(_ text: Substring) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 23, bytes[19...].elementsEqual(" UTC".utf8) else { return nil }
        return CivilTime(leading: bytes, separators: [UInt8(ascii: " ")])?.epochSeconds
    }

    /// The calendar time the first 19 bytes spell as `YYYY-MM-DD?HH:MM:SS`, where `?` is one of
    /// `separators`; nil when they do not, or name no valid time.
    init?(leading bytes: [UInt8], separators: [UInt8]) {
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), separators.contains(bytes[10]),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        guard let year = Self.decimal(bytes[0..<4]), let month = Self.decimal(bytes[5..<7]), let day = Self.decimal(bytes[8..<10]),
            let hour = Self.decimal(bytes[11..<13]), let minute = Self.decimal(bytes[14..<16]), let second = Self.decimal(bytes[17..<19])
        else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// The number ASCII `digits` spell; nil when one is not a digit.
    static func decimal(_ digits: ArraySlice<UInt8>) -> Int64? {
        var value: Int64 = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return value
    }

    /// `20240102-030405`, for file names.
    var compactText: String {
        "\(pad(year, 4))\(pad(month))\(pad(day))-\(pad(hour))\(pad(minute))\(pad(second))"
    }

    private func pad(_ value: Int64, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
