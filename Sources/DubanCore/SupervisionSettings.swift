/// `supervision:` in duban.yaml: the site's rules of the supervision loop (docs/supervision.md). Every key has the
/// documented default.
///
/// | key | default | meaning |
/// |---|---|---|
/// | `acknowledge_within` | 1 | 签收时限: working days after 交办 to acknowledge |
/// | `yellow_within` | 3 | the light turns yellow this many working days before the due date |
/// | `ladder` | see ``EscalationRules`` | when the escalation ladder climbs, the 督办单's number prefix and reply time |
/// | `notices` | on once `roles:` is configured | whether the daily check sends the loop's notices (签收, 进展反馈, the ladder) and steps reach the digest |
public struct SupervisionSettings: Sendable, Hashable {
    public var acknowledgeWithin = 1
    public var yellowWithin = 3
    public var ladder = EscalationRules()
    /// The loop's notices on or off; nil: on exactly when the configuration grants roles (the loop is in use), so
    /// a site still running duband as a reminder engine gets no 督办单 for items nobody can acknowledge.
    public var notices: Bool?

    /// Whether the loop's notices are sent, given the configuration's `roles:`.
    public func noticesEnabled(rolesConfigured: Bool) -> Bool { notices ?? rolesConfigured }

    public init() {}

    /// The most working days `acknowledge_within` and `yellow_within` may name.
    public static let maximumWorkingDays = 250
}
