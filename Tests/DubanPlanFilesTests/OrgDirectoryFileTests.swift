import DubanCore
import DubanPlanFiles
import DubanTesting
import Testing

@Suite struct OrgDirectoryFileTests {
    @Test func groupsResolveAndParentsLink() throws {
        let (directory, diagnostics) = OrgDirectoryFile.parse(testOrg, file: "org.yaml")
        let dir = try #require(directory, "\(diagnostics)")
        #expect(dir.resolve("counties") == ["county-a", "county-b"])
        #expect(dir.resolve("county-a") == ["county-a"])
        #expect(dir.ancestors(of: "county-b") == ["pref"])
        #expect(dir.children(of: "pref") == ["county-a", "county-b"])
        #expect(dir.unit("pref")?.contacts.first?.email == "xxb@example.org")
    }

    /// A contact's mobile number is normalised to its 11 digits; a unit names its group robots (protocol 1.2).
    @Test func mobilesAndRobotsAreRead() throws {
        let text = """
            units:
              - id: a
                name: 甲
                wecom: kangle-group
                dingtalk: kangle_dt
                contacts:
                  - {name: 张, mobile: "+86 138-0000-1111", email: z@example.org}
                  - {name: 李, mobile: 13900002222}
                  - {name: 王}
            """
        let (directory, diagnostics) = OrgDirectoryFile.parse(text, file: "org.yaml")
        let unit = try #require(directory?.unit("a"), "\(diagnostics)")
        #expect(unit.wecom == "kangle-group" && unit.dingtalk == "kangle_dt")
        #expect(unit.contacts.map(\.mobile) == ["13800001111", "13900002222", nil])
    }

    @Test(arguments: [
        ("units:\n  - {id: a, name: 甲, parent: zz}\n", "dangling-reference", "zz", 1),
        ("units:\n  - {id: a, name: 甲, parent: b}\n  - {id: b, name: 乙, parent: a}\n", "cycle", "b}", 1),
        ("units:\n  - {id: a, name: 甲}\n  - {id: a, name: 乙}\n", "duplicate-id", "a,", 2),
        ("units:\n  - {id: a, name: 甲}\ngroups:\n  - {id: g, name: 组, members: [a, b]}\n", "dangling-reference", "b]", 1),
        ("units:\n  - {id: a, name: 甲}\ngroups:\n  - {id: g, name: 组}\n", "empty-group", "{id: g", 1),
        ("units:\n  - {id: a, name: 甲, contacts: [{name: 张, email: not-an-address}]}\n", "bad-email", "not-an", 1),
        ("units:\n  - {id: a, name: 甲, kind: village}\n", "bad-value", "village", 1),
        ("units:\n  - {id: a, name: 甲, fax: 123}\n", "unknown-key", "fax", 1),
        ("units:\n  - {id: a, name: 甲, contacts: [{name: 张, mobile: '1380000111'}]}\n", "bad-mobile", "'1380", 1),
        ("units:\n  - {id: a, name: 甲, contacts: [{name: 张, mobile: '23800001111'}]}\n", "bad-mobile", "'2380", 1),
        ("units:\n  - {id: a, name: 甲, wecom: 'https://qyapi.weixin.qq.com/x?key=abc'}\n", "bad-robot", "'https", 1),
        ("units:\n  - {id: a, name: 甲, dingtalk: Kangle Group}\n", "bad-robot", "Kangle", 1),
    ] as [(String, String, String, Int)])
    func badOrgDirectory(_ text: String, _ code: String, _ needle: String, _ occurrence: Int) throws {
        let (line, column) = position(of: needle, in: text, occurrence: occurrence)
        let (directory, diagnostics) = OrgDirectoryFile.parse(text, file: "org.yaml")
        #expect(directory == nil)
        let first = try #require(diagnostics.first)
        #expect(first.code == code, "\(diagnostics)")
        #expect(first.location.line == line && first.location.column == column, "\(first)")
    }
}
