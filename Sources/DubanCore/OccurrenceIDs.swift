/// Reading occurrence ids (`plan/task/org/PERIOD`, made by ``Schedule``'s identities).
public enum OccurrenceIDs {
    /// The period part of the occurrence id `plan/task/org/PERIOD` (`2024`, `once`, `2024-05-06.ref` …), given the
    /// plan, task and org it belongs to (they may not contain `/`); empty when the id is not theirs.
    public static func period(ofID id: String, plan: String, task: String, org: String) -> String {
        let prefix = plan.utf8.count + task.utf8.count + org.utf8.count + 3
        let utf8 = id.utf8
        guard utf8.count > prefix else { return "" }
        return String(decoding: utf8.dropFirst(prefix), as: UTF8.self)
    }
}
