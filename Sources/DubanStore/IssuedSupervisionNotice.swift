public import DubanSupervision
public import Foundation

/// A 督办单 as the store keeps it: the ladder event it was issued for, the occurrence and unit, when, and the
/// document with its number.
public struct IssuedSupervisionNotice: Sendable, Hashable, Codable {
    public var eventKey: String
    public var occurrenceID: String
    public var org: String
    public var issuedAt: Date
    public var document: SupervisionNoticeDocument

    public init(eventKey: String, occurrenceID: String, org: String, issuedAt: Date, document: SupervisionNoticeDocument) {
        self.eventKey = eventKey
        self.occurrenceID = occurrenceID
        self.org = org
        self.issuedAt = issuedAt
        self.document = document
    }
}
