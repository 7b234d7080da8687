import Foundation

/// One thing that happened on Skype, as the event stream reports it.
public enum SkypeEvent: Sendable, Equatable {
    /// A new message (text, rich text, file, picture, call notice, thread activity…).
    case message(SkypeMessage)
    /// An existing message got new content.
    case edited(SkypeMessage)
    /// A message was deleted (its content emptied).
    case deleted(SkypeMessage)
    /// Someone started or stopped typing in a chat.
    case typing(chat: SkypeChatID, user: SkypeUserID, active: Bool)
    /// A contact's presence changed.
    case presence(user: SkypeUserID, status: String)
    /// A conversation's properties changed.
    case conversationUpdate(chat: SkypeChatID)
    /// A group thread changed (topic, members).
    case threadUpdate(chat: SkypeChatID)
    /// A resource type this client does not interpret.
    case other(resourceType: String)
}

/// A message as received: who, where, when, and its raw content.
public struct SkypeMessage: Sendable, Equatable, Codable {
    /// The server id (arrival time in ms).
    public var id: SkypeMessageID
    /// The sender's own id for the message; edits carry the original's.
    public var clientMessageID: SkypeClientMessageID?
    /// The conversation.
    public var chat: SkypeChatID
    /// Who sent it.
    public var sender: SkypeUserID
    /// The sender's display name, when the service included it.
    public var senderName: String?
    /// `Text`, `RichText`, `RichText/UriObject`, `ThreadActivity/AddMember`, …
    public var messageType: String
    /// The content, byte for byte (HTML-like for RichText).
    public var content: String
    /// When the service received it.
    public var arrival: Date
    /// Whether it is a `/me` emote.
    public var isEmote: Bool
    /// The group topic the service attached, if any.
    public var threadTopic: String?

    public init(
        id: SkypeMessageID, clientMessageID: SkypeClientMessageID?, chat: SkypeChatID, sender: SkypeUserID,
        senderName: String?, messageType: String, content: String, arrival: Date, isEmote: Bool = false, threadTopic: String? = nil
    ) {
        self.id = id
        self.clientMessageID = clientMessageID
        self.chat = chat
        self.sender = sender
        self.senderName = senderName
        self.messageType = messageType
        self.content = content
        self.arrival = arrival
        self.isEmote = isEmote
        self.threadTopic = threadTopic
    }
}
