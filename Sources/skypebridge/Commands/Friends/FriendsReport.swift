import Foundation
import SkypeBridgeCore

/// What happened to one named contact request.
struct FriendOutcome: Encodable {
    var user: String
    /// `accepted`, `declined`, or `already-contact` (accepting twice is not an error).
    var result: String

    /// Accepts or declines `user`'s request. A user with no pending request who is already a
    /// contact counts as accepted before; anyone else is not found.
    static func settle(_ user: String, pending: Set<String>, client: SkypeClient, accept: Bool) async throws -> FriendOutcome {
        let id = SkypeUserID(SkypeChatID.parse(user).withoutPrefix)
        guard pending.contains(id.rawValue) else {
            if accept, try await client.contacts().contains(where: { $0.user == id }) {
                return FriendOutcome(user: id.rawValue, result: "already-contact")
            }
            throw SkypeError.notFound("no pending contact request from \(id)")
        }
        if accept {
            try await client.acceptContactRequest(from: id)
        } else {
            try await client.declineContactRequest(from: id)
        }
        return FriendOutcome(user: id.rawValue, result: accept ? "accepted" : "declined")
    }
}

/// Tables and JSON for `friends accept`.
enum FriendsReport {
    static func print(_ requests: [SkypeContactRequest], to options: OutputOptions) throws {
        if options.json { return try options.output.jsonLine(requests.map(PendingRequest.init)) }
        guard !requests.isEmpty else { return try options.output.line("no pending contact requests") }
        let rows = requests.map { [$0.user.rawValue, $0.displayName ?? "", $0.message ?? ""] }
        try options.output.line(TextTable.render(header: ["USER", "NAME", "MESSAGE"], rows: rows))
    }

    static func print(_ outcomes: [FriendOutcome], to options: OutputOptions) throws {
        if options.json { return try options.output.jsonLine(outcomes) }
        for outcome in outcomes {
            try options.output.line("\(outcome.result.replacingOccurrences(of: "-", with: " ")) \(outcome.user)")
        }
    }

    /// A pending request as `--json` prints it.
    struct PendingRequest: Encodable {
        var user: String
        var displayName: String?
        var message: String?
        var time: Date?

        enum CodingKeys: String, CodingKey { case user, displayName = "display_name", message, time }

        init(_ request: SkypeContactRequest) {
            user = request.user.rawValue
            displayName = request.displayName
            message = request.message
            time = request.time
        }
    }
}
