public import DubanCalendar
import Foundation

/// How often a unit reports progress (进展反馈).
public enum FeedbackCadence: Sendable, Hashable, Codable {
    case weekly
    case monthly
    /// Every N working days.
    case workingDays(Int)

    /// The day the next report is due, after one on (or the start of reporting on) `last`.
    public func next(after last: CivilDate, calendar: WorkingDayCalendar) -> CivilDate {
        switch self {
        case .weekly: last.adding(days: 7)
        case .monthly: last.adding(months: 1)
        case .workingDays(let n): calendar.adding(workingDays: max(1, n), to: last)
        }
    }
}

extension FeedbackCadence {
    /// From a plan file: `weekly`/每周, `monthly`/每月, or every N working days (`5 working days`, 每5个工作日).
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed {
        case "weekly", "每周": self = .weekly
        case "monthly", "每月": self = .monthly
        default:
            var digits = trimmed
            for affix in ["每", "个工作日", " working days", " working day", "working days"] {
                digits = digits.replacingOccurrences(of: affix, with: "")
            }
            digits = digits.trimmingCharacters(in: .whitespaces)
            guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy(\.isASCII), let n = Int(digits),
                n >= 1, n <= 250, trimmed != digits
            else { return nil }
            self = .workingDays(n)
        }
    }

    /// As a plan file writes it, in Chinese.
    public var zh: String {
        switch self {
        case .weekly: "每周"
        case .monthly: "每月"
        case .workingDays(let n): "每\(n)个工作日"
        }
    }

    /// In English: `weekly`, `monthly`, `every 10 working days`.
    public var en: String {
        switch self {
        case .weekly: "weekly"
        case .monthly: "monthly"
        case .workingDays(let n): "every \(n) working days"
        }
    }
}
