/// Renders a syntax tree as S-expressions, one statement per line, for tests and `--ast`:
///
///     (query indicators (where (and (= theme "Community Safety") (= status red))) (group-by (owner)))
///
/// Forms: operators and predicates are prefix lists (`(= a b)`, `(not-in x (a b))`,
/// `(is-not-null x)`, `(starts-with x "A")`, `(months 3)`); calls are `(f args)`;
/// names print bare (`` `Lead officer` `` keeps its backticks); dates print as `#2009-03-31`
/// so they cannot be mistaken for a call of a function named `date`.
public enum ASTPrinter {
    /// The whole script, statements separated by newlines.
    public static func print(_ s: Script) -> String {
        s.statements.map(statement).joined(separator: "\n")
    }

    /// One expression.
    public static func print(_ e: Expr) -> String { expr(e) }

    static func statement(_ s: Statement) -> String {
        switch s.kind {
        case .query(let q): return query(q)
        case .explain(let q): return "(explain \(query(q)))"
        case .explainAnalyze(let q): return "(explain analyze \(query(q)))"
        case .define(let name, let q): return "(table \(identifier(name)) \(query(q)))"
        }
    }

    static func query(_ q: Query) -> String {
        let table = q.alias.map { list(["as", identifier(q.table), identifier($0)]) } ?? identifier(q.table)
        return list(["query", table] + q.clauses.map(clause))
    }

    static func clause(_ c: Clause) -> String {
        switch c.kind {
        case .filter(let e, let isHaving):
            return list([isHaving ? "having" : "where", expr(e)])
        case .bind(let bindings):
            return list(["let"] + bindings.map { list([identifier($0.0), expr($0.1)]) })
        case .groupBy(let keys, let aggregates):
            var parts = ["group-by", list(keys.map(named))]
            if let aggs = aggregates { parts.append(list(["aggregate"] + aggs.map(named))) }
            return list(parts)
        case .pivot(let e):
            return list(["pivot", expr(e)])
        case .sort(let keys):
            return list(["sort-by"] + keys.map(sortKey))
        case .limit(let n):
            return "(limit \(n))"
        case .top(let n, let by, let per):
            var parts = ["top", String(n), sortKey(by)]
            if !per.isEmpty { parts.append(list(["per"] + per.map(expr))) }
            return list(parts)
        case .select(let items):
            return list(["select"] + items.map(named))
        case .distinct:
            return "(distinct)"
        case .join(let table, let alias, let keys, let left):
            return list([left ? "left-join" : "join", joined(table, alias), list(["on"] + keys.map(joinKey))])
        case .semiJoin(let table, let alias, let keys, let anti):
            return list([anti ? "anti-join" : "semi-join", joined(table, alias), list(["on"] + keys.map(joinKey))])
        case .union(let q):
            return list(["union", query(q)])
        case .unnest(let e, let alias):
            return list(["unnest", alias.map { list(["as", expr(e), identifier($0)]) } ?? expr(e)])
        }
    }

    /// A joined table, with its alias as `(as table alias)`.
    static func joined(_ table: Identifier, _ alias: Identifier?) -> String {
        alias.map { list(["as", identifier(table), identifier($0)]) } ?? identifier(table)
    }

    static func named(_ n: NamedExpr) -> String {
        guard let alias = n.alias else { return expr(n.expr) }
        return list(["as", expr(n.expr), identifier(alias)])
    }

    static func sortKey(_ k: SortKey) -> String {
        list([k.descending ? "desc" : "asc", expr(k.expr)])
    }

    static func joinKey(_ k: JoinKey) -> String {
        guard let right = k.right else { return expr(k.left) }
        return list(["=", expr(k.left), expr(right)])
    }

    static func expr(_ e: Expr) -> String {
        switch e.kind {
        case .literal(let l): return literal(l)
        case .name(let q, let n): return (q.map { identifier($0) + "." } ?? "") + identifier(n)
        case .today: return "today"
        case .unary(let op, let x): return list([op.rawValue, expr(x)])
        case .binary(let op, let l, let r): return list([op.rawValue, expr(l), expr(r)])
        case .call(let f, let args): return list([identifier(f)] + args.map(expr))
        case .inList(let x, let items, let negated):
            return list([negated ? "not-in" : "in", expr(x), list(items.map(expr))])
        case .inQuery(let x, let q, let negated):
            return list([negated ? "not-in" : "in", expr(x), query(q)])
        case .between(let x, let lo, let hi, let negated):
            return list([negated ? "not-between" : "between", expr(x), expr(lo), expr(hi)])
        case .isNull(let x, let negated):
            return list([negated ? "is-not-null" : "is-null", expr(x)])
        case .textMatch(let op, let l, let r, let negated):
            let word = op.rawValue.replacing(" ", with: "-")
            return list([negated ? "not-" + word : word, expr(l), expr(r)])
        case .interval(let x, let months):
            return list([months ? "months" : "days", expr(x)])
        case .window(let f, let args, let w):
            var over = ["over"]
            if !w.partition.isEmpty { over.append(list(["per"] + w.partition.map(expr))) }
            if !w.sort.isEmpty { over.append(list(["sort-by"] + w.sort.map(sortKey))) }
            return list([list([identifier(f)] + args.map(expr)), list(over)])
        case .caseWhen(let whens, let otherwise):
            let arms = whens.map { list(["when", expr($0.condition), expr($0.result)]) }
            return list(["case"] + arms + (otherwise.map { [list(["else", expr($0)])] } ?? []))
        }
    }

    static func literal(_ l: Literal) -> String {
        switch l {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .double(let d): return String(d)
        case .string(let s): return quoted(s)
        case .date(let days): return "#" + CivilDate(days: days).description
        }
    }

    static func identifier(_ i: Identifier) -> String {
        i.quoted ? "`" + i.name.replacing("`", with: "``") + "`" : i.name
    }

    /// A string literal in double quotes with `"` and `\` escaped, so output re-parses.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    static func list(_ parts: [String]) -> String { "(" + parts.joined(separator: " ") + ")" }
}
