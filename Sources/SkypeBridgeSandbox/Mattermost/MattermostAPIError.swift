import HTTPTypes
import Hummingbird

/// A Mattermost `AppError`: the status code, the stable i18n `id` clients match on and a message.
struct MattermostAPIError: Error, Sendable, Equatable {
    /// The HTTP status the error is sent with.
    var status: HTTPResponse.Status
    /// The server's i18n key, e.g. `api.context.session_expired.app_error`.
    var id: String
    /// The (English) message.
    var message: String

    static let sessionExpired = MattermostAPIError(
        status: .unauthorized, id: "api.context.session_expired.app_error",
        message: "Invalid or expired session, please login again.")
    static let permissions = MattermostAPIError(
        status: .forbidden, id: "api.context.permissions.app_error",
        message: "You do not have the appropriate permissions.")
    static let userMissing = MattermostAPIError(
        status: .notFound, id: "app.user.missing_account.const", message: "Unable to find the user.")
    static let teamMissing = MattermostAPIError(
        status: .notFound, id: "app.team.get_by_name.missing.app_error", message: "Unable to find the existing team.")
    static let channelMissing = MattermostAPIError(
        status: .notFound, id: "app.channel.get_by_name.missing.app_error", message: "Channel does not exist.")
    static let postMissing = MattermostAPIError(
        status: .notFound, id: "app.post.get.app_error", message: "Unable to get the post.")
    static let fileMissing = MattermostAPIError(
        status: .notFound, id: "app.file_info.get.app_error", message: "Unable to get the file info.")
    static let routeMissing = MattermostAPIError(
        status: .notFound, id: "api.context.404.app_error", message: "Sorry, we could not find the page.")
    static let methodNotAllowed = MattermostAPIError(
        status: .methodNotAllowed, id: "api.context.method_not_allowed.app_error", message: "Method not allowed.")
    static let bodyTooLarge = MattermostAPIError(
        status: .contentTooLarge, id: "api.context.request_body_too_large.app_error",
        message: "The request body is too large.")

    /// A missing or malformed body field (`api.context.invalid_body_param.app_error`).
    static func invalidBody(_ name: String) -> MattermostAPIError {
        MattermostAPIError(
            status: .badRequest, id: "api.context.invalid_body_param.app_error",
            message: "Invalid or missing \(name) in request body.")
    }

    /// A model validation failure (400).
    static func invalid(_ id: String, _ message: String) -> MattermostAPIError {
        MattermostAPIError(status: .badRequest, id: id, message: message)
    }
}
