import Foundation

/// Failures of the Mattermost client and event stream.
public enum MattermostError: CategorizedError, Equatable, LocalizedError, CustomStringConvertible {
    /// The token or the login was refused (401); carries the server's message.
    case unauthorized(String)
    /// The account may not do this (403), such as posting where it is not a member.
    case forbidden(String)
    /// The user, team, channel, post or file does not exist (404).
    case notFound(String)
    /// The server rejected a channel name (`model.channel.is_valid.…`); carries the server's message.
    case invalidChannelName(String)
    /// A channel of that name already exists in the team (`store.sql_channel.save_channel.exists.app_error`).
    case channelExists(String)
    /// Any other error the server answered with: its status, error id and message.
    case server(status: Int, id: String, message: String)
    /// The server could not be reached (connection failure, timeout) after the transport's retries.
    case transport(String)
    /// The server answered 2xx with a body the client cannot use.
    case unexpectedResponse(String)
    /// A file to upload could not be read, or a download could not be written.
    case fileAccess(path: String, reason: String)
    /// A required `[mattermost]` setting is missing or unusable.
    case notConfigured(String)

    /// Maps the server's error object (or a bare status) to a case.
    static func fromServer(status: Int, id: String, message: String) -> MattermostError {
        let text = message.isEmpty ? id : message
        switch (status, id) {
        case (_, "store.sql_channel.save_channel.exists.app_error"), (_, "store.sql_channel.update.exists.app_error"):
            return .channelExists(text)
        case (400, let id) where channelNameErrorIDs.contains(id):
            return .invalidChannelName(text)
        case (401, _): return .unauthorized(text)
        case (403, _): return .forbidden(text)
        case (404, _): return .notFound(text)
        default: return .server(status: status, id: id, message: message)
        }
    }

    /// The validation errors about a channel's name or display name.
    static let channelNameErrorIDs: Set<String> = [
        "model.channel.is_valid.1_or_more.app_error", "model.channel.is_valid.2_or_more.app_error",
        "model.channel.is_valid.name.app_error", "model.channel.is_valid.display_name.app_error",
    ]

    /// Refused credentials and permissions are auth, missing things not found, rejected names and
    /// files bad data, transport failures and 429/5xx unavailable.
    public var category: ErrorCategory {
        switch self {
        case .unauthorized: .auth
        case .forbidden: .auth
        case .notFound: .notFound
        case .invalidChannelName, .channelExists: .dataError
        case .server(let status, _, _):
            switch status {
            case 408: .timeout
            case 413: .dataError
            case 429, 500...599: .unavailable
            default: .failure
            }
        case .transport: .unavailable
        case .unexpectedResponse: .failure
        case .fileAccess: .dataError
        case .notConfigured: .config
        }
    }

    /// A short lowercase sentence saying what went wrong and what to do.
    public var description: String {
        switch self {
        case .unauthorized(let message): "mattermost refused the credentials (\(message)); check the token or login"
        case .forbidden(let message): "mattermost denied the request (\(message)); check the account's team and channel membership"
        case .notFound(let message): "not found on mattermost: \(message)"
        case .invalidChannelName(let message):
            "mattermost rejected the channel name (\(message)); use lowercase letters, digits, '-' and '_', at most 64 bytes"
        case .channelExists(let message): "mattermost channel already exists (\(message)); pick another name"
        case .server(let status, let id, let message):
            "mattermost answered http \(status)\(id.isEmpty ? "" : " \(id)")\(message.isEmpty ? "" : ": \(message)")"
        case .transport(let message): "cannot reach mattermost: \(message); check the url, proxy and network"
        case .unexpectedResponse(let detail): "unexpected answer from mattermost: \(detail)"
        case .fileAccess(let path, let reason): "cannot use file \(path): \(reason)"
        case .notConfigured(let message): "mattermost is not configured: \(message)"
        }
    }

    /// Same as ``description``.
    public var errorDescription: String? { description }
}
