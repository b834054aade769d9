import DubanCalendar
import DubanCore
import DubanNotify
import DubanStore
import DubanSupervision
import Foundation
import Logging

/// Steps of the loop carried in digests: a request goes to whoever decides it (an extension request or a
/// completion report to the parent unit), a decision to the unit (approved or rejected, passed or sent back,
/// struck off). Recorded once under `<id>#step-<request id>` with the step's day; the step's own journal line is
/// written by the change that took it.
extension DeliveryPipeline {
    /// Records the notice of `step`, taken on `record`, when it is one someone else has to hear of.
    public func noticeStep(_ record: OccurrenceRecord, step: SupervisionStep) async {
        guard configuration.supervision.noticesEnabled(rolesConfigured: !configuration.roles.isEmpty) else { return }
        let schedule = context.deliveryPlans.schedule
        let directory = schedule.directory
        let unitName = directory.displayName(record.org)
        let due = step.due.shortText(.zhHans, withYear: true)
        let note = step.note.map { ":" + $0 } ?? ""
        let noteEn = step.note.map { ": " + $0 } ?? ""
        let toParent: Bool
        let detail: LocalizedText
        switch step.action {
        case SupervisionAction.requestExtension(workingDays: 1).name:
            toParent = true
            detail = LocalizedText(
                zh: "\(unitName)申请延期\(step.workingDays ?? 0)个工作日\(note),请审批(\(step.user))",
                en: "\(unitName) asks for \(step.workingDays ?? 0) more working day(s)\(noteEn); to decide (\(step.user))")
        case SupervisionAction.submit.name:
            toParent = true
            detail = LocalizedText(
                zh: "\(unitName)报送办结报告\(note),请审核(\(step.user))",
                en: "\(unitName) submitted its completion report\(noteEn); to review (\(step.user))")
        case SupervisionAction.approveExtension.name:
            toParent = false
            detail = LocalizedText(
                zh: "延期申请已批准,办结时限调整为\(due)(\(step.user))",
                en: "the extension was approved, now due \(step.due) (\(step.user))")
        case SupervisionAction.rejectExtension.name:
            toParent = false
            detail = LocalizedText(
                zh: "延期申请未获批准\(note),仍按\(due)办结(\(step.user))",
                en: "the extension was rejected\(noteEn); still due \(step.due) (\(step.user))")
        case SupervisionAction.pass.name:
            toParent = false
            detail = LocalizedText(
                zh: "办结报告审核通过(\(step.user))", en: "the completion report passed review (\(step.user))")
        case SupervisionAction.sendBack.name:
            toParent = false
            detail = LocalizedText(
                zh: "办结报告被退回\(note),请按原时限\(due)重新办理(\(step.user))",
                en: "the completion report was sent back\(noteEn); rework by the original date \(step.due) (\(step.user))")
        case SupervisionAction.strike.name:
            toParent = false
            detail = LocalizedText(zh: "已销号(\(step.user))", en: "struck off the list (\(step.user))")
        default:
            return
        }
        var item = noticeItem(
            record: record, kind: .step, key: "\(record.id)#step-\(step.requestID)", at: step.at, detail: detail)
        if toParent, let parent = directory.unit(record.org)?.parent {
            item.org = parent
            item.orgName = directory.displayName(parent)
            item.title = "\(item.title)(\(unitName))"
        }
        do {
            let store = try await syncedStore()
            guard try await store.handledEventKeys(among: [item.key]).isEmpty else { return }
            try await fireNotices([item])
        } catch {
            logger.error("无法记录环节通知 / cannot record the step's notice: \(error)")
        }
    }
}
