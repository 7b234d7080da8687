/// Something that happened on the Mattermost server, as delivered by ``MattermostEventStream``.
public enum MattermostEvent: Sendable, Hashable {
    /// A new post (the account's own posts included; filter them by ``MattermostPost/userID``).
    case posted(MattermostPost)
    /// A post's message, props or files changed; carries the post as it is now.
    case postEdited(MattermostPost)
    /// A post was deleted; carries the post (from the event stream: as it was before deletion).
    case postDeleted(MattermostPost)
    /// The account created a channel.
    case channelCreated(channelID: MattermostChannelID, teamID: MattermostTeamID?)
    /// A user joined or was added to a channel the account is in.
    case userAdded(channelID: MattermostChannelID, userID: MattermostUserID)
    /// Someone is typing in a channel (in the thread `parentID`, if any).
    case typing(channelID: MattermostChannelID, userID: MattermostUserID, parentID: MattermostPostID?)
    /// The socket was lost; ``reconnected(resumed:)`` follows once the stream is back.
    case disconnected
    /// The stream reconnected after losing its socket. The events of the gap have already been
    /// delivered before this event: replayed by the server when `resumed` is true, otherwise
    /// backfilled with `posts?since=` (posts only; other kinds of events of the gap are lost).
    case reconnected(resumed: Bool)
}
