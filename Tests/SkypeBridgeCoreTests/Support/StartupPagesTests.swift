import Foundation
@testable import SkypeBridgeCore
import Testing

/// Releasing start-up pages drops the clean pages of loaded images and nothing the process owns.
@Suite struct StartupPagesTests {
    @Test func parsesHeadersAndTheFieldsItDecidesOn() {
        let smaps = """
            00400000-02bf9000 r-xp 00000000 fe:01 123                        /opt/sb/skype bridge
            Size:              40932 kB
            Rss:               17316 kB
            Anonymous:             0 kB
            Locked:                0 kB
            VmFlags: rd ex mr mw me
            02bfa000-02d1a000 r--p 027f9000 fe:01 123                        /opt/sb/skype bridge
            Rss:                1128 kB
            Anonymous:          1128 kB
            Locked:                0 kB
            05250000-0539b000 rw-p 00000000 00:00 0                          [heap]
            Rss:                 192 kB
            Anonymous:           192 kB
            7fd2034c5000-7fd203742000 r-xp 000c5000 fe:00 333177             /usr/lib/libcrypto.so.3
            Rss:                1516 kB
            Anonymous:             0 kB
            Locked:               64 kB
            7fd203800000-7fd203801000 r--s 00000000 fe:00 9                  /var/db/state.sqlite
            Rss:                   4 kB
            Anonymous:             0 kB
            Locked:                0 kB
            """
        let mappings = FileMapping.parse(smaps)
        #expect(mappings.map(\.path) == ["/opt/sb/skype bridge", "/opt/sb/skype bridge", "[heap]", "/usr/lib/libcrypto.so.3", "/var/db/state.sqlite"])
        #expect(mappings[0] == FileMapping(start: 0x400000, end: 0x2bf9000, permissions: "r-xp", path: "/opt/sb/skype bridge", residentBytes: 17316 * 1024))
        #expect(mappings[3].start == 0x7fd2034c5000 && mappings[3].lockedBytes == 64 * 1024)
        #expect(mappings.map(\.isReleasable) == [true, false, false, false, false])
    }

    @Test func releasesTheImagesCleanPagesAndKeepsTheRelocatedOnes() throws {
        let before = FileMapping.current()
        let clean = before.filter(\.isReleasable)
        let relocated = before.filter { $0.permissions == "r--p" && $0.privateBytes > 0 }
        try #require(!clean.isEmpty && !relocated.isEmpty)
        let released = StartupPages.release()
        #expect(released > 0)
        let after = Dictionary(FileMapping.current().map { ($0.start, $0) }) { first, _ in first }
        let cleanAfter = clean.reduce(0) { $0 + (after[$1.start]?.residentBytes ?? 0) }
        #expect(cleanAfter < clean.reduce(0) { $0 + $1.residentBytes })
        for mapping in relocated {
            #expect((after[mapping.start]?.residentBytes ?? 0) >= mapping.residentBytes, "\(mapping.path) lost pages")
        }
    }
}
