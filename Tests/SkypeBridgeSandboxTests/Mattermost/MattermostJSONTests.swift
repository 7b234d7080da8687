import Foundation
import Testing

@testable import SkypeBridgeSandbox

@Suite struct MattermostJSONTests {
    @Test func emptyBodyIsAnEmptyObject() throws {
        #expect(try MattermostJSON.parse([]) == .object([:]))
        #expect(try MattermostJSON.parse(Array(" \n".utf8)) == .object([:]))
    }

    @Test func roundTripsPropsKeepingIntegersIntegral() throws {
        let text = #"{"a":"x","n":3,"f":1.5,"b":true,"z":null,"l":[1,"two"]}"#
        let value = try MattermostJSON.parse(Array(text.utf8))
        #expect(value["a"]?.stringValue == "x")
        #expect(value["n"]?.intValue == 3)
        #expect(value["b"]?.boolValue == true)
        let encoded = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        #expect(encoded.contains(#""n":3"#))
        #expect(encoded.contains(#""f":1.5"#))
        #expect(try MattermostJSON.parse(Array(encoded.utf8)) == value)
    }

    @Test func malformedBodiesThrow() {
        #expect(throws: (any Error).self) { try MattermostJSON.parse(Array("{nope".utf8)) }
    }
}
