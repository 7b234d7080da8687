import Testing
@testable import SkypeBridgeCore

@Suite struct ConfigurationPathsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let explicitPath: String?
        let environment: [String: String]
        let path: String
        let source: ConfigLocation.Source
        var testDescription: String { name }
    }

    static let configCases: [Case] = [
        Case(name: "explicit path wins", explicitPath: "/etc/sb.toml",
             environment: ["SKYPEBRIDGE_CONFIG": "/env.toml", "HOME": "/home/u"], path: "/etc/sb.toml", source: .argument),
        Case(name: "explicit path with tilde", explicitPath: "~/sb.toml",
             environment: ["HOME": "/home/u"], path: "/home/u/sb.toml", source: .argument),
        Case(name: "environment variable", explicitPath: nil,
             environment: ["SKYPEBRIDGE_CONFIG": "/env.toml", "XDG_CONFIG_HOME": "/xdg"], path: "/env.toml", source: .environment),
        Case(name: "empty environment variable is ignored", explicitPath: nil,
             environment: ["SKYPEBRIDGE_CONFIG": "", "HOME": "/home/u"],
             path: "/home/u/.config/skypebridge/config.toml", source: .defaultPath),
        Case(name: "XDG_CONFIG_HOME", explicitPath: nil,
             environment: ["XDG_CONFIG_HOME": "/xdg/", "HOME": "/home/u"], path: "/xdg/skypebridge/config.toml", source: .defaultPath),
        Case(name: "relative XDG_CONFIG_HOME is ignored", explicitPath: nil,
             environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/home/u"],
             path: "/home/u/.config/skypebridge/config.toml", source: .defaultPath),
        Case(name: "home fallback", explicitPath: nil,
             environment: ["HOME": "/home/u/"], path: "/home/u/.config/skypebridge/config.toml", source: .defaultPath),
    ]

    @Test(arguments: configCases)
    func configLocationFollowsOptionThenEnvironmentThenXDG(_ testCase: Case) {
        let location = ConfigurationLoader.locate(explicitPath: testCase.explicitPath, environment: testCase.environment)

        #expect(location == ConfigLocation(path: testCase.path, source: testCase.source))
        #expect(location.isRequired == (testCase.source != .defaultPath))
    }

    static let stateCases: [(explicitPath: String?, environment: [String: String], path: String)] = [
        ("/var/lib/sb.sqlite", ["SKYPEBRIDGE_STATE": "/env.sqlite"], "/var/lib/sb.sqlite"),
        (nil, ["SKYPEBRIDGE_STATE": "~/s.sqlite", "HOME": "/home/u"], "/home/u/s.sqlite"),
        (nil, ["XDG_STATE_HOME": "/xdg-state", "HOME": "/home/u"], "/xdg-state/skypebridge/state.sqlite"),
        (nil, ["HOME": "/home/u"], "/home/u/.local/state/skypebridge/state.sqlite"),
        (nil, ["HOME": "/"], "/.local/state/skypebridge/state.sqlite"),
    ]

    @Test(arguments: stateCases)
    func statePathFollowsOptionThenEnvironmentThenXDG(explicitPath: String?, environment: [String: String], path: String) {
        #expect(ConfigurationPaths.statePath(explicitPath: explicitPath, environment: environment) == path)
    }

    @Test(arguments: [("~", "/h"), ("~/a/b", "/h/a/b"), ("/abs", "/abs"), ("rel/~/x", "rel/~/x"), ("~user/x", "~user/x")])
    func tildeExpandsOnlyAtTheStart(path: String, expanded: String) {
        #expect(ConfigurationPaths.expandingTilde(in: path, environment: ["HOME": "/h"]) == expanded)
    }
}
