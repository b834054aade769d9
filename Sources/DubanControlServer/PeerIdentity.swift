#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A peer's user name and groups, looked up from its uid and primary gid (`getpwuid_r`, `getgrouplist`,
/// `getgrnam_r`). Looked up only for changes: reads need no identity.
public struct PeerIdentity: Hashable, Sendable {
    public var uid: UInt32
    /// The user name, or the uid as digits when the user database does not know it.
    public var user: String
    /// Every group the user is in (primary and supplementary).
    public var groupIDs: [UInt32]

    public init(uid: UInt32, user: String, groupIDs: [UInt32]) {
        self.uid = uid
        self.user = user
        self.groupIDs = groupIDs
    }

    /// Looks `credentials` up in the user and group databases.
    public static func lookup(_ credentials: PeerCredentials) -> PeerIdentity {
        var passwd = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        var name: String?
        if getpwuid_r(uid_t(credentials.uid), &passwd, &buffer, buffer.count, &result) == 0, result != nil,
            let pwName = passwd.pw_name
        {
            name = String(cString: pwName)
        }
        var groups: [UInt32] = [credentials.gid]
        if let name {
            var count: Int32 = 64
            var list = [gid_t](repeating: 0, count: Int(count))
            if getgrouplist(name, gid_t(credentials.gid), &list, &count) == -1, count > 64, count < 65_536 {
                list = [gid_t](repeating: 0, count: Int(count))
                _ = getgrouplist(name, gid_t(credentials.gid), &list, &count)
            }
            groups = Array(list.prefix(Int(max(0, count)))).map { UInt32($0) }
        }
        return PeerIdentity(uid: credentials.uid, user: name ?? String(credentials.uid), groupIDs: groups)
    }

    /// The gid of group `name`, or nil when there is no such group.
    public static func groupID(named name: String) -> UInt32? {
        var group = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrnam_r(name, &group, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return UInt32(group.gr_gid)
    }

    /// The name of group `gid`, or nil when the group database does not know it.
    public static func groupName(of gid: UInt32) -> String? {
        var group = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrgid_r(gid_t(gid), &group, &buffer, buffer.count, &result) == 0, result != nil,
            let name = group.gr_name
        else { return nil }
        return String(cString: name)
    }

    /// The names of the groups the peer is in.
    public var groupNames: [String] { groupIDs.compactMap(PeerIdentity.groupName(of:)) }
}
