import DubanControlServer
import Testing

/// Who may do what, as a table: reads for anyone who can connect, changes for root or the admin group.
@Suite struct AccessPolicyTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var what: String
        var isChange: Bool
        var peerKnown: Bool
        var uid: UInt32
        var groups: [UInt32]
        var adminGroup: UInt32?
        var expected: AccessPolicy.Decision
        var testDescription: String { what }
    }

    static let table: [Row] = [
        Row(what: "anyone reads", isChange: false, peerKnown: true, uid: 65534, groups: [65534], adminGroup: 990, expected: .allowed),
        Row(what: "an unknown peer reads", isChange: false, peerKnown: false, uid: .max, groups: [], adminGroup: 990, expected: .allowed),
        Row(what: "root changes", isChange: true, peerKnown: true, uid: 0, groups: [0], adminGroup: 990, expected: .allowed),
        Row(what: "root changes without an admin group", isChange: true, peerKnown: true, uid: 0, groups: [0], adminGroup: nil, expected: .allowed),
        Row(what: "an admin changes", isChange: true, peerKnown: true, uid: 1000, groups: [1000, 990], adminGroup: 990, expected: .allowed),
        Row(what: "a reader may not change", isChange: true, peerKnown: true, uid: 1000, groups: [1000, 991], adminGroup: 990, expected: .denied),
        Row(what: "nobody may not change", isChange: true, peerKnown: true, uid: 65534, groups: [65534], adminGroup: 990, expected: .denied),
        Row(what: "no admin group: only root", isChange: true, peerKnown: true, uid: 1000, groups: [1000, 990], adminGroup: nil, expected: .denied),
        Row(what: "an unknown peer may not change", isChange: true, peerKnown: false, uid: 0, groups: [0], adminGroup: 990, expected: .denied),
    ]

    @Test(arguments: table)
    func decides(_ row: Row) {
        let policy = AccessPolicy(adminGroupID: row.adminGroup)
        #expect(policy.decide(isChange: row.isChange, peerKnown: row.peerKnown, uid: row.uid, groupIDs: row.groups) == row.expected)
    }

    @Test func looksUpRootAndItsGroups() {
        let root = PeerIdentity.lookup(PeerCredentials(pid: 1, uid: 0, gid: 0))
        #expect(root.user == "root" && root.groupIDs.contains(0))
        #expect(PeerIdentity.groupID(named: "root") == 0)
        #expect(PeerIdentity.groupID(named: "no-such-group-duban") == nil)
        let unknown = PeerIdentity.lookup(PeerCredentials(pid: 1, uid: 4_000_000, gid: 4_000_000))
        #expect(unknown.user == "4000000")
    }
}
