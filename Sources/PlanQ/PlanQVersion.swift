/// planq's release version, printed by `planq --version` and written nowhere else, so a bug
/// report or a scrutiny pack can say which planq produced it.
public enum PlanQVersion {
    /// The version as `MAJOR.MINOR.PATCH`.
    public static let string = "0.4.0"
}
