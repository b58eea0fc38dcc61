/// The UK financial year, which runs 1 April to 31 March.
///
/// 31 March 2009 is in 2008/09 (quarter 4); 1 April 2009 starts 2009/10 (quarter 1).
public enum FiscalCalendar {
    /// The calendar year in which the financial year holding `d` starts.
    public static func startYear(_ d: CivilDate) -> Int { d.month >= 4 ? d.year : d.year - 1 }

    /// The label of the financial year holding `d`, such as "2008/09".
    public static func label(_ d: CivilDate) -> String { label(startYear: startYear(d)) }

    public static func label(startYear y: Int) -> String {
        let next = (y + 1) % 100
        return "\(y)/\(next < 10 ? "0" : "")\(next)"
    }

    /// Financial quarter: April–June is 1, January–March is 4.
    public static func quarter(_ d: CivilDate) -> Int { (d.month + 8) % 12 / 3 + 1 }
}
