import TOMLKit
import Testing
@testable import SkypeBridgeCore

@Suite struct TOMLLineIndexTests {
    static let document = #"""
    # leading comment
    top = 1

    [skype]   # trailing comment
    username = "a # not a comment"
    'quoted key' = 'x'
    "esc\"aped" = 2
    multi = """
    [not.a.header]
    still = "inside"
    """
    after_multi = true
    literal_multi = '''
    [neither]
    '''
    array = [
      "x", # comment inside
      [1, 2],
      { inline = 1 },
    ]

    [[servers]]
    name = "first"

    [ interfaces . "pbx" ]
    a.b.c = 1
    table = { key = "v", nested = { deep = 2 } }
    date = 1979-05-27 07:32:00Z
    """#

    @Test(arguments: [
        (["top"], 2), (["skype"], 4), (["skype", "username"], 5), (["skype", "quoted key"], 6),
        (["skype", "esc\"aped"], 7), (["skype", "multi"], 8), (["skype", "after_multi"], 12),
        (["skype", "literal_multi"], 13), (["skype", "array"], 16), (["servers"], 22), (["servers", "name"], 23),
        (["interfaces"], 25), (["interfaces", "pbx"], 25), (["interfaces", "pbx", "a"], 26),
        (["interfaces", "pbx", "a", "b", "c"], 26), (["interfaces", "pbx", "table", "key"], 27),
        (["interfaces", "pbx", "table", "nested", "deep"], 27), (["interfaces", "pbx", "date"], 28),
    ])
    func recordsTheLineOfEachTableAndKey(path: [String], line: Int) {
        #expect(TOMLLineIndex(text: Self.document).line(of: path) == line)
    }

    @Test(arguments: [["not", "a", "header"], ["neither"], ["skype", "still"], ["skype", "inline"]])
    func ignoresLookalikesInsideStringsAndArrays(path: [String]) {
        #expect(TOMLLineIndex(text: Self.document).line(of: path) == nil)
    }

    @Test func nearestLineFallsBackToTheClosestWrittenAncestor() {
        let index = TOMLLineIndex(text: Self.document)

        #expect(index.nearestLine(of: ["skype", "absent"]) == 4)
        #expect(index.nearestLine(of: ["nowhere"]) == nil)
    }

    @Test func childKeysComeInFileOrder() {
        let index = TOMLLineIndex(text: "[x.zeta]\n[x.alpha]\n[x]\nmid = 1\n[x.zeta.deeper]\n")

        #expect(index.childKeys(of: ["x"]) == ["zeta", "alpha", "mid"])
    }

    @Test(arguments: [ExampleConfiguration.toml, ConfigurationLoaderTests.fullExample, Self.document])
    func everyKeyTheParserSeesHasALine(text: String) throws {
        let index = TOMLLineIndex(text: text)
        var missing: [[String]] = []
        func visit(_ table: TOMLTable, _ path: [String]) {
            for (key, value) in table {
                if index.line(of: path + [key]) == nil { missing.append(path + [key]) }
                if let child = value.table { visit(child, path + [key]) }
            }
        }

        visit(try TOMLTable(string: text), [])

        #expect(missing.isEmpty)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let text = "\u{FEFF}[skype]\npasword_env = \"X\"\n"

        #expect(TOMLLineIndex(text: text).line(of: ["skype", "pasword_env"]) == 2)
        let error = #expect(throws: ConfigError.self) { try ConfigurationLoader.parse(text, fileName: "bom.toml") }
        #expect(error?.description == "bom.toml:2: unknown key 'pasword_env' in [skype]; did you mean 'password_env'?")
    }

    @Test func unfinishedTextDoesNotStopTheScan() {
        let index = TOMLLineIndex(text: "[a]\nk = \"open\n[b\nv = [1, \n")

        #expect(index.line(of: ["a", "k"]) == 2)
    }
}
