import PlanQ

extension LanguageHelp {
    /// A help topic: a clause or an expression form, the grammar rules that define it,
    /// and the word an example must contain.
    struct Topic {
        /// What `.help` accepts for it; the first is the title.
        var names: [String]
        var summary: String
        var rules: [String]
        /// The keyword (or contextual word) whose examples show the topic.
        var keyword: String
        /// Listed by `.help clauses`.
        var clause = true
    }

    /// A function: how it is called and what it gives.
    struct FunctionHelp {
        var name: String
        var signature: String
        var summary: String
        var aggregate: Bool
    }

    /// Every clause and expression topic, in the order of the grammar.
    static let topics: [Topic] = [
        Topic(names: ["where"], summary: "keep the rows where a condition is true (after a grouping: the groups)",
              rules: ["where_clause"], keyword: "where"),
        Topic(names: ["let"], summary: "add or replace computed columns", rules: ["let_clause", "binding"], keyword: "let"),
        Topic(names: ["group", "group by", "by"], summary: "one row per combination of keys, with aggregates",
              rules: ["group_clause", "named_list", "named"], keyword: "group"),
        Topic(names: ["aggregate"], summary: "aggregates over the whole input (or the groups of a group by)",
              rules: ["aggregate_clause", "named_list"], keyword: "aggregate"),
        Topic(names: ["having"], summary: "keep the groups where a condition (on aggregates) is true",
              rules: ["having_clause"], keyword: "having"),
        Topic(names: ["pivot"], summary: "spread a text or enum expression's values into columns after a grouping",
              rules: ["pivot_clause"], keyword: "pivot"),
        Topic(names: ["sort", "order", "sort by", "order by", "asc", "desc"], summary: "sort rows; nulls last either way",
              rules: ["sort_clause", "sort_key"], keyword: "sort"),
        Topic(names: ["limit"], summary: "the first n rows", rules: ["limit_clause"], keyword: "limit"),
        Topic(names: ["top", "per"], summary: "the n rows with the largest value, optionally per group",
              rules: ["top_clause"], keyword: "top"),
        Topic(names: ["select", "as"], summary: "choose, compute and rename the output columns",
              rules: ["select_clause", "named_list", "named"], keyword: "select"),
        Topic(names: ["distinct"], summary: "drop duplicate rows", rules: ["distinct_clause"], keyword: "distinct"),
        Topic(names: ["join", "left", "left join", "on"], summary: "combine with another table on equal keys",
              rules: ["join_clause", "join_key"], keyword: "join"),
        Topic(names: ["alias", "self-join"], summary: "name a table (measures as m) to qualify its columns: m.value",
              rules: ["source"], keyword: "as", clause: false),
        Topic(names: ["semi join", "anti join", "semi", "anti"],
              summary: "keep the rows that have (semi) or have no (anti) match in another table, once each",
              rules: ["semi_join_clause", "join_key"], keyword: "anti"),
        Topic(names: ["union"], summary: "append the rows of another query, matching columns by name",
              rules: ["union_clause"], keyword: "union"),
        Topic(names: ["unnest", "split"], summary: "one row per part of a text: unnest split(owner, \" and \") as person",
              rules: ["unnest_clause"], keyword: "unnest"),
        Topic(names: ["table", "named results"], summary: "keep a query's result as a table for later statements",
              rules: ["definition"], keyword: "table"),
        Topic(names: ["explain"], summary: "show the plan instead of running the query",
              rules: ["statement"], keyword: "explain"),
        Topic(names: ["over", "window", "windows", "row_number", "rank", "dense_rank", "lag", "lead", "first", "last"],
              summary: "window functions in a let: rank, running totals, previous values per partition",
              rules: ["window", "call"], keyword: "over", clause: false),
        Topic(names: ["and", "or", "not"], summary: "combine conditions (SQL's three-valued logic for nulls)",
              rules: ["disjunction", "conjunction", "negation"], keyword: "and", clause: false),
        Topic(names: ["in", "subquery"], summary: "a value among a list, status in (red, amber), or a query's one column",
              rules: ["predicate", "subquery"], keyword: "in", clause: false),
        Topic(names: ["between"], summary: "a value within two bounds, both included",
              rules: ["predicate"], keyword: "between", clause: false),
        Topic(names: ["is", "null", "is null"], summary: "test for a missing value",
              rules: ["predicate", "primary"], keyword: "is", clause: false),
        Topic(names: ["contains", "like", "matches", "starts", "ends", "starts with", "ends with"],
              summary: "match text: contains/starts with/ends with/like ignore case; matches is a regular expression",
              rules: ["predicate", "text_op"], keyword: "contains", clause: false),
        Topic(names: ["date", "today"], summary: "date literals (date \"2009-03-31\") and the current date",
              rules: ["date_literal", "primary"], keyword: "today", clause: false),
        Topic(names: ["months", "month", "days", "day", "interval"], summary: "intervals: due + 3 months, today - 30 days",
              rules: ["postfix", "interval_unit"], keyword: "days", clause: false),
        Topic(names: ["operators", "=", "<", ">", "+", "-", "*", "/", "//", "%"],
              summary: "comparison and arithmetic (/ gives a double, // divides whole numbers)",
              rules: ["comparison", "compare_op", "sum", "product"], keyword: "or", clause: false),
        Topic(names: ["case", "when", "if", "conditional"],
              summary: "case when c then x {when c then x} [else x] end; if(c, a, b); the first true condition wins",
              rules: ["case_expr", "simple_case"], keyword: "case", clause: false),
        Topic(names: ["||", "concatenation", "concat"], summary: "a || b joins text (null if either side is null)",
              rules: ["concatenation"], keyword: "to_text", clause: false),
        Topic(names: ["string", "strings", "text"], summary: "text in single or double quotes",
              rules: ["STRING", "escape"], keyword: "contains", clause: false),
        Topic(names: ["names", "`", "quoted"], summary: "names with spaces or reserved words go in backticks",
              rules: ["name", "QUOTED_IDENTIFIER"], keyword: "select", clause: false),
    ]

    /// Every function, scalar then aggregate (a test checks the lists against the engine's).
    static let functions: [FunctionHelp] = [
        FunctionHelp(name: "coalesce", signature: "coalesce(a, b, ...)", summary: "the first argument that is not null", aggregate: false),
        FunctionHelp(name: "lower", signature: "lower(text)", summary: "text in lower case", aggregate: false),
        FunctionHelp(name: "upper", signature: "upper(text)", summary: "text in upper case", aggregate: false),
        FunctionHelp(name: "length", signature: "length(text)", summary: "number of characters", aggregate: false),
        FunctionHelp(name: "trim", signature: "trim(text)", summary: "text without leading and trailing blanks", aggregate: false),
        FunctionHelp(name: "round", signature: "round(x[, digits])", summary: "x rounded (to digits after the point)", aggregate: false),
        FunctionHelp(name: "abs", signature: "abs(x)", summary: "absolute value", aggregate: false),
        FunctionHelp(name: "pow", signature: "pow(x, y)", summary: "x to the power y", aggregate: false),
        FunctionHelp(name: "sqrt", signature: "sqrt(x)", summary: "square root", aggregate: false),
        FunctionHelp(name: "year", signature: "year(date)", summary: "calendar year", aggregate: false),
        FunctionHelp(name: "month", signature: "month(date)", summary: "month 1-12", aggregate: false),
        FunctionHelp(name: "quarter", signature: "quarter(date)", summary: "calendar quarter 1-4 (January-March is 1)", aggregate: false),
        FunctionHelp(name: "fy", signature: "fy(date)", summary: "financial year label, April to March: \"2008/09\"", aggregate: false),
        FunctionHelp(name: "fy_quarter", signature: "fy_quarter(date)", summary: "financial quarter 1-4 (April-June is 1)", aggregate: false),
        FunctionHelp(name: "days_between", signature: "days_between(a, b)", summary: "days from date a to date b (b - a)", aggregate: false),
        FunctionHelp(name: "replace", signature: "replace(text, from, to)", summary: "text with every from replaced by to (case-sensitive)", aggregate: false),
        FunctionHelp(name: "substr", signature: "substr(text, start[, length])", summary: "characters from start (1 is the first; negative counts from the end)", aggregate: false),
        FunctionHelp(name: "left", signature: "left(text, n)", summary: "the first n characters (negative n: all but the last -n)", aggregate: false),
        FunctionHelp(name: "right", signature: "right(text, n)", summary: "the last n characters (negative n: all but the first -n)", aggregate: false),
        FunctionHelp(name: "to_text", signature: "to_text(x)", summary: "x as text: numbers as printed, dates as YYYY-MM-DD", aggregate: false),
        FunctionHelp(name: "count", signature: "count() / count(x)", summary: "rows, or values of x that are not null", aggregate: true),
        FunctionHelp(name: "count_distinct", signature: "count_distinct(x)", summary: "distinct values of x, nulls skipped", aggregate: true),
        FunctionHelp(name: "sum", signature: "sum(x)", summary: "total (an int for ints; an overflow is an error)", aggregate: true),
        FunctionHelp(name: "avg", signature: "avg(x)", summary: "mean (also spelled mean)", aggregate: true),
        FunctionHelp(name: "min", signature: "min(x)", summary: "smallest value (for RAG, the worst)", aggregate: true),
        FunctionHelp(name: "max", signature: "max(x)", summary: "largest value", aggregate: true),
        FunctionHelp(name: "median", signature: "median(x)", summary: "middle value, percentile(x, 0.5)", aggregate: true),
        FunctionHelp(name: "percentile", signature: "percentile(x, p)", summary: "value at fraction p (0-1), interpolated", aggregate: true),
        FunctionHelp(name: "stddev", signature: "stddev(x)", summary: "sample standard deviation (n - 1)", aggregate: true),
        FunctionHelp(name: "corr", signature: "corr(x, y)", summary: "Pearson correlation of x and y", aggregate: true),
        FunctionHelp(name: "share", signature: "share()", summary: "the group's rows over the rows that reached the grouping", aggregate: true),
        FunctionHelp(name: "count_if", signature: "count_if(condition)", summary: "rows where the condition is true", aggregate: true),
        FunctionHelp(name: "sum_if", signature: "sum_if(x, condition)", summary: "total of x over the rows where the condition is true", aggregate: true),
        FunctionHelp(name: "avg_if", signature: "avg_if(x, condition)", summary: "mean of x over the rows where the condition is true", aggregate: true),
        FunctionHelp(name: "string_agg", signature: "string_agg(x, separator)", summary: "the values joined in row order, nulls skipped", aggregate: true),
    ]
}
