#!/usr/bin/env python3
"""planq's domain benchmark: the queries a scrutiny report runs over a large
plan store (bench/plans/datagen.py), planq vs DuckDB on the same CSV files.

Timing, checksums and fairness rules are the groupby harness's (see
bench/README.md): median of --runs in-process runs per query and thread count,
load excluded (and reported), answers compared as row counts plus per-column
sums. The report goes to stdout and, between the kept markers, into
bench/RESULTS.md (the groupby report keeps that section when it rewrites the file).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
REPO = os.path.dirname(BENCH)
sys.path.insert(0, os.path.join(BENCH, "groupby"))
import run as gb  # noqa: E402  (checksums, process runner, machine info)

# (id, description, planq, DuckDB SQL)
QUERIES = [
    ("p1", "RAG counts by theme, latest quarter, pivoted",
     'indicators where period = "2024/25 Q4" group by theme pivot status',
     "SELECT theme, count(*) FILTER (WHERE status = 'red') AS red, count(*) FILTER (WHERE status = 'amber') AS amber, "
     "count(*) FILTER (WHERE status = 'green') AS green, count(*) FILTER (WHERE status IS NULL) AS \"null\" "
     "FROM indicators WHERE period = '2024/25 Q4' GROUP BY theme"),
    ("p2", "RAG counts by council and theme, all quarters, pivoted",
     "indicators group by council, theme pivot status",
     "SELECT council, theme, count(*) FILTER (WHERE status = 'red') AS red, count(*) FILTER (WHERE status = 'amber') AS amber, "
     "count(*) FILTER (WHERE status = 'green') AS green, count(*) FILTER (WHERE status IS NULL) AS \"null\" "
     "FROM indicators GROUP BY council, theme"),
    ("p3", "red indicators by owner",
     "indicators where status = red group by owner aggregate count() as red",
     "SELECT owner, count(*) AS red FROM indicators WHERE status = 'red' GROUP BY owner"),
    ("p4", "overdue actions by directorate",
     'actions where due < date "2025-01-01" and status != green group by directorate aggregate count() as overdue',
     "SELECT directorate, count(*) AS overdue FROM actions WHERE due < DATE '2025-01-01' AND status <> 'green' "
     "GROUP BY directorate"),
    ("p5", "performance gap by theme and year",
     "indicators group by theme, year aggregate avg(actual - target) as gap, count(actual) as reported",
     "SELECT theme, year, avg(actual - target) AS gap, count(actual) AS reported FROM indicators GROUP BY theme, year"),
]

IND_COLUMNS = ("{'id':'VARCHAR','council':'VARCHAR','theme':'VARCHAR','code':'VARCHAR','title':'VARCHAR',"
               "'owner':'VARCHAR','directorate':'VARCHAR','year':'INTEGER','period':'VARCHAR','quarter_end':'DATE',"
               "'target':'DOUBLE','actual':'DOUBLE','status':'VARCHAR'}")
ACT_COLUMNS = ("{'id':'VARCHAR','council':'VARCHAR','theme':'VARCHAR','ref':'VARCHAR','owner':'VARCHAR',"
               "'directorate':'VARCHAR','due':'DATE','status':'VARCHAR'}")


def run_duckdb(data, threads, runs):
    import duckdb
    con = duckdb.connect()
    con.execute(f"SET threads={max(threads)}")
    t0 = time.perf_counter()
    for table, cols in (("indicators", IND_COLUMNS), ("actions", ACT_COLUMNS)):
        p = os.path.join(data, f"{table}.csv").replace("'", "''")
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{p}', header=true, nullstr='', columns={cols})")
    res = {"load_ms": (time.perf_counter() - t0) * 1e3, "q": {}, "rss_after_load_mb": gb.current_rss_mb()}
    for t in threads:
        con.execute(f"SET threads={t}")
        for qid, _, _, sql in QUERIES:
            times = []
            for _ in range(runs):
                con.execute("DROP TABLE IF EXISTS ans")
                s = time.perf_counter()
                con.execute(f"CREATE TEMP TABLE ans AS {sql}")
                times.append((time.perf_counter() - s) * 1e3)
            res["q"].setdefault(qid, {})[str(t)] = {"median_ms": statistics.median(times), "check": gb.duckdb_checksum(con)}
            gb.log(f"[duckdb] t={t} {qid}: {statistics.median(times):.2f} ms")
    return res


def run_planq(exe, data, threads, runs, timeout):
    res = {"q": {}, "loads": {}}
    for t in threads:
        for qid, _, q, _ in QUERIES:
            base = [exe, "--data", data, "--timer", "--threads", str(t), "--format", "csv"]
            rc, err, peak, _ = gb.run_planq_proc(base + ["-c", "; ".join([q] * runs)], os.devnull, timeout,
                                                 env=gb.DISCARD_ENV)
            times = [float(x) for x in gb.TIME_RE.findall(err)]
            m = gb.LOAD_RE.search(err)
            if m:
                res["loads"].setdefault(str(t), []).append(float(m.group(1)))
            if rc != 0 or len(times) != runs:
                res["q"].setdefault(qid, {})[str(t)] = {"error": f"exit {rc}: {gb.tail(err)}"}
                gb.log(f"[planq] t={t} {qid}: error {gb.tail(err)}")
                continue
            with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as tf:
                out = tf.name
            try:
                gb.run_planq_proc(base + ["-c", q], out, timeout)
                check = gb.checksum_from_csv(out)
            finally:
                os.unlink(out)
            res["q"].setdefault(qid, {})[str(t)] = {"median_ms": statistics.median(times), "check": check}
            gb.log(f"[planq] t={t} {qid}: {statistics.median(times):.2f} ms")
    return res


def run_planq_pg(exe, data, url, runs, timeout):
    """planq --engine on PostgreSQL: the data folder is copied in with `planq ingest --from-data`
    (COPY in one transaction, then ANALYZE; timed as the load), then each query runs through
    --engine (compiled to SQL, run by the server, rows read back). Time is the Time line's
    execute part, as for planq: the SQL compile, the server's work and the conversion of rows."""
    t0 = time.perf_counter()
    rc, err, _, _ = gb.run_planq_proc([exe, "ingest", "--from-data", data, "--out", url], os.devnull, timeout)
    res = {"q": {}, "load_ms": (time.perf_counter() - t0) * 1e3}
    if rc != 0:
        res["error"] = f"load: exit {rc}: {gb.tail(err)}"
        gb.log(f"[postgres] load failed: {gb.tail(err)}")
        return res
    gb.log(f"[postgres] load: {res['load_ms']:.0f} ms")
    for qid, _, q, _ in QUERIES:
        base = [exe, "--engine", url, "--timer", "--format", "csv"]
        rc, err, _, _ = gb.run_planq_proc(base + ["-c", "; ".join([q] * runs)], os.devnull, timeout, env=gb.DISCARD_ENV)
        times = [float(x) for x in gb.TIME_RE.findall(err)]
        m = gb.LOAD_RE.search(err)
        if m:
            res.setdefault("catalog_ms", []).append(float(m.group(1)))
        if rc != 0 or len(times) != runs:
            res["q"][qid] = {"error": f"exit {rc}: {gb.tail(err)}"}
            gb.log(f"[postgres] {qid}: error {gb.tail(err)}")
            continue
        with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as tf:
            out = tf.name
        try:
            gb.run_planq_proc(base + ["-c", q], out, timeout)
            check = gb.checksum_from_csv(out)
        finally:
            os.unlink(out)
        res["q"][qid] = {"median_ms": statistics.median(times), "check": check}
        gb.log(f"[postgres] {qid}: {statistics.median(times):.2f} ms")
    return res


def main():
    ap = argparse.ArgumentParser(description="planq domain benchmark (scrutiny-report queries over a plan store)")
    ap.add_argument("--councils", type=int, default=317)
    ap.add_argument("--indicators", type=int, default=200)
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--planq", default=os.path.join(REPO, ".build", "release", "planq"))
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--results-md", default=os.path.join(BENCH, "RESULTS.md"),
                    help="report file whose kept section is replaced ('' to skip)")
    ap.add_argument("--fail-on-mismatch", action="store_true")
    ap.add_argument("--pg", metavar="URL", help="also run through planq --engine on this PostgreSQL database "
                    "(e.g. scripts/pg-private run sh -c 'bench/run.sh --plans 317 --pg \"$PLANQ_PG_URL\"')")
    a, _ = ap.parse_known_args()
    threads = [int(t) for t in a.threads.split(",")]
    data = os.path.join(BENCH, "data", f"plans_{a.councils}_{a.indicators}")
    if not os.path.exists(os.path.join(data, "schema.json")):
        subprocess.run([sys.executable, os.path.join(HERE, "datagen.py"), "--councils", str(a.councils),
                        "--indicators", str(a.indicators), "-o", data], check=True)
    snap = gb.cpu_snapshot()
    P = run_planq(a.planq, data, threads, a.runs, a.timeout)
    D = run_duckdb(data, threads, a.runs)
    G = None
    if a.pg:
        url = a.pg + ("&" if "?" in a.pg else "?") + f"schema=bench_plans_{a.councils}_{a.indicators}"
        G = run_planq_pg(a.planq, data, url, a.runs, a.timeout)
    others = gb.other_load(snap, gb.cpu_snapshot())
    rows = sum(1 for _ in open(os.path.join(data, "indicators.csv"))) - 1
    lines = [gb.KEPT_BEGIN, "", "## Domain benchmark: a council plan store",
             "",
             f"`bench/run.sh --plans {a.councils}`: {a.councils} councils x {a.indicators} indicators x 40 quarters = "
             f"{rows:,} indicator rows, plus one action per indicator per year (`bench/plans/datagen.py`). "
             f"Median of {a.runs} runs, ms, load excluded, answers checked (row count + column sums). "
             f"Other processes used {others if others is not None else float('nan'):.2f} cores on average. "
             f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.", ""]
    head = ["query"] + [h for t in threads for h in (f"planq t{t}", f"DuckDB t{t}", f"ratio t{t}")]
    if G is not None:
        head += ["PostgreSQL (planq --engine)", "PG / planq t1"]
    head += ["answers"]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    mismatch = False
    for qid, desc, q, _ in QUERIES:
        row = [f"{qid} {desc}"]
        status = "ok"
        for t in threads:
            p, d = P["q"].get(qid, {}).get(str(t), {}), D["q"].get(qid, {}).get(str(t), {})
            pm, dm = p.get("median_ms"), d.get("median_ms")
            row += [f"{pm:.1f}" if pm is not None else "err", f"{dm:.1f}" if dm is not None else "err",
                    f"{pm / dm:.2f}x" if pm is not None and dm else "-"]
            if "check" in p and "check" in d:
                why = gb.compare(d["check"], p["check"])
                if why:
                    status = f"MISMATCH t{t}: {why}"
                    mismatch = True
            elif status == "ok":
                status = "unchecked"
        if G is not None:
            g = G["q"].get(qid, {})
            gm, pm1 = g.get("median_ms"), P["q"].get(qid, {}).get(str(threads[0]), {}).get("median_ms")
            row += [f"{gm:.1f}" if gm is not None else "err", f"{gm / pm1:.2f}x" if gm is not None and pm1 else "-"]
            d = D["q"].get(qid, {}).get(str(threads[0]), {})
            if "check" in g and "check" in d:
                why = gb.compare(d["check"], g["check"])
                if why:
                    status = f"MISMATCH PostgreSQL: {why}"
                    mismatch = True
            elif status == "ok":
                status = "unchecked (PostgreSQL)"
        row.append(status)
        lines.append("| " + " | ".join(row) + " |")
    loads = {t: statistics.median(v) for t, v in P["loads"].items()}
    lines += ["", "| load (ms) | " + " | ".join(f"planq t{t}: {v:.0f}" for t, v in sorted(loads.items()))
              + f" | DuckDB (t{max(threads)}): {D['load_ms']:.0f} |"
              + (f" PostgreSQL (planq ingest --from-data: COPY + ANALYZE): {G['load_ms']:.0f};"
                 f" --engine catalog read: {statistics.median(G.get('catalog_ms') or [float('nan')]):.0f} |" if G else ""), "",
              "Queries (planq):", ""] + [f"- {qid}: `{q}`" for qid, _, q, _ in QUERIES] + ["", gb.KEPT_END]
    text = "\n".join(lines)
    print(text)
    if a.results_md:
        try:
            old = open(a.results_md).read()
        except OSError:
            old = ""
        i, j = old.find(gb.KEPT_BEGIN), old.find(gb.KEPT_END)
        new = old[:i] + text + old[j + len(gb.KEPT_END):] if 0 <= i < j else old.rstrip() + "\n\n" + text + "\n"
        with open(a.results_md, "w") as f:
            f.write(new)
        gb.log(f"report section written to {a.results_md}")
    return 1 if mismatch and a.fail_on_mismatch else 0


if __name__ == "__main__":
    sys.exit(main())
