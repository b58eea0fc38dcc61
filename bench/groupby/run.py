#!/usr/bin/env python3
"""db-benchmark groupby harness: planq vs DuckDB (vs SQLite) on the same CSV.

    python3 bench/groupby/run.py 1e7 --threads 1,2 --runs 5 --engines planq,duckdb,sqlite

For every engine the CSV is loaded once (load timed separately), then each
question runs --runs times per thread count on the loaded data and the median
is reported. Each engine's answers are reduced to a checksum (row count, and
for every numeric column the sum of its finite values plus the count of
NULL/NaN/inf values) and compared against the reference engine (DuckDB when it
ran, else the first engine that answered). Doubles must agree within a relative
tolerance of 1e-6, integers and counts exactly.

DuckDB and SQLite each run in their own worker process (this script with
--worker) so that their peak RSS is their own; planq runs as one process per
(question, thread count) through its CLI contract:

    planq --data DIR --timer --threads N --format csv -c 'Q; Q; ...'
    stderr: "Load: 1234.56 ms (1 tables, 10000000 rows)"  once after loading
            "Time: total 12.31 ms (parse 0.02, plan 0.05, execute 12.10, output 0.14)"
            once per statement
"""
import argparse
import csv
import json
import math
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
REPO = os.path.dirname(BENCH)
sys.path.insert(0, HERE)

from questions import QUESTIONS, BY_ID  # noqa: E402

REL_TOL = 1e-6
ALL_ENGINES = ["planq", "duckdb", "sqlite"]

# ----------------------------------------------------------------------------
# helpers


def parse_count(s):
    v = float(s)
    if v != int(v) or v <= 0:
        raise argparse.ArgumentTypeError(f"not a positive integer: {s}")
    return int(v)


def fmt_count(n):
    """10000000 -> '1e7' (db-benchmark naming), 2500000 -> '2.5e6'."""
    e = int(math.floor(math.log10(n)))
    m = n / 10**e
    ms = f"{m:g}"
    return f"{ms}e{e}"


def dataset_name(n, k, nas):
    return f"G1_{fmt_count(n)}_{fmt_count(k)}_{nas:g}_0"


def peak_rss_mb_self():
    # Linux: ru_maxrss is in KiB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def reset_peak_rss():
    """Linux: restart the process's peak-RSS counter (VmHWM), so the next peak is one question's."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def hwm_rss_mb():
    """The process's peak RSS since start or the last reset_peak_rss(), MB (None if unknown)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def current_rss_mb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def cpu_snapshot():
    """(machine busy CPU seconds from /proc/stat, this process tree's CPU seconds, wall)."""
    busy = None
    try:
        with open("/proc/stat") as f:
            parts = f.readline().split()[1:]
        j = [int(x) for x in parts]
        # user nice system idle iowait irq softirq steal
        busy = (j[0] + j[1] + j[2] + j[5] + j[6] + (j[7] if len(j) > 7 else 0)) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        pass
    me = resource.getrusage(resource.RUSAGE_SELF)
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = me.ru_utime + me.ru_stime + ch.ru_utime + ch.ru_stime
    return busy, own, time.perf_counter()


def other_load(before, after):
    """Average number of cores used by *other* processes between two snapshots."""
    if before[0] is None or after[0] is None or after[2] <= before[2]:
        return None
    return max(0.0, ((after[0] - before[0]) - (after[1] - before[1])) / (after[2] - before[2]))


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------
# checksums: {"rows": int, "cols": {name: {"kind": "int"|"float", "sum": x, "missing": int}}}

MISSING_TOKENS = {"", "null", "na", "nan", "-nan", "inf", "-inf", "+inf", "infinity", "-infinity"}


def checksum_from_csv(path):
    """Checksum of a CSV result with a header (planq's --format csv output)."""
    with open(path, newline="") as f:
        rd = csv.reader(f)
        try:
            header = next(rd)
        except StopIteration:
            return {"rows": 0, "cols": {}}
        ncol = len(header)
        kind = ["int"] * ncol  # demoted to float, then to None (non-numeric)
        isum = [0] * ncol
        fvals = [[] for _ in range(ncol)]
        missing = [0] * ncol
        rows = 0
        for rec in rd:
            if not rec:
                continue
            rows += 1
            for i in range(ncol):
                if kind[i] is None:
                    continue
                s = rec[i].strip() if i < len(rec) else ""
                if s.lower() in MISSING_TOKENS:
                    missing[i] += 1
                    continue
                if kind[i] == "int":
                    try:
                        v = int(s)
                        isum[i] += v
                        fvals[i].append(float(v))
                        continue
                    except ValueError:
                        kind[i] = "float"
                try:
                    v = float(s)
                except ValueError:
                    kind[i] = None
                    continue
                if math.isfinite(v):
                    fvals[i].append(v)
                else:
                    missing[i] += 1
    cols = {}
    for i, name in enumerate(header):
        if kind[i] is None:
            continue
        s = isum[i] if kind[i] == "int" else math.fsum(fvals[i])
        cols[name.strip().lower()] = {"kind": kind[i], "sum": s, "missing": missing[i]}
    return {"rows": rows, "cols": cols}


def compare(ref, got):
    """Return None if checksums agree, else a short reason."""
    if ref["rows"] != got["rows"]:
        return f"rows {got['rows']} != {ref['rows']}"
    gcols = got["cols"]
    for name, rc in ref["cols"].items():
        gc = gcols.get(name)
        if gc is None:
            return f"numeric column {name!r} missing (got {sorted(gcols)})"
        if rc["missing"] != gc["missing"]:
            return f"{name}: {gc['missing']} null/NaN != {rc['missing']}"
        a, b = rc["sum"], gc["sum"]
        if rc["kind"] == "int" and gc["kind"] == "int":
            if a != b:
                return f"{name}: sum {b} != {a}"
        elif abs(a - b) > REL_TOL * max(1.0, abs(a), abs(b)):
            return f"{name}: sum {b!r} != {a!r} (rel diff {abs(a - b) / max(abs(a), abs(b), 1e-300):.2e})"
    return None


# ----------------------------------------------------------------------------
# DuckDB worker

DUCKDB_NUMERIC = re.compile(
    r"^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|"
    r"FLOAT|DOUBLE|REAL|DECIMAL.*)$"
)
DUCKDB_INT = re.compile(r"^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U.*INT|UHUGEINT)$")

CSV_COLUMNS = (
    "{'id1':'VARCHAR','id2':'VARCHAR','id3':'VARCHAR','id4':'INTEGER','id5':'INTEGER',"
    "'id6':'INTEGER','v1':'INTEGER','v2':'INTEGER','v3':'DOUBLE'}"
)


def duckdb_checksum(con):
    desc = con.execute("DESCRIBE ans").fetchall()
    rows = con.execute("SELECT count(*) FROM ans").fetchone()[0]
    cols = {}
    for rec in desc:
        name, typ = rec[0], rec[1].upper()
        if not DUCKDB_NUMERIC.match(typ):
            continue
        q = f'"{name}"'
        if DUCKDB_INT.match(typ):
            s, miss = con.execute(f"SELECT sum({q}), count(*) - count({q}) FROM ans").fetchone()
            cols[name.lower()] = {"kind": "int", "sum": int(s or 0), "missing": int(miss)}
        else:
            fin = f"{q} IS NOT NULL AND isfinite({q}::DOUBLE)"
            s, nfin = con.execute(
                f"SELECT sum({q}::DOUBLE) FILTER (WHERE {fin}), count(*) FILTER (WHERE {fin}) FROM ans"
            ).fetchone()
            cols[name.lower()] = {"kind": "float", "sum": float(s or 0.0), "missing": rows - int(nfin)}
    return {"rows": int(rows), "cols": cols}


def worker_duckdb(a):
    import duckdb

    res = {"engine": "duckdb", "version": duckdb.__version__, "q": {}}
    con = duckdb.connect()  # in-memory database
    threads = [int(t) for t in a.threads.split(",")]
    con.execute(f"SET threads={max(threads)}")
    try:
        con.execute("SET enable_object_cache=false")
    except Exception as e:  # setting may be gone in some versions; there is no result cache anyway
        res["note"] = f"enable_object_cache: {e}"
    csvp = a.csv.replace("'", "''")
    t0 = time.perf_counter()
    # db-benchmark's DuckDB runner: read the CSV, turn the string ids into ENUMs.
    con.execute(f"CREATE TABLE y AS SELECT * FROM read_csv('{csvp}', header=true, columns={CSV_COLUMNS})")
    res["load_read_csv_ms"] = (time.perf_counter() - t0) * 1e3
    for c in ("id1", "id2", "id3"):
        con.execute(f"CREATE TYPE {c}_enum AS ENUM (SELECT DISTINCT {c} FROM y WHERE {c} IS NOT NULL)")
    con.execute(
        "CREATE TABLE x (id1 id1_enum, id2 id2_enum, id3 id3_enum, id4 INTEGER, id5 INTEGER, "
        "id6 INTEGER, v1 INTEGER, v2 INTEGER, v3 DOUBLE)"
    )
    con.execute("INSERT INTO x SELECT * FROM y")
    con.execute("DROP TABLE y")
    res["load_ms"] = (time.perf_counter() - t0) * 1e3
    res["rows"] = con.execute("SELECT count(*) FROM x").fetchone()[0]
    res["rss_after_load_mb"] = current_rss_mb()
    log(f"[duckdb {duckdb.__version__}] loaded {res['rows']} rows in {res['load_ms']:.0f} ms "
        f"(read_csv {res['load_read_csv_ms']:.0f} ms, rest = ENUM conversion)")
    for t in threads:
        con.execute(f"SET threads={t}")
        for qid in a.questions.split(","):
            sql = BY_ID[qid][3]
            entry = res["q"].setdefault(qid, {})
            times, cpu = [], []
            con.execute("DROP TABLE IF EXISTS ans")
            peak_reset = reset_peak_rss()
            try:
                for _ in range(a.runs):
                    con.execute("DROP TABLE IF EXISTS ans")
                    if a.duckdb_result == "ctas":
                        s = time.perf_counter()
                        c0 = time.process_time()
                        con.execute(f"CREATE TEMP TABLE ans AS {sql}")
                        times.append((time.perf_counter() - s) * 1e3)
                        cpu.append((time.process_time() - c0) * 1e3)
                    else:  # fetch the whole result into the client
                        s = time.perf_counter()
                        con.execute(sql).fetchnumpy()
                        times.append((time.perf_counter() - s) * 1e3)
                if a.duckdb_result != "ctas":
                    con.execute(f"CREATE TEMP TABLE ans AS {sql}")
                entry[str(t)] = {"median_ms": statistics.median(times), "runs_ms": times,
                                 "check": duckdb_checksum(con)}
                if cpu:
                    entry[str(t)]["cpu_ms"] = statistics.median(cpu)
                con.execute("DROP TABLE IF EXISTS ans")
                # This question's peak: the loaded table plus what its runs allocated (results included).
                if peak_reset and hwm_rss_mb() is not None:
                    entry[str(t)]["peak_rss_mb"] = hwm_rss_mb()
            except Exception as e:
                entry[str(t)] = {"error": f"{type(e).__name__}: {e}"}
            log(f"[duckdb] t={t} {qid}: {entry[str(t)].get('median_ms', entry[str(t)].get('error'))}")
    res["peak_rss_mb"] = peak_rss_mb_self()
    return res


# ----------------------------------------------------------------------------
# SQLite worker


def sqlite_checksum(con):
    cur = con.execute("SELECT * FROM ans LIMIT 0")
    names = [d[0] for d in cur.description]
    rows = con.execute("SELECT count(*) FROM ans").fetchone()[0]
    cols = {}
    for name in names:
        q = f'"{name}"'
        r = con.execute(f"SELECT typeof({q}) FROM ans WHERE {q} IS NOT NULL LIMIT 1").fetchone()
        if r is None or r[0] not in ("integer", "real"):
            continue
        kinds = {k for (k,) in con.execute(f"SELECT DISTINCT typeof({q}) FROM ans WHERE {q} IS NOT NULL")}
        if kinds == {"integer"}:
            s, miss = con.execute(f"SELECT sum({q}), count(*) - count({q}) FROM ans").fetchone()
            cols[name.lower()] = {"kind": "int", "sum": int(s or 0), "missing": int(miss)}
        else:  # SQLite stores NaN as NULL; +-inf would be 9e999 literals
            s, nfin = con.execute(
                f"SELECT total({q}) FILTER (WHERE abs({q}) < 9e999), "
                f"count(*) FILTER (WHERE abs({q}) < 9e999) FROM ans"
            ).fetchone()
            cols[name.lower()] = {"kind": "float", "sum": float(s or 0.0), "missing": rows - int(nfin)}
    return {"rows": int(rows), "cols": cols}


def worker_sqlite(a):
    import sqlite3

    res = {"engine": "sqlite", "version": sqlite3.sqlite_version, "q": {}}
    con = sqlite3.connect(":memory:")
    t0 = time.perf_counter()
    con.execute(
        "CREATE TABLE x (id1 TEXT, id2 TEXT, id3 TEXT, id4 INTEGER, id5 INTEGER, id6 INTEGER, "
        "v1 INTEGER, v2 INTEGER, v3 REAL)"
    )

    def rows():
        with open(a.csv, newline="") as f:
            rd = csv.reader(f)
            next(rd)
            for r in rd:
                yield (
                    r[0] or None, r[1] or None, r[2] or None,
                    int(r[3]) if r[3] else None, int(r[4]) if r[4] else None,
                    int(r[5]) if r[5] else None, int(r[6]) if r[6] else None,
                    int(r[7]) if r[7] else None, float(r[8]) if r[8] else None,
                )

    with con:
        con.executemany("INSERT INTO x VALUES (?,?,?,?,?,?,?,?,?)", rows())
    res["load_ms"] = (time.perf_counter() - t0) * 1e3
    res["rows"] = con.execute("SELECT count(*) FROM x").fetchone()[0]
    res["rss_after_load_mb"] = current_rss_mb()
    log(f"[sqlite {sqlite3.sqlite_version}] loaded {res['rows']} rows in {res['load_ms']:.0f} ms")
    # SQLite is single-threaded: it runs once, reported under thread count 1.
    for qid in a.questions.split(","):
        sql = BY_ID[qid][4]
        entry = res["q"].setdefault(qid, {})
        if sql is None:
            entry["1"] = {"error": "unsupported"}
            continue
        times = []
        try:
            for _ in range(a.runs):
                con.execute("DROP TABLE IF EXISTS temp.ans")
                s = time.perf_counter()
                con.execute(f"CREATE TEMP TABLE ans AS {sql}")
                times.append((time.perf_counter() - s) * 1e3)
            entry["1"] = {"median_ms": statistics.median(times), "runs_ms": times,
                          "check": sqlite_checksum(con)}
            con.execute("DROP TABLE IF EXISTS temp.ans")
        except Exception as e:
            entry["1"] = {"error": f"{type(e).__name__}: {e}"}
        log(f"[sqlite] t=1 {qid}: {entry['1'].get('median_ms', entry['1'].get('error'))}")
    res["peak_rss_mb"] = peak_rss_mb_self()
    return res


# ----------------------------------------------------------------------------
# planq (external process per question and thread count)

LOAD_RE = re.compile(r"^Load:\s*([0-9.]+)\s*ms", re.M)
LOAD_MEM_RE = re.compile(r"^Load:.*?columns\s+([0-9.]+)\s*MB.*?rss\s+([0-9.]+)\s*MB", re.M)
TIME_RE = re.compile(r"^Time:.*?execute\s+([0-9.]+)", re.M)


# Timed planq processes skip rendering their results (output time is excluded
# anyway; rendering a 1e7-row answer five times would dominate the wall time).
# The checksum run renders normally.
DISCARD_ENV = dict(os.environ, PLANQ_BENCH_DISCARD_OUTPUT="1")


def run_planq_proc(cmd, stdout_path, timeout, env=None):
    """Run planq; return (returncode, stderr text, peak RSS MB, wall s). The process's CPU time
    (user + system, all threads) is left in LAST_CPU_S[0]."""
    with tempfile.TemporaryFile() as err, open(stdout_path, "wb") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        deadline = t0 + timeout
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                p.kill()
                pid, status, ru = os.wait4(p.pid, 0)
                err.seek(0)
                return -9, f"timeout after {timeout}s\n" + err.read().decode(errors="replace"), \
                    ru.ru_maxrss / 1024.0, time.perf_counter() - t0
            time.sleep(0.01)
        p.returncode = os.waitstatus_to_exitcode(status)
        LAST_CPU_S[0] = ru.ru_utime + ru.ru_stime
        err.seek(0)
        return p.returncode, err.read().decode(errors="replace"), ru.ru_maxrss / 1024.0, time.perf_counter() - t0


# CPU seconds of the last process run_planq_proc waited for.
LAST_CPU_S = [0.0]


def tail(s, n=3):
    lines = [l for l in s.strip().splitlines() if l.strip()]
    return " | ".join(lines[-n:])[:300]


def run_planq(a, data_dir, threads, qids):
    res = {"engine": "planq", "q": {}, "version": None}
    exe = a.planq
    if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
        res["error"] = (f"planq binary not found at {exe} "
                        f"(build it: swift build -c release --package-path {REPO}, or pass --planq PATH)")
        log(f"[planq] {res['error']}")
        return res
    loads, peaks = [], []
    loads_by_t, rss_load, col_bytes = {}, [], []
    for t in threads:
        # CPU time of a process that only loads (and answers a trivial query): subtracted from each
        # question's process to give CPU ms per run, which a busy machine inflates far less than wall time.
        base = [exe, "--data", data_dir, "--timer", "--threads", str(t), "--format", "csv"]
        load_cpu = []
        for _ in range(2):
            rc, _, _, _ = run_planq_proc(base + ["-c", "x limit 1"], os.devnull, a.timeout, env=DISCARD_ENV)
            if rc == 0:
                load_cpu.append(LAST_CPU_S[0])
        for qid in qids:
            q = BY_ID[qid][2]
            entry = res["q"].setdefault(qid, {})
            rc, err, peak, wall = run_planq_proc(base + ["-c", "; ".join([q] * a.runs)], os.devnull, a.timeout,
                                                 env=DISCARD_ENV)
            cpu_s = LAST_CPU_S[0]
            peaks.append(peak)
            m = LOAD_RE.search(err)
            if m:
                loads.append(float(m.group(1)))
                loads_by_t.setdefault(str(t), []).append(float(m.group(1)))
            m = LOAD_MEM_RE.search(err)
            if m:
                col_bytes.append(float(m.group(1)))
                rss_load.append(float(m.group(2)))
            times = [float(x) for x in TIME_RE.findall(err)]
            if rc != 0 or len(times) != a.runs:
                entry[str(t)] = {"error": f"exit {rc}, {len(times)}/{a.runs} Time lines: {tail(err)}"}
                log(f"[planq] t={t} {qid}: {entry[str(t)]['error']}")
                continue
            # The timed process's peak: load plus this question's runs (results computed, not rendered).
            e = {"median_ms": statistics.median(times), "runs_ms": times, "peak_rss_mb": peak}
            if load_cpu:
                e["cpu_ms"] = max(0.0, (cpu_s - min(load_cpu)) / a.runs * 1e3)
            # one more run, results to a CSV file, for the checksum
            with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as tf:
                out = tf.name
            try:
                rc2, err2, peak2, _ = run_planq_proc(base + ["-c", q], out, a.timeout)
                peaks.append(peak2)
                if rc2 != 0:
                    e["check_error"] = f"exit {rc2}: {tail(err2)}"
                else:
                    e["check"] = checksum_from_csv(out)
            finally:
                os.unlink(out)
            entry[str(t)] = e
            log(f"[planq] t={t} {qid}: {e['median_ms']:.2f} ms (wall {wall:.1f}s)")
    if loads:
        res["load_ms"] = statistics.median(loads)
        res["load_ms_by_threads"] = {t: statistics.median(v) for t, v in loads_by_t.items()}
    if rss_load:
        res["rss_after_load_mb"] = statistics.median(rss_load)
        res["column_mb"] = statistics.median(col_bytes)
    if peaks:
        res["peak_rss_mb"] = max(peaks)
    return res


# ----------------------------------------------------------------------------
# worker dispatch (engines in their own process so peak RSS is theirs)


def run_worker(engine, a, csv_path, qids):
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", engine, "--csv", csv_path,
           "--threads", a.threads, "--runs", str(a.runs), "--questions", ",".join(qids),
           "--duckdb-result", a.duckdb_result]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=None, text=True)
    if p.returncode != 0:
        return {"engine": engine, "q": {}, "error": f"worker exited {p.returncode}"}
    return json.loads(p.stdout)


def engine_available(engine):
    if engine == "duckdb":
        try:
            import duckdb  # noqa: F401
        except ImportError:
            return "python package 'duckdb' not installed (pip install duckdb)"
    return None


# ----------------------------------------------------------------------------
# report


def fmt_ms(cell):
    if cell is None:
        return "-"
    if "median_ms" in cell:
        v = cell["median_ms"]
        return f"{v:.1f}" if v >= 10 else f"{v:.2f}"
    return "err" if cell.get("error") != "unsupported" else "n/a"


def check_answers(results, threads, qids):
    """Compare every (engine, thread) checksum to the reference; returns
    ({qid: status}, [mismatch lines])."""
    order = ["duckdb", "sqlite", "planq"]
    status, problems = {}, []
    for qid in qids:
        ref = ref_name = None
        for eng in order:
            r = results.get(eng)
            if not r:
                continue
            for t in threads:
                c = r["q"].get(qid, {}).get(str(t), {})
                if "check" in c:
                    ref, ref_name = c["check"], f"{eng}@t{t}"
                    break
            if ref:
                break
        if ref is None:
            status[qid] = "-"
            continue
        bad, checked = [], 0
        for eng in order:
            r = results.get(eng)
            if not r:
                continue
            for t in threads:
                c = r["q"].get(qid, {}).get(str(t))
                if not c:
                    continue
                if "check" in c:
                    checked += 1
                    why = compare(ref, c["check"])
                    if why:
                        bad.append(f"{eng}@t{t}")
                        problems.append(f"{qid}: {eng}@t{t} vs {ref_name}: {why}")
                elif "check_error" in c:
                    problems.append(f"{qid}: {eng}@t{t}: checksum run failed: {c['check_error']}")
        status[qid] = ("MISMATCH " + ",".join(bad)) if bad else (f"ok ({checked})" if checked > 1 else "ref only")
    return status, problems


def render(results, a, threads, qids, n, extra):
    engines = [e for e in ("planq", "duckdb", "sqlite") if e in results]
    status, problems = check_answers(results, threads, qids)
    head = ["question"]
    for t in threads:
        for e in engines:
            if e == "sqlite" and t != 1:
                continue
            head.append(f"{e} t{t}")
        if "planq" in engines and "duckdb" in engines:
            head.append(f"planq/duckdb t{t}")
    head.append("answers")
    rows = []
    for qid in qids:
        row = [f"{qid} {BY_ID[qid][1]}"]
        for t in threads:
            for e in engines:
                if e == "sqlite" and t != 1:
                    continue
                row.append(fmt_ms(results[e]["q"].get(qid, {}).get(str(t))))
            if "planq" in engines and "duckdb" in engines:
                p = results["planq"]["q"].get(qid, {}).get(str(t), {})
                d = results["duckdb"]["q"].get(qid, {}).get(str(t), {})
                if "median_ms" in p and "median_ms" in d and d["median_ms"] > 0:
                    row.append(f"{p['median_ms'] / d['median_ms']:.2f}x")
                else:
                    row.append("pending" if "error" in results["planq"] else "-")
        row.append(status[qid])
        rows.append(row)

    def side_row(label, key, fmt):
        row = [label]
        for t in threads:
            for e in engines:
                if e == "sqlite" and t != 1:
                    continue
                v = results[e].get(key)
                row.append(fmt(v) if v is not None else ("pending" if e == "planq" else "-"))
            if "planq" in engines and "duckdb" in engines:
                row.append("")
        row.append("")
        return row

    rows.append(side_row("load (ms, once per engine)", "load_ms", lambda v: f"{v:.0f}"))
    rows.append(side_row("peak RSS (MB, engine process)", "peak_rss_mb", lambda v: f"{v:.0f}"))
    widths = [max(len(str(r[i])) for r in [head] + rows) for i in range(len(head))]
    lines = []
    lines.append(f"groupby {dataset_name(n, a.k, a.nas)}: median of {a.runs} run(s), ms, load excluded; "
                 f"duckdb timing = {'CREATE TEMP TABLE ans AS <query>' if a.duckdb_result == 'ctas' else 'execute + fetchnumpy'}")
    lines.append("| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |")
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        lines.append("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")
    for e in engines:
        r = results[e]
        if r.get("version"):
            lines.append(f"{e} version: {r['version']}")
        if r.get("error"):
            lines.append(f"{e}: {r['error']}")
        errs = [f"{qid}@t{t}: {c['error']}" for qid, d in r["q"].items() for t, c in d.items()
                if "error" in c and c["error"] != "unsupported"]
        if errs and not r.get("error"):
            lines.append(f"{e} errors: " + "; ".join(errs[:10]))
    for line in extra:
        lines.append(line)
    if problems:
        lines.append("ANSWER PROBLEMS:")
        lines.extend("  " + p for p in problems)
    return "\n".join(lines), problems, status


KEPT_BEGIN = "<!-- kept: begin -->"
KEPT_END = "<!-- kept: end -->"


def read_kept_sections(path):
    """The part of an existing report between the kept markers (the domain
    benchmark's section, written by bench/plans/run.py), carried over."""
    try:
        with open(path) as f:
            text = f.read()
    except OSError:
        return ""
    i, j = text.find(KEPT_BEGIN), text.find(KEPT_END)
    return text[i:j + len(KEPT_END)] if 0 <= i < j else ""


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                              timeout=60).stdout.strip()
    except Exception:
        return ""


def machine_rows():
    model = sh("lscpu | sed -n 's/^Model name: *//p' | head -1")
    cores = sh("lscpu | sed -n 's/^Core(s) per socket: *//p' | head -1")
    tpc = sh("lscpu | sed -n 's/^Thread(s) per core: *//p' | head -1")
    mem = sh("awk '/MemTotal/ {printf \"%.1f GB\", $2/1048576}' /proc/meminfo")
    osr = sh(". /etc/os-release 2>/dev/null && echo $PRETTY_NAME")
    rows = [("date", time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())),
            ("CPU", f"{model}, {os.cpu_count()} logical CPUs ({cores} cores/socket, {tpc} threads/core)"),
            ("RAM", mem), ("OS", f"{osr}, Linux {os.uname().release}"),
            ("planq", sh(f"git -C {REPO} rev-parse --short HEAD") + " (" + sh(f"git -C {REPO} rev-parse --abbrev-ref HEAD") + "), "
             + sh("swift --version 2>&1 | head -1")),
            ("Python", sys.version.split()[0])]
    try:
        import duckdb
        rows.append(("DuckDB", duckdb.__version__ + " (PyPI), in-memory"))
    except ImportError:
        pass
    return rows


def short_count(n):
    """10000000 -> '1e7' (as the command line spells it), other counts as digits."""
    e = len(str(n)) - 1
    return f"1e{e}" if n == 10 ** e else str(n)


def results_markdown(results, a, threads, qids, name, table, status, problems, others, extra, keep=""):
    """The whole bench/RESULTS.md: headline table, speed-ups, load, memory, machine."""
    L = []
    L.append("# Benchmark results")
    L.append("")
    L.append("Written by `bench/run.sh` (do not edit by hand; rerun it). See `bench/README.md` for what is measured.")
    L.append("")
    L.append(f"## db-benchmark groupby, {name} (N = {short_count(a.N)}, K = {a.k})")
    L.append("")
    L.append(f"Median of {a.runs} runs per question, ms, load excluded, answers checked across engines. "
             f"Command: `bench/run.sh {short_count(a.N)}` (threads {a.threads}).")
    busy = f"{others:.2f}" if others is not None else "unknown"
    L.append(f"Other processes used {busy} cores on average during the run"
             + (" — **busy machine: timings are noisy**." if others is not None and others > 0.2 else "."))
    L.append("")
    P, D = results.get("planq", {}), results.get("duckdb", {})

    def cell(r, qid, t):
        return (r.get("q", {}).get(qid, {}).get(str(t)) or {}).get("median_ms")

    head = ["question"]
    for t in threads:
        head += [f"planq t{t}", f"DuckDB t{t}", f"planq/DuckDB t{t}"]
    head.append("answers")
    L.append("| " + " | ".join(head) + " |")
    L.append("|" + "---|" * len(head))
    worst = {t: 0.0 for t in threads}
    for qid in qids:
        row = [f"{qid} {BY_ID[qid][1]}"]
        for t in threads:
            p, d = cell(P, qid, t), cell(D, qid, t)
            row.append(f"{p:.1f}" if p is not None else "err")
            row.append(f"{d:.1f}" if d is not None else "err")
            if p is not None and d:
                ratio = p / d
                worst[t] = max(worst[t], ratio)
                row.append(f"**{ratio:.2f}x**" if ratio <= 1 else f"{ratio:.2f}x (slower)")
            else:
                row.append("-")
                worst[t] = float("inf")
        row.append(status.get(qid, "-"))
        L.append("| " + " | ".join(row) + " |")
    L.append("")
    for t in threads:
        w = worst[t]
        L.append(f"- Worst planq/DuckDB ratio at {t} thread(s): {w:.2f}x" + (" (every question at most 1.0)" if w <= 1 else ""))
    L.append("")
    if len(threads) > 1:
        t1, tn = threads[0], threads[-1]
        L.append(f"### Speed-up from {t1} to {tn} threads (time t{t1} / time t{tn})")
        L.append("")
        L.append("| question | planq | DuckDB |")
        L.append("|---|---|---|")
        for qid in qids:
            sp = []
            for r in (P, D):
                x, y = cell(r, qid, t1), cell(r, qid, tn)
                sp.append(f"{x / y:.2f}x" if x and y else "-")
            L.append(f"| {qid} {BY_ID[qid][1]} | {sp[0]} | {sp[1]} |")
        L.append("")
    # Spread of the runs and each question's own peak memory.
    L.append("### Spread of the runs and peak memory per question")
    L.append("")
    L.append("min–max of the runs (wall ms); CPU ms per run; peak RSS (MB) of the process while it answered the question: planq's "
             "timed process (load included, one process per question and thread count), DuckDB's worker after its "
             "peak counter was reset before the question (the loaded table included, its load peak not).")
    L.append("")
    head = ["question"]
    for t in threads:
        head += [f"planq t{t} runs", f"DuckDB t{t} runs", f"CPU planq/DuckDB t{t}", f"planq RSS t{t}", f"DuckDB RSS t{t}"]
    L.append("| " + " | ".join(head) + " |")
    L.append("|" + "---|" * len(head))

    def entry(r, qid, t):
        return r.get("q", {}).get(qid, {}).get(str(t)) or {}

    for qid in qids:
        row = [qid]
        for t in threads:
            for r in (P, D):
                runs = entry(r, qid, t).get("runs_ms")
                row.append(f"{min(runs):.1f}–{max(runs):.1f}" if runs else "-")
            pc, dc = entry(P, qid, t).get("cpu_ms"), entry(D, qid, t).get("cpu_ms")
            row.append(f"{pc:.0f}/{dc:.0f} = {pc / dc:.2f}x" if pc is not None and dc else "-")
            pr, dr = entry(P, qid, t).get("peak_rss_mb"), entry(D, qid, t).get("peak_rss_mb")
            row.append(f"{pr:.0f}" if pr is not None else "-")
            row.append((f"**{dr:.0f}**" if pr is not None and pr > dr else f"{dr:.0f}") if dr is not None else "-")
        L.append("| " + " | ".join(row) + " |")
    L.append("")
    L.append("DuckDB RSS in bold: planq's peak for that question was higher. CPU: median CPU ms per run "
             "(user + system, all threads): DuckDB's `time.process_time()` around each run; planq's "
             "(process CPU − CPU of a load-only process) / runs, so it includes parsing and planning. "
             "Busy machines inflate CPU time far less than wall time.")
    L.append("")
    L.append("### Load and memory")
    L.append("")
    L.append("| | planq | DuckDB |")
    L.append("|---|---|---|")
    pl = P.get("load_ms_by_threads", {})
    for t in threads:
        v = pl.get(str(t))
        dl = f"{D['load_ms']:.0f}" if D.get("load_ms") and t == max(threads) else ("" if t != max(threads) else "-")
        L.append(f"| CSV load, {t} thread(s) (ms) | {v:.0f} | {dl} |" if v is not None else f"| CSV load, {t} thread(s) (ms) | - | {dl} |")
    if D.get("load_read_csv_ms"):
        L.append(f"| of which DuckDB read_csv (ms) | | {D['load_read_csv_ms']:.0f} |")
    if P.get("column_mb"):
        L.append(f"| column storage after load (MB) | {P['column_mb']:.0f} | |")
    L.append(f"| RSS after load (MB) | {P.get('rss_after_load_mb', 0):.0f} | {D.get('rss_after_load_mb') or 0:.0f} |")
    if P.get("column_mb") and P.get("rss_after_load_mb"):
        L.append(f"| RSS after load / column bytes | {P['rss_after_load_mb'] / P['column_mb']:.2f}x | |")
    L.append(f"| peak RSS over the run (MB) | {P.get('peak_rss_mb', 0):.0f} | {D.get('peak_rss_mb', 0):.0f} |")
    L.append("")
    L.append("DuckDB loads once at the largest thread count (read_csv + ENUM conversion, db-benchmark's setup); "
             "planq loads in every process and the median per thread count is shown. DuckDB's RSS includes the "
             "Python interpreter (~40 MB).")
    L.append("")
    L.append("### Harness output")
    L.append("")
    L.append("```")
    L.append(table)
    L.append("```")
    if problems:
        L.append("")
        L.append("**Answer problems:** " + "; ".join(problems))
    L.append("")
    L.append("### Machine")
    L.append("")
    L.append("| | |")
    L.append("|---|---|")
    for k, v in machine_rows():
        L.append(f"| {k} | {v} |")
    L.append("")
    if keep:
        L.append(keep)
        L.append("")
    return "\n".join(L)


def run_bandwidth(exe, n):
    try:
        p = subprocess.run([exe, str(n)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
        return p.stdout.strip().splitlines()[-1] if p.returncode == 0 else f"bandwidth failed: {p.stderr.strip()}"
    except Exception as e:
        return f"bandwidth failed: {e}"


def main(argv=None):
    ap = argparse.ArgumentParser(description="db-benchmark groupby: planq vs DuckDB vs SQLite")
    ap.add_argument("N", nargs="?", type=parse_count, help="rows, e.g. 1e7")
    ap.add_argument("--k", type=parse_count, default=100, help="K (group cardinality), default 1e2")
    ap.add_argument("--nas", type=float, default=0.0, help="percent NAs, default 0")
    ap.add_argument("--seed", type=int, default=108)
    ap.add_argument("--threads", default="1,2", help="comma-separated thread counts")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per question (median reported)")
    ap.add_argument("--engines", default="planq,duckdb,sqlite")
    ap.add_argument("--questions", default=",".join(q[0] for q in QUESTIONS))
    ap.add_argument("--planq", default=os.path.join(REPO, ".build", "release", "planq"),
                    help="path to the planq binary")
    ap.add_argument("--data-root", default=os.path.join(BENCH, "data"))
    ap.add_argument("--csv", help="(worker) CSV path; otherwise data-root/<dataset>/x.csv")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per planq process")
    ap.add_argument("--duckdb-result", choices=["ctas", "fetch"], default="ctas",
                    help="ctas: time CREATE TEMP TABLE ans AS <q> (db-benchmark's way, result fully "
                         "materialised); fetch: time execute+fetchnumpy into Python")
    ap.add_argument("--sqlite-max-rows", type=parse_count, default=1_000_000,
                    help="skip SQLite above this N (it is slow); default 1e6")
    ap.add_argument("--bandwidth", help="path to the compiled bandwidth.c baseline binary")
    ap.add_argument("--json", help="write raw results here (default data-root/results/...)")
    ap.add_argument("--results-md", help="write the Markdown report here (only for a complete run: all ten "
                         "questions, planq and duckdb, >= 5 runs; otherwise beside the JSON)")
    ap.add_argument("--fail-on-mismatch", action="store_true", help="exit 1 if any answers differ")
    ap.add_argument("--fail-on-error", action="store_true", help="exit 2 if any engine/query errored")
    ap.add_argument("--worker", choices=["duckdb", "sqlite"], help=argparse.SUPPRESS)
    a = ap.parse_args(argv)

    for qid in a.questions.split(","):
        if qid not in BY_ID:
            ap.error(f"unknown question {qid}")

    if a.worker:
        res = worker_duckdb(a) if a.worker == "duckdb" else worker_sqlite(a)
        json.dump(res, sys.stdout)
        return 0

    if a.N is None:
        ap.error("N is required")
    threads = [int(t) for t in a.threads.split(",")]
    qids = a.questions.split(",")
    engines = [e.strip() for e in a.engines.split(",") if e.strip()]
    for e in engines:
        if e not in ALL_ENGINES:
            ap.error(f"unknown engine {e}")
    name = dataset_name(a.N, a.k, a.nas)
    data_dir = os.path.join(a.data_root, name)
    csv_path = a.csv or os.path.join(data_dir, "x.csv")
    if a.csv:
        data_dir = os.path.dirname(os.path.abspath(a.csv))
    if not os.path.exists(csv_path):
        log(f"generating {csv_path}")
        subprocess.run([sys.executable, os.path.join(HERE, "datagen.py"), str(a.N), str(a.k),
                        "--nas", str(a.nas), "--seed", str(a.seed), "-o", csv_path], check=True)

    snap0 = cpu_snapshot()
    results = {}
    for e in engines:
        if e == "sqlite" and a.N > a.sqlite_max_rows:
            log(f"[sqlite] skipped: N={a.N} > --sqlite-max-rows {a.sqlite_max_rows}")
            continue
        why = engine_available(e)
        if why:
            log(f"[{e}] unavailable: {why}")
            results[e] = {"engine": e, "q": {}, "error": why}
            continue
        if e == "planq":
            results[e] = run_planq(a, data_dir, threads, qids)
        else:
            results[e] = run_worker(e, a, csv_path, qids)

    others = other_load(snap0, cpu_snapshot())
    extra = [f"machine: {os.cpu_count()} cpus; other processes used {others:.2f} cores on average during the run"
             + (" -- BUSY: timings (multi-thread most) are noisy, rerun on a quiet machine" if others > 0.2 else "")
             if others is not None else f"machine: {os.cpu_count()} cpus"]
    if "duckdb" in results and results["duckdb"].get("load_read_csv_ms"):
        d = results["duckdb"]
        extra.append(f"duckdb load: read_csv {d['load_read_csv_ms']:.0f} ms + ENUM conversion "
                     f"{d['load_ms'] - d['load_read_csv_ms']:.0f} ms; RSS after load {d.get('rss_after_load_mb') or 0:.0f} MB")
    if a.bandwidth:
        extra.append(f"bandwidth floor for q1 (bandwidth.c, 1 thread): {run_bandwidth(a.bandwidth, a.N)}")
    table, problems, status = render(results, a, threads, qids, a.N, extra)
    print(table)

    out = a.json or os.path.join(a.data_root, "results",
                                 f"groupby_{name}_{time.strftime('%Y%m%dT%H%M%S')}.json")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as f:
        json.dump({"dataset": name, "N": a.N, "other_cores_busy": others, "threads": threads, "runs": a.runs, "results": results,
                   "answers": status, "problems": problems, "extra": extra}, f, indent=1)
    log(f"raw results: {out}")
    if a.results_md:
        complete = (set(qids) == set(BY_ID) and {"planq", "duckdb"} <= set(results) and a.runs >= 5)
        md_path = a.results_md if complete else out[:-len(".json")] + ".md"
        if not complete:
            log(f"not a complete run (all questions, planq+duckdb, >= 5 runs): {a.results_md} left alone")
        # read the kept section before opening for writing (which truncates the file)
        report = results_markdown(results, a, threads, qids, name, table, status, problems, others, extra,
                                  keep=read_kept_sections(a.results_md))
        with open(md_path, "w") as f:
            f.write(report)
        log(f"report: {md_path}")

    if a.fail_on_mismatch and any(s.startswith("MISMATCH") for s in status.values()):
        return 1
    if a.fail_on_error:
        errs = [e for e, r in results.items() if r.get("error")] + [
            f"{e}:{q}" for e, r in results.items() for q, d in r["q"].items() for c in d.values()
            if "error" in c and c["error"] != "unsupported"] + [p for p in problems if "checksum run failed" in p]
        if errs:
            log(f"errors: {errs}")
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
