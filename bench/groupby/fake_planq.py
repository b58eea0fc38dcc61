#!/usr/bin/env python3
"""Stand-in for the planq CLI, for testing the harness before planq exists.

Implements planq's benchmark contract on top of DuckDB: it only understands the
ten planq queries in questions.py (exact text) and answers them with the
matching DuckDB SQL. Use: run.py 1e5 --planq bench/groupby/fake_planq.py

FAKE_PLANQ_CORRUPT=q3 makes it return a wrong answer for q3 (tests mismatch
detection); FAKE_PLANQ_FAIL=q6 makes q6 fail with an error.
"""
import argparse
import csv
import glob
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from questions import QUESTIONS  # noqa: E402

import duckdb  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--data", required=True)
ap.add_argument("--timer", action="store_true")
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--format", default="table")
ap.add_argument("-c", required=True)
a = ap.parse_args()

con = duckdb.connect()
con.execute(f"SET threads={a.threads}")
t0 = time.perf_counter()
nrows = 0
files = sorted(glob.glob(os.path.join(a.data, "*.csv")))
for f in files:
    name = os.path.splitext(os.path.basename(f))[0]
    con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{f}', header=true)")
    nrows += con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
print(f"Load: {(time.perf_counter() - t0) * 1e3:.2f} ms ({len(files)} tables, {nrows} rows)", file=sys.stderr)

by_planq = {q[2]: q for q in QUESTIONS}
out = csv.writer(sys.stdout, lineterminator="\n")
for stmt in [s.strip() for s in a.c.split(";") if s.strip()]:
    q = by_planq.get(stmt)
    if q is None:
        print(f"error: cannot parse: {stmt}", file=sys.stderr)
        sys.exit(1)
    if q[0] in os.environ.get("FAKE_PLANQ_FAIL", "").split(","):
        print(f"error: {q[0]} not implemented", file=sys.stderr)
        sys.exit(1)
    s = time.perf_counter()
    cur = con.execute(q[3])
    rows = cur.fetchall()
    ex = (time.perf_counter() - s) * 1e3
    s = time.perf_counter()
    out.writerow([d[0] for d in cur.description])
    corrupt = q[0] in os.environ.get("FAKE_PLANQ_CORRUPT", "").split(",")
    for i, r in enumerate(rows):
        r = ["" if v is None else v for v in r]
        if corrupt and i == 0:
            r[-1] = r[-1] + 1
        out.writerow(r)
    sys.stdout.flush()
    o = (time.perf_counter() - s) * 1e3
    print(f"Time: total {ex + o:.2f} ms (parse 0.00, plan 0.00, execute {ex:.2f}, output {o:.2f})", file=sys.stderr)
