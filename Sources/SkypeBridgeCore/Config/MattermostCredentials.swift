/// How the bridge authenticates to Mattermost.
public enum MattermostCredentials: Sendable, Hashable {
    /// A personal access token or bot token (`token_env` / `token_file`).
    case token(SecretReference)
    /// A session login with a login id (username or e-mail) and password (`login_id` plus
    /// `password_env` / `password_file`).
    case login(loginID: String, password: SecretReference)
}
