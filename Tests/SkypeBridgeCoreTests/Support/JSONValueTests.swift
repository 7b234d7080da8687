import Foundation
import SkypeBridgeCore
import Testing

/// JSON read through JSONSerialization keeps every type apart (booleans are not numbers).
@Suite struct JSONValueTests {
    @Test func everyKindOfValueIsReadAsItself() throws {
        let text = #"{"yes": true, "no": false, "one": 1, "big": 1795343256641, "half": 0.5, "text": "é \"q\"", "none": null, "list": [1, "a", []], "nested": {}}"#
        let value = try JSONValue.parse(Data(text.utf8))
        #expect(value == .object([
            "yes": .bool(true), "no": .bool(false), "one": .number(1), "big": .number(1_795_343_256_641), "half": .number(0.5),
            "text": .string("é \"q\""), "none": .null, "list": .array([.number(1), .string("a"), .array([])]), "nested": .object([:]),
        ]))
        #expect(value["big"]?.string == "1795343256641")
    }

    @Test func fragmentsAreValuesAndBrokenJSONThrows() throws {
        #expect(try JSONValue.parse(Data("\"just text\"".utf8)) == .string("just text"))
        #expect(try JSONValue.parse(Data("0".utf8)) == .number(0))
        #expect(try JSONValue.parse(Data("true".utf8)) == .bool(true))
        #expect(throws: (any Error).self) { try JSONValue.parse(Data("{\"a\": ".utf8)) }
    }

    @Test func escapesAndSurrogatePairsBecomeTheirCharacters() throws {
        let text = #"["a\"b\\c\/d", "\b\f\n\r\t", "\u00e9\u4e2d", "\ud83d\ude00", "\ud83d x", "plain é 😀"]"#
        #expect(try JSONValue.parse(Data(text.utf8)) == .array([
            .string("a\"b\\c/d"), .string("\u{8}\u{C}\n\r\t"), .string("é中"), .string("😀"), .string("\u{FFFD} x"), .string("plain é 😀"),
        ]))
    }

    @Test func numbersFollowTheGrammar() throws {
        #expect(try JSONValue.parse(Data("[-0, 12.5e2, 1E-2, -7]".utf8)) == .array([.number(0), .number(1250), .number(0.01), .number(-7)]))
        for bad in ["01", "1.", ".5", "-", "1e", "+1", "0x10", "NaN"] {
            #expect(throws: (any Error).self, "\(bad)") { try JSONValue.parse(Data(bad.utf8)) }
        }
    }

    @Test func malformedDocumentsAreRefusedWithTheirOffset() throws {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "[1 2]", "\"open", "\"tab\there\"", "tru", "{} {}", "{'a':1}"] {
            #expect(throws: (any Error).self, "\(bad)") { try JSONValue.parse(Data(bad.utf8)) }
        }
        do {
            _ = try JSONValue.parse(Data("[1, ?]".utf8))
        } catch {
            #expect("\(error)" == "invalid JSON at byte 4: a value")
        }
    }

    @Test func deepNestingIsRefusedInsteadOfExhaustingTheStack() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: (any Error).self) { try JSONValue.parse(Data(deep.utf8)) }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: Never.self) { try JSONValue.parse(Data(fine.utf8)) }
    }

    @Test func whateverFoundationReadsIsReadTheSame() throws {
        let text = #"{"eventMessages":[{"id":1001,"type":"EventMessage","resourceType":"NewMessage","time":"2026-11-22T10:28:36.123Z","resource":{"content":"<b>hi</b> \u00e9","clientmessageid":"1795343316123","isactive":true,"counterpartymessageid":null,"amsreferences":[],"properties":{"edittime":0.5}}}]}"#
        let ours = try JSONValue.parse(Data(text.utf8))
        let foundation = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(ours == foundation)
    }

    @Test func writtenTextIsCompactSortedAndEscaped() throws {
        let value = JSONValue.object([
            "b": .array([.number(1), .number(-2.5), .number(1_795_343_256_641), .null, .bool(true)]),
            "a": .string("q\"uote\\ / é 😀\n\t\r\u{1}\u{1F}"), "é": .object([:]), "B": .bool(false),
        ])
        #expect(try value.jsonString() == #"{"B":false,"a":"q\"uote\\ / é 😀\n\t\r\u0001\u001f","b":[1,-2.5,1795343256641,null,true],"é":{}}"#)
        #expect(throws: (any Error).self) { try JSONValue.number(.nan).jsonString() }
        #expect(throws: (any Error).self) { try JSONValue.array([.number(.infinity)]).jsonString() }
    }

    @Test func writtenTextReadsBackAsTheSameValueAndAsFoundationReadsIt() throws {
        let value = JSONValue.object([
            "text": .string("<b>hi</b>\u{0}\u{7F}\u{2028}"), "tiny": .number(1e-7), "huge": .number(1e300), "negative": .number(-0.125),
            "list": .array([.object(["x": .null]), .array([])]),
        ])
        let data = try value.jsonData()
        #expect(try JSONValue.parse(data) == value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }
}
