/// How `interfaces remove` names an interface: `#<id>`, `#<name>`, or a Skype user.
public enum InterfaceReference: Sendable, Hashable, CustomStringConvertible {
    /// `#` followed by digits.
    case id(InterfaceID)
    /// `#` followed by a name.
    case name(String)
    /// A Skype name; the first interface (by id) signed in as it.
    case skypeUser(String)

    /// Parses the argument of `interfaces remove`.
    public init(_ text: String) {
        if text.hasPrefix("#") {
            let rest = String(text.dropFirst())
            if let number = Int64(rest), !rest.isEmpty, rest.allSatisfy(\.isNumber) {
                self = .id(InterfaceID(rawValue: number))
            } else {
                self = .name(rest)
            }
        } else {
            self = .skypeUser(text)
        }
    }

    /// The form it was written in.
    public var description: String {
        switch self {
        case let .id(id): "#\(id)"
        case let .name(name): "#\(name)"
        case let .skypeUser(user): user
        }
    }
}
