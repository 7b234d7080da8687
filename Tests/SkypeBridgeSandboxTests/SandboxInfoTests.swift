import Testing
@testable import SkypeBridgeSandbox

@Suite struct SandboxInfoTests {
    @Test func nameIsSet() { #expect(SandboxInfo.name.contains("sandbox")) }
}
