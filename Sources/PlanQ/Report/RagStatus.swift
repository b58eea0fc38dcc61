/// A red/amber/green status as a report shows it: a colour with WCAG AA contrast
/// against its text, and always a word, so a page printed in black and white still reads.
public enum RagStatus: String, CaseIterable, Sendable {
    case red, amber, green, notStated

    /// Reads a status word (`Red`, `amber`); nil for anything else.
    public init?(word: String) {
        switch word.lowercased() {
        case "red": self = .red
        case "amber": self = .amber
        case "green": self = .green
        default: return nil
        }
    }

    /// The word printed in the cell.
    public var label: String {
        switch self {
        case .red: return "Red"
        case .amber: return "Amber"
        case .green: return "Green"
        case .notStated: return "Not stated"
        }
    }

    /// CSS class in the HTML template.
    public var cssClass: String { "rag-" + (self == .notStated ? "none" : rawValue) }

    /// Fill colour. Text on it is ``textColour``: contrast white on #B71C1C is 6.6:1,
    /// black on #FFB300 11:1, white on #1B5E20 7.9:1, black on #E0E0E0 15:1 (all ≥ 4.5, AA).
    public var colour: String {
        switch self {
        case .red: return "#B71C1C"
        case .amber: return "#FFB300"
        case .green: return "#1B5E20"
        case .notStated: return "#E0E0E0"
        }
    }

    public var textColour: String { self == .red || self == .green ? "#FFFFFF" : "#000000" }

    /// A marker for Markdown, where cells cannot be coloured (the word follows it).
    public var emoji: String {
        switch self {
        case .red: return "🔴"
        case .amber: return "🟠"
        case .green: return "🟢"
        case .notStated: return "⚪"
        }
    }
}
