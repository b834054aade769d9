/// Who asks for a change: the uid and user name of the peer (SO_PEERCRED on the control socket), or of the daemon
/// itself. Recorded on the occurrence (`actor`) and in the audit log.
public struct Principal: Hashable, Sendable, Codable {
    public var uid: UInt32
    public var user: String

    public init(uid: UInt32, user: String) {
        self.uid = uid
        self.user = user
    }
}
