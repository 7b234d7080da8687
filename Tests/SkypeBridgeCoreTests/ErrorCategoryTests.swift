import Testing
@testable import SkypeBridgeCore

@Suite struct ErrorCategoryTests {
    @Test func categoriesHaveDistinctNames() {
        #expect(Set(ErrorCategory.allCases.map(\.rawValue)).count == ErrorCategory.allCases.count)
    }
}
