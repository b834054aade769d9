public import DubanCore

/// What someone asks to do: read an occurrence, or take a step of the loop.
public enum SupervisionRequest: Sendable, Hashable {
    case read
    case act(SupervisionAction)
}

/// The decision, with the role that would have been needed.
public enum PolicyDecision: Sendable, Hashable {
    case allowed
    case denied(zh: String, en: String)
}

/// Who may do what, as one pure function: the same for the control socket and the web.
///
/// | request | allowed for |
/// |---|---|
/// | read | an officer or leader of the occurrence's unit or of a unit above it; a supervisor; an admin |
/// | 签收, 进展反馈, 延期申请, 办结报告 | an officer or leader of the lead unit; 进展反馈 also of a co-unit (协办单位) |
/// | 批准/驳回延期, 审核通过, 退回 | a leader of a unit above the lead unit; a supervisor; an admin |
/// | 销号, 中止, 恢复 | a supervisor; an admin |
/// | 免办, 重新打开 | an admin |
///
/// Nobody approves or reviews their own unit's work: a leader of the lead unit itself is not "above" it.
public enum SupervisionPolicy {
    public static func decide(
        _ request: SupervisionRequest,
        roles: [SupervisionRole],
        unit: String,
        coUnits: [String] = [],
        directory: OrgDirectory
    ) -> PolicyDecision {
        if roles.contains(.admin) { return .allowed }
        let supervisor = roles.contains(.supervisor)
        let above = Set(directory.ancestors(of: unit))
        let ownUnits = Set(roles.compactMap { role -> String? in
            switch role {
            case .officer(let u), .leader(let u): u
            default: nil
            }
        })
        let leaderUnits = Set(roles.compactMap { role -> String? in
            if case .leader(let u) = role { return u }
            return nil
        })
        let ofUnit = ownUnits.contains(unit)
        let ofCoUnit = !ownUnits.isDisjoint(with: coUnits)
        let leaderAbove = !leaderUnits.isDisjoint(with: above)

        func deny(_ zh: String, _ en: String) -> PolicyDecision { .denied(zh: zh, en: en) }
        let unitName = directory.displayName(unit)
        switch request {
        case .read:
            if supervisor || ofUnit || ofCoUnit || !ownUnits.isDisjoint(with: above) { return .allowed }
            return deny(
                "只能查看本单位及下级单位的事项(需要“\(unitName)”或其上级单位的角色,或督查员)",
                "only the occurrences of your unit and the units below it (needs a role of \(unit) or above, or supervisor)"
            )
        case .act(let action):
            switch action {
            case .acknowledge, .requestExtension, .submit:
                if ofUnit { return .allowed }
                return deny(
                    "需要“\(unitName)”(牵头单位)的经办人或领导", "needs an officer or leader of the lead unit \(unit)")
            case .feedback:
                if ofUnit || ofCoUnit { return .allowed }
                return deny(
                    "需要“\(unitName)”或协办单位的经办人或领导",
                    "needs an officer or leader of \(unit) or of a co-unit")
            case .approveExtension, .rejectExtension, .pass, .sendBack:
                if supervisor || leaderAbove { return .allowed }
                return deny(
                    "需要“\(unitName)”上级单位的领导或督查员",
                    "needs a leader of a unit above \(unit), or a supervisor")
            case .strike, .pause, .resume:
                if supervisor { return .allowed }
                return deny("需要督查员或管理员", "needs a supervisor or an admin")
            case .waive, .reopen:
                return deny("需要管理员", "needs an admin")
            }
        }
    }
}
