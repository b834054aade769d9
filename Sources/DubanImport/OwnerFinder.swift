import DubanCore
import Foundation

/// Finds the units a clause names as doing the work (各县市教育局、州直各学校要…; 责任单位:县教育局) and maps
/// them to org ids when a directory is given.
enum OwnerFinder {
    /// Endings of unit names.
    static let suffixes = [
        "教育体育局", "教体局", "教育局", "人民政府", "政府", "学校", "部门", "中心", "委员会", "督查室", "办公室", "电教馆",
        "教研室", "督导室", "馆", "学院", "厅", "局", "处", "科", "小学", "中学", "幼儿园", "各校",
    ]
    /// Collective subjects without a unit suffix.
    static let collectives = ["各县(市、区)", "各县(市)", "各县市区", "各县市", "各县区", "各乡镇", "各地", "州级", "市级", "县级", "县市级"]
    /// Verbs that follow a subject.
    static let verbs = [
        "要", "应", "须", "负责", "完成", "组织", "研究", "制定", "创建", "建立", "加强", "落实", "举办", "开展", "牵头", "统筹",
        "定期", "按照", "按", "结合", "参照", "对", "每", "于", "在",
    ]
    /// Labels that introduce owners on their own.
    static let labels = ["牵头单位", "责任单位", "责任部门", "主责单位", "承办单位", "配合单位", "实施单位", "负责单位"]

    /// Owners at the start of `clause` (folded text), if the clause opens with unit names and a verb.
    static func subject(of clause: String) -> [String] {
        var clause = clause
        // A numbered item (7.各乡镇中心学校要…) starts after its number.
        if let heading = Heading.parse(clause), let at = clause.offset(of: heading.title), at <= 5 {
            clause = clause.slice(at..<clause.count)
        }
        let chars = Array(clause)
        var end = 0
        var best: Int?
        // The subject is at most 40 characters and ends right before a verb.
        while end < min(chars.count, 40) {
            if verbs.contains(where: { chars.matches($0, at: end) }), end > 0 {
                let head = String(chars[0..<end])
                if endsWithUnit(head) { best = end }
                break
            }
            end += 1
        }
        guard let best else { return [] }
        return split(String(chars[0..<best]))
    }

    /// Owners after a label (责任单位:县教育局、各中小学), or nil when `text` has no label.
    static func labelled(_ text: String) -> [String]? {
        for label in labels {
            guard let at = text.offset(of: label) else { continue }
            var rest = text.slice(at + label.count..<text.count)
            guard rest.hasPrefix(":") || rest.hasPrefix(":") || rest.hasPrefix(" ") else { continue }
            rest = String(rest.dropFirst())
            if let stop = rest.firstIndex(where: { "。;".contains($0) }) { rest = String(rest[..<stop]) }
            // Another label on the same line (完成时限:…) ends the list.
            for other in ["完成时限", "完成时间", "时间节点", "配合单位", "牵头单位"] {
                if let cut = rest.range(of: other) { rest = String(rest[..<cut.lowerBound]) }
            }
            let names = split(rest)
            if !names.isEmpty { return names }
        }
        return nil
    }

    /// Splits a list of unit names on 、, 和, 及, 与 and commas (not inside brackets).
    static func split(_ text: String) -> [String] {
        var names: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            default: break
            }
            if depth == 0, "、,和及与/".contains(character) {
                names.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        names.append(current)
        return names.map { $0.trimmingCharacters(in: .separators) }.filter { !$0.isEmpty && $0.count <= 20 }
    }

    static func endsWithUnit(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .separators)
        return suffixes.contains { trimmed.hasSuffix($0) } || collectives.contains { trimmed.hasSuffix($0) }
    }

    /// Org ids for `owners` when every owner is a unit or group name in `directory` (ignoring a leading 各).
    static func map(_ owners: [String], in directory: OrgDirectory?) -> [String] {
        guard let directory, !owners.isEmpty else { return [] }
        var ids: [String] = []
        for owner in owners {
            let bare = owner.hasPrefix("各") ? String(owner.dropFirst()) : owner
            if let unit = directory.units.first(where: { $0.name == owner || $0.name == bare }) {
                ids.append(unit.id)
            } else if let group = directory.groups.first(where: { $0.name == owner || $0.name == bare || $0.name == "各" + bare }) {
                ids.append(group.id)
            } else {
                return []
            }
        }
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
