import ArgumentParser

@main
struct SkypeBridge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "skypebridge", abstract: "Bridge Skype and Mattermost.")
    func run() async throws {}
}
