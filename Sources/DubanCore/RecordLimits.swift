/// The bounds of what an official may record, in one place: the store refuses anything outside them, the control
/// API checks them first (a 422 with the field's name), and docs/openapi.yaml declares the same numbers (a test
/// compares them).
public enum RecordLimits {
    /// The largest progress amount one report adds (a prefecture's yearly quota is in the hundreds).
    public static let maximumAmount: Double = 1_000_000
    /// The largest absolute value of a metric reading (rates, counts of pupils or schools, budgets in 万元).
    public static let maximumReading: Double = 1_000_000_000
    /// The longest note, evidence, reason or error text stored, in characters.
    public static let maximumTextLength = 4_000
    /// The longest request id (`Idempotency-Key`), in characters; the API admits visible ASCII only, so bytes.
    public static let maximumRequestIDLength = 200
}
