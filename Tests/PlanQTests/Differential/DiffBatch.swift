import Foundation

/// A seeded batch of differential queries: rounds of two random tables (`t`, and
/// `u` to join with), each followed by ten random queries judged against SQLite.
///
/// Round `r` uses seed `seed + r * 0x9E37`, and round 0 uses `seed` itself, so a
/// failing round replays alone with `--seed <round seed> --count 10`.
struct DiffBatch {
    static let queriesPerRound = 20
    /// Window queries (``DiffWindowGenerator``) run after each round's row queries, on the
    /// same table `t`, from their own seed so the row queries stay as they were.
    static let windowQueriesPerRound = 10
    static let trace = ProcessInfo.processInfo.environment["PLANQ_DIFF_TRACE"] == "1"
    /// `PLANQ_DIFF_FOCUS=text` (`scripts/diff --focus text`): the class of issue 19 —
    /// most tables of 3 to 20 batches, computed text in most queries.
    static let focus = ProcessInfo.processInfo.environment["PLANQ_DIFF_FOCUS"]

    var seed: UInt64
    var count: Int
    var coverage = DiffCoverage()
    var failures: [String] = []
    /// Stop collecting after this many failures (each is shrunk, which costs time).
    var maxFailures = 5
    /// How often a query combines the two tables (see ``DiffQueryGenerator/combineChance``);
    /// 0 gives the stream of queries the batch had before those forms existed.
    var combineChance = 0.3
    /// The generator's ``DiffQueryGenerator/conditionalChance`` (issue 16's constructs).
    var conditionalChance = 0.0

    init(seed: UInt64, count: Int) {
        self.seed = seed
        self.count = count
    }

    mutating func run() throws {
        var done = 0
        var round: UInt64 = 0
        while done < count {
            let roundSeed = seed &+ round &* 0x9E37
            try runRound(roundSeed, queries: min(Self.queriesPerRound, count - done))
            done += Self.queriesPerRound
            round += 1
        }
    }

    mutating func runRound(_ roundSeed: UInt64, queries: Int) throws {
        var tables = DiffTableGenerator(random: SeededRandom(seed: roundSeed))
        if Self.focus == "text" { tables.multiBatchPercent = 70 }
        let t = tables.table(name: "t", prefix: "a")
        let u = tables.table(name: "u", prefix: "b", keyType: t.columns[0].type)
        coverage.record(t)
        coverage.record(u)
        let runner = try DiffRunner(tables: [t, u])
        if Self.trace { FileHandle.standardError.write(Data("\(t.dump())\n\(u.dump())\n".utf8)) }
        var gen = DiffQueryGenerator(random: tables.random)
        if Self.focus == "text" { gen.textChance = 0.6 }
        gen.combineChance = combineChance
        gen.conditionalChance = Self.focus == "conditional" ? 0.6 : conditionalChance
        for i in 0..<queries {
            let q = gen.query(t, joinWith: u)
            coverage.record(q)
            // A crash cannot be reported afterwards: PLANQ_DIFF_TRACE=1 prints each query first.
            if Self.trace { FileHandle.standardError.write(Data("[\(roundSeed) #\(i)] \(q.planq)\n".utf8)) }
            let started = Date()
            let (verdict, _, _) = runner.judge(q)
            if Self.trace, Date().timeIntervalSince(started) > 0.5 {
                FileHandle.standardError.write(Data("  (slow: \(String(format: "%.1f", Date().timeIntervalSince(started))) s)\n".utf8))
            }
            switch verdict {
            case .agree: coverage.add("outcome: rows agree")
            case .bothOverflow: coverage.add("outcome: both overflow")
            case .planqOnlyOverflow: coverage.add("outcome: overflow (planq only, row exists)")
            case .unusedLetOverflow: coverage.add("outcome: overflow in an unused let (SQLite only)")
            case .windowSumOverflow: coverage.add("outcome: running sum overflow (SQLite only)")
            case .mismatch:
                coverage.add("outcome: MISMATCH")
                guard failures.count < maxFailures else { continue }
                failures.append(report(q, runner: runner, roundSeed: roundSeed, index: i))
            }
        }
        runWindowRound(roundSeed, t, runner)
    }

    /// The round's window queries on table `t`.
    mutating func runWindowRound(_ roundSeed: UInt64, _ t: DiffTable, _ runner: DiffRunner) {
        var gen = DiffWindowGenerator(random: SeededRandom(seed: roundSeed ^ 0x5749_4E44_4F57))
        for i in 0..<Self.windowQueriesPerRound {
            let w = gen.query(t)
            coverage.record(w)
            if Self.trace { FileHandle.standardError.write(Data("[\(roundSeed) window #\(i)] \(w.planq)\n".utf8)) }
            let (verdict, p, s) = runner.judge(w)
            switch verdict {
            case .agree: coverage.add("window outcome: rows agree")
            case .bothOverflow, .planqOnlyOverflow, .unusedLetOverflow: coverage.add("window outcome: both overflow")
            case .windowSumOverflow: coverage.add("outcome: running sum overflow (SQLite only)")
            case .mismatch(let why):
                coverage.add("outcome: MISMATCH")
                guard failures.count < maxFailures else { continue }
                failures.append("""
                differential mismatch (window): round seed \(roundSeed), window query \(i)
                planq: \(w.planq)
                SQL:   \(w.sql)
                \(why)
                planq:  \(Self.show(p))
                SQLite: \(Self.show(s))
                \(t.dump())
                """)
            }
        }
    }

    static func show(_ o: DiffRunner.Outcome) -> String {
        switch o {
        case .error(let m): return "error: \(m)"
        case .rows(let r): return "\(r.count) rows\n" + r.prefix(20).map { "    " + $0.map(\.description).joined(separator: " | ") }.joined(separator: "\n")
        }
    }

    func report(_ q: DiffQuery, runner: DiffRunner, roundSeed: UInt64, index: Int) -> String {
        let small = DiffShrinker.shrink(q, runner: runner)
        let (verdict, p, s) = runner.judge(small)
        func show(_ o: DiffRunner.Outcome) -> String {
            switch o {
            case .error(let m): return "error: \(m)"
            case .rows(let r): return "\(r.count) rows\n" + r.prefix(20).map { "    " + $0.map(\.description).joined(separator: " | ") }.joined(separator: "\n")
            }
        }
        var tables = [q.table.dump()]
        if let j = small.join { tables.append(j.table.dump()) }
        return """
        differential mismatch: round seed \(roundSeed), query \(index) (replay: scripts/diff --seed \(roundSeed) --count \(Self.queriesPerRound))
        original: \(q.planq)
        minimised planq: \(small.planq)
        minimised SQL:   \(small.sql)
        verdict: \(verdict)
        planq:  \(show(p))
        SQLite: \(show(s))
        \(tables.joined(separator: "\n"))
        """
    }
}
