public import DubanCalendar
public import DubanCore

extension SupervisionRules {
    /// The rules a plan task's occurrences run under: the site's 签收时限 and yellow window, a procedural limit
    /// pausable with its allowed extension as the cap, and the task's feedback cadence.
    public init(task: PlanTask, settings: SupervisionSettings = SupervisionSettings()) {
        self.init()
        acknowledgeWithin = settings.acknowledgeWithin
        yellowWithin = settings.yellowWithin
        if task.kind == .procedural {
            pausable = true
            maximumExtension = task.procedural?.limit.extensionCount
        }
        feedback = task.feedback
    }
}

extension SupervisionRecord {
    /// The record of an occurrence no step has been taken on yet, at `stage` (what an earlier release recorded,
    /// or the start): assigned on `assignedOn`, due on `due`; a closed one closed on `closedOn`.
    public init(stage: SupervisionState, assignedOn: CivilDate, due: CivilDate, changedOn: CivilDate?) {
        self.init(assignedOn: assignedOn, due: due)
        state = stage
        switch stage {
        case .inProgress, .extensionRequested, .submitted, .paused:
            acknowledgedOn = changedOn ?? assignedOn
        case .closed, .struckOff:
            acknowledgedOn = changedOn
            submittedOn = changedOn
            closedOn = changedOn
        case .assigned, .waived:
            break
        }
    }
}
