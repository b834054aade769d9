import DubanCalendar
import DubanCore
import Foundation

/// Reads an action-plan document as published (plain text) and drafts a plan file from it.
///
/// The importer segments the text (headings 一、/(一)/1./(1), numbered tasks, tables, sentences and clauses),
/// finds time expressions with `TimeExpression` and a few detectors of its own (完成时限:…, 到20XX年…, 每年/每学期…,
/// N个工作日内, 长期坚持/持续开展), and makes one `DraftItem` per schedulable thing: a 工作任务 with its 完成时限,
/// a yearly or per-semester duty or quota, a 到20XX年 target (one per metric), a working-day limit, a standing
/// standard. Retrospective sections (发展基础, 现状) and statistics tables are skipped. Sentences with a time-like
/// expression that gave no item are listed in `DraftPlan.unmapped`.
///
/// Pure: no I/O, no clock. The same text and options always give the same draft.
public struct PlanImporter: Sendable {
    public let options: ImportOptions

    public init(options: ImportOptions) {
        self.options = options
    }

    /// Drafts a plan from `text`.
    public func draft(_ text: String) -> DraftPlan {
        var run = ImportRun(options: options, text: text)
        return run.run()
    }
}
