/// Help for function names from other query languages that planq spells
/// differently, so `iif(` is pointed at `if(`, not at the nearest name (`min`).
enum FunctionHints {
    /// The planq construct for a name planq does not have, or nil.
    static func help(for name: String) -> String? {
        switch name.lowercased() {
        case "iif", "if_then_else", "ifelse", "if_else":
            return "write if(condition, value if true, value otherwise), or case when ... then ... else ... end"
        case "switch", "decode", "choose":
            return "write case when condition then value {when ... then ...} [else value] end"
        case "concat", "concat_ws", "strcat":
            return "join text with ||, for example: code || \": \" || title"
        case "nvl", "ifnull", "isnull", "nz":
            return "write coalesce(x, value if x is null)"
        case "substring", "mid":
            return "write substr(text, start[, length])"
        case "len", "char_length", "character_length":
            return "write length(text)"
        case "str", "tostring", "to_char", "cast", "string":
            return "write to_text(x)"
        case "group_concat", "listagg", "array_agg":
            return "write string_agg(x, separator)"
        case "countif", "count_where":
            return "write count_if(condition)"
        case "sumif":
            return "write sum_if(x, condition)"
        case "averageif", "avgif":
            return "write avg_if(x, condition)"
        default:
            return nil
        }
    }
}
