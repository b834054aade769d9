public import DubanCalendar
public import DubanControlAPI
public import Foundation

/// The ledger (台账) as a table: one row per occurrence, the day of each step in its column; the same columns for
/// CSV and (with the workbook writer) XLSX.
public enum LedgerTable {
    public static let header = [
        "事项编号", "计划", "任务", "紧急程度", "来源", "牵头单位", "协办单位", "交办", "原定期限", "现期限", "状态", "灯",
        "曾超期", "签收", "进展反馈", "延期申请", "延期审批", "办结报告", "退回", "审核通过", "销号", "免办", "按时办结",
    ]

    static let urgency = ["normal": "一般", "urgent": "急办", "extra_urgent": "特急"]

    /// The cells of one entry, in ``header``'s order; several steps of a kind are joined by `；`.
    public static func row(_ entry: LedgerEntry) -> [String] {
        let m = entry.occurrence
        func list(_ days: [String]) -> String { days.joined(separator: "；") }
        return [
            m.id, m.planTitle, m.title, urgency[m.urgency] ?? m.urgency, m.origin ?? "", m.orgName,
            m.coUnits.joined(separator: "、"), entry.assigned, entry.originalDue, m.due, m.stageName,
            m.lightSymbol + m.lightName, m.wasRed ? "是" : "否", entry.acknowledged ?? "", list(entry.feedback),
            list(entry.extensionRequests), list(entry.extensionDecisions), list(entry.submitted),
            list(entry.returned), entry.closed ?? "", entry.struckOff ?? "", entry.waived ?? "",
            entry.onTime.map { $0 ? "是" : "否" } ?? "",
        ]
    }

    /// The ledger as CSV: UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting, formulas defused.
    public static func csv(_ entries: [LedgerEntry]) -> Data {
        var text = "\u{FEFF}" + header.map(CSVWriter.field).joined(separator: ",") + "\r\n"
        for entry in entries { text += row(entry).map(CSVWriter.field).joined(separator: ",") + "\r\n" }
        return Data(text.utf8)
    }

    /// Columns holding one day, written as real dates in the workbook.
    static let dateColumns: Set<Int> = [7, 8, 9, 13, 19, 20, 21]

    /// The ledger as an Office Open XML workbook: one sheet 督办台账, the header bold and frozen, days as dates.
    public static func workbook(_ entries: [LedgerEntry], created: Date? = nil) throws -> Data {
        let widths: [Double] = [36, 24, 30, 8, 12, 20, 20, 12, 12, 12, 10, 8, 8, 12, 24, 20, 20, 24, 20, 12, 12, 12, 10]
        let columns = zip(header, widths).map { XLSXColumn($0, width: $1) }
        let rows: [[XLSXCell]] = entries.map { entry in
            row(entry).enumerated().map { index, text in
                if text.isEmpty { return .empty }
                if dateColumns.contains(index), let day = CivilDate(iso: text) { return .date(day) }
                return .text(text)
            }
        }
        return try XLSXWriter.workbook([XLSXSheet(name: "督办台账", columns: columns, rows: rows)], created: created)
    }
}
