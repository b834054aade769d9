import DubanCalendar
import DubanCore
import Foundation
import Yams

extension ConfigFile {
    static let supervisionKeys = ["acknowledge_within", "yellow_within", "ladder", "notices"]
    static let ladderKeys = [
        "chase_after", "notice_after", "circular_after", "notice_repeat_every", "start_level", "start_urgencies",
        "start_origins", "notice_prefix", "reply_within",
    ]

    /// `supervision:` (docs/supervision.md, "Rules"): the 签收时限, the yellow window and the escalation ladder;
    /// a key left out keeps its default.
    static func supervisionSettings(_ m: MappingReader, collector: DiagnosticCollector) -> SupervisionSettings {
        var settings = SupervisionSettings()
        let days = 0...SupervisionSettings.maximumWorkingDays
        if let value = m.int("acknowledge_within", range: 1...SupervisionSettings.maximumWorkingDays) {
            settings.acknowledgeWithin = value
        }
        if let value = m.int("yellow_within", range: days) { settings.yellowWithin = value }
        if let value = m.bool("notices") { settings.notices = value }
        if let ladder = m.mapping("ladder", context: .init(zh: "升级规则(supervision.ladder)", en: "`supervision.ladder`")) {
            settings.ladder = ladderRules(ladder, collector: collector)
        }
        m.finish(known: supervisionKeys)
        return settings
    }

    static func ladderRules(_ m: MappingReader, collector: DiagnosticCollector) -> EscalationRules {
        var rules = EscalationRules()
        let range = 0...EscalationRules.maximumWorkingDays
        if let value = m.int("chase_after", range: range) { rules.chaseAfter = value }
        if let value = m.int("notice_after", range: range) { rules.noticeAfter = value }
        if let value = m.int("circular_after", range: range) { rules.circularAfter = value }
        if let value = m.int("notice_repeat_every", range: 1...EscalationRules.maximumWorkingDays) {
            rules.noticeRepeatEvery = value
        }
        if let value = m.int("reply_within", range: range) { rules.replyWithin = value }
        if let text = m.oneOf("start_level", EscalationLevel.allCases.map(\.rawValue)),
            let level = EscalationLevel(rawValue: text)
        {
            rules.startLevel = level
        }
        if let list = m.stringList("start_urgencies") {
            var urgencies: [TaskUrgency] = []
            for (text, node) in list {
                if let urgency = TaskUrgency(text: text) {
                    urgencies.append(urgency)
                } else {
                    collector.error(
                        node, "bad-value", zh: "未知的紧急程度 \(text)(可用:一般、急办、特急)",
                        en: "unknown urgency \(text) (known: normal, urgent, extra_urgent)")
                }
            }
            rules.startLevelUrgencies = urgencies
        }
        if let list = m.stringList("start_origins") { rules.startLevelOrigins = list.map(\.0) }
        if let node = m.value("notice_prefix") {
            let text = node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
            if text.isEmpty || text.count > 20 || text.contains(where: { "〔〕\n".contains($0) }) {
                collector.error(
                    node, "bad-value", zh: "`notice_prefix`(督办单编号前缀)应为1到20个字,不含〔〕",
                    en: "`notice_prefix` is 1 to 20 characters without 〔〕")
            } else {
                rules.noticePrefix = text
            }
        }
        if let problem = rules.problem {
            collector.error(m.node, "bad-value", zh: "`supervision.ladder`:\(problem.zh)", en: "`supervision.ladder`: \(problem.en)")
        }
        m.finish(known: ladderKeys)
        return rules
    }
}
