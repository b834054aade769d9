/// Who may do what on the control socket: anyone who can connect may read (the socket's mode and group decide
/// who can connect); changes need root or membership of the admin group.
///
/// A pure value: the decision depends only on its arguments, so it is table-tested without sockets or users.
public struct AccessPolicy: Hashable, Sendable {
    /// The admin group's gid; nil when the configured group does not exist (then only root may change).
    public var adminGroupID: UInt32?

    public init(adminGroupID: UInt32?) {
        self.adminGroupID = adminGroupID
    }

    /// The outcome of a decision.
    public enum Decision: Hashable, Sendable {
        case allowed
        /// Refused: the peer is unknown (no credentials) or lacks the admin right.
        case denied
    }

    /// May a peer with `uid` in groups `groupIDs` do this? Reads: always (`peerKnown` or not, the socket already
    /// let it in). Changes: root, or a member of the admin group; never an unknown peer.
    public func decide(isChange: Bool, peerKnown: Bool, uid: UInt32, groupIDs: [UInt32]) -> Decision {
        guard isChange else { return .allowed }
        guard peerKnown else { return .denied }
        if uid == 0 { return .allowed }
        if let adminGroupID, groupIDs.contains(adminGroupID) { return .allowed }
        return .denied
    }
}
