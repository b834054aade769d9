public import Foundation

/// A notice bound for one receiver through one notifier at one instant (a stored row's id in `reference`).
public struct PendingNotice: Hashable, Sendable {
    public var item: NoticeItem
    public var notifier: String
    public var receiver: String
    public var sendAt: Date
    public var reference: Int64

    public init(item: NoticeItem, notifier: String, receiver: String, sendAt: Date, reference: Int64 = 0) {
        self.item = item
        self.notifier = notifier
        self.receiver = receiver
        self.sendAt = sendAt
        self.reference = reference
    }
}

/// The notices of one message.
public struct NoticeGroup: Hashable, Sendable {
    public var notifier: String
    public var receiver: String
    public var sendAt: Date
    /// A notice of an immediate severity, alone.
    public var immediate: Bool
    /// Most urgent first.
    public var notices: [PendingNotice]

    public var items: [NoticeItem] { notices.map(\.item) }
}

extension NoticeGroup {
    /// Groups notices into messages (pure): an immediate notice is a message of its own; the others share one
    /// message per notifier, receiver and instant. Groups come in order of instant, notifier, receiver.
    public static func group(_ notices: [PendingNotice], timing: DigestTiming) -> [NoticeGroup] {
        struct Key: Hashable {
            var notifier: String
            var receiver: String
            var sendAt: Date
            var single: String?
        }
        var groups: [Key: [PendingNotice]] = [:]
        for notice in notices {
            let key = Key(
                notifier: notice.notifier,
                receiver: notice.receiver,
                sendAt: notice.sendAt,
                single: timing.isImmediate(notice.item.severity) ? notice.item.key : nil
            )
            groups[key, default: []].append(notice)
        }
        return groups.map { key, notices in
            NoticeGroup(
                notifier: key.notifier,
                receiver: key.receiver,
                sendAt: key.sendAt,
                immediate: key.single != nil,
                notices: notices.sorted { NoticeItem.urgencyOrder($0.item, $1.item) }
            )
        }.sorted {
            ($0.sendAt, $0.notifier, $0.receiver, $0.notices[0].item.key)
                < ($1.sendAt, $1.notifier, $1.receiver, $1.notices[0].item.key)
        }
    }
}
