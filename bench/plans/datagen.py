#!/usr/bin/env python3
"""Generate a large, realistic council plan store for planq's domain benchmark.

Every English council (317 by default: counties, districts, unitaries, London
and metropolitan boroughs), each with ~200 performance indicators reported
quarterly over 10 years, and one improvement action per indicator per year:

    indicators.csv  councils x indicators x quarters rows (317 x 200 x 40 = 2.5M)
                    id, council, theme, code, title, owner, directorate, year,
                    period ("2019/20 Q3"), quarter_end (date), target, actual, status (red/amber/green/empty)
    actions.csv     councils x indicators x years rows (634k)
                    id, council, theme, ref, owner, directorate, due (date), status
    schema.json     column types, the rag enum and "" as null, as planq's datasets/ have

Column names and types follow planq's bundled datasets (datasets/schema.json).
`--indicators 2000` gives 25M indicator rows. Deterministic for a given seed.
"""
import argparse
import csv
import datetime as dt
import json
import os
import sys
import time

import numpy as np

THEMES = ["Community Safety", "Jobs and the Economy", "Health and Wellbeing", "Children and Young People",
          "Environment", "Housing", "Transport", "Adult Social Care", "Culture and Leisure", "Corporate Health"]
DIRECTORATES = ["Place", "People", "Resources", "Children's Services", "Adult Services", "Chief Executive's"]
KINDS = ["County Council", "District Council", "Borough Council", "City Council", "Metropolitan Borough Council",
         "London Borough"]
FIRST = ["Alex", "Sam", "Jo", "Chris", "Pat", "Jamie", "Morgan", "Robin", "Kim", "Lee", "Ashley", "Taylor"]
LAST = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Khan",
        "Evans", "Thomas", "Roberts", "Walker", "Wright", "Green", "Hall", "Wood", "Clarke", "Hughes"]
RAG = np.array(["red", "amber", "green", ""], dtype=object)


def quarters(first_year, years):
    out = []
    for y in range(first_year, first_year + years):
        for q, (m, d, yy) in enumerate([(6, 30, y), (9, 30, y), (12, 31, y), (3, 31, y + 1)], start=1):
            out.append((y, f"{y}/{(y + 1) % 100:02d} Q{q}", dt.date(yy, m, d).isoformat()))
    return out


def generate(out_dir, councils, indicators, years, seed):
    rng = np.random.default_rng(seed)
    os.makedirs(out_dir, exist_ok=True)
    qs = quarters(2015, years)
    names = [f"Council {c + 1:03d} {KINDS[c % len(KINDS)]}" for c in range(councils)]
    themes = [THEMES[k % len(THEMES)] for k in range(indicators)]
    codes = [f"PI {k + 1:03d}" for k in range(indicators)]
    titles = [f"{themes[k]} measure {k // len(THEMES) + 1}" for k in range(indicators)]
    t0 = time.time()
    rows = 0
    with open(os.path.join(out_dir, "indicators.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "council", "theme", "code", "title", "owner", "directorate", "year", "period",
                    "quarter_end", "target", "actual", "status"])
        for c in range(councils):
            # per council: who owns each indicator, which directorate, a baseline and a trend
            owner_pool = [f"{FIRST[i % len(FIRST)]} {LAST[(i * 7 + c) % len(LAST)]} ({c + 1:03d})" for i in range(40)]
            owners = rng.integers(0, len(owner_pool), indicators)
            dirs = rng.integers(0, len(DIRECTORATES), indicators)
            base = rng.uniform(10, 90, indicators)
            trend = rng.normal(0.2, 0.5, indicators)
            qi = np.arange(len(qs))
            target = np.round(base[:, None] + 0.25 * qi[None, :], 1)
            actual = np.round(base[:, None] + trend[:, None] * qi[None, :] + rng.normal(0, 4, (indicators, len(qs))), 1)
            ratio = actual / target
            status = np.where(ratio >= 1.0, 2, np.where(ratio >= 0.95, 1, 0))
            missing = rng.random((indicators, len(qs))) < 0.03
            status = np.where(missing, 3, status)
            for k in range(indicators):
                on = owner_pool[owners[k]]
                dn = DIRECTORATES[dirs[k]]
                for j, (year, period, qend) in enumerate(qs):
                    a = "" if missing[k, j] else actual[k, j]
                    w.writerow([f"c{c + 1:03d}/{codes[k]}/{j + 1}", names[c], themes[k], codes[k], titles[k], on, dn,
                                year, period, qend, target[k, j], a, RAG[status[k, j]]])
            rows += indicators * len(qs)
    t1 = time.time()
    arows = 0
    with open(os.path.join(out_dir, "actions.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "council", "theme", "ref", "owner", "directorate", "due", "status"])
        for c in range(councils):
            owner_pool = [f"{FIRST[i % len(FIRST)]} {LAST[(i * 7 + c) % len(LAST)]} ({c + 1:03d})" for i in range(40)]
            n = indicators * years
            owners = rng.integers(0, len(owner_pool), n)
            dirs = rng.integers(0, len(DIRECTORATES), n)
            due_days = rng.integers(0, 365 * years, n)
            stat = rng.choice(3, n, p=[0.2, 0.3, 0.5])
            start = dt.date(2015, 4, 1)
            for i in range(n):
                k, y = i % indicators, i // indicators
                w.writerow([f"c{c + 1:03d}/A{y + 1:02d}-{k + 1:03d}", names[c], themes[k], f"A{y + 1:02d}-{k + 1:03d}",
                            owner_pool[owners[i]], DIRECTORATES[dirs[i]],
                            (start + dt.timedelta(days=int(due_days[i]))).isoformat(), RAG[stat[i]]])
            arows += n
    schema = {
        "enums": {"rag": ["red", "amber", "green"]},
        "null": [""],
        "tables": {
            "indicators": {"columns": {
                "id": {"type": "text"}, "council": {"type": "text"}, "theme": {"type": "text"},
                "code": {"type": "text"}, "title": {"type": "text"}, "owner": {"type": "text"},
                "directorate": {"type": "text"}, "year": {"type": "int"}, "period": {"type": "text"},
                "quarter_end": {"type": "date"}, "target": {"type": "double"}, "actual": {"type": "double"},
                "status": {"type": "enum", "enum": "rag"}}},
            "actions": {"columns": {
                "id": {"type": "text"}, "council": {"type": "text"}, "theme": {"type": "text"},
                "ref": {"type": "text"}, "owner": {"type": "text"}, "directorate": {"type": "text"},
                "due": {"type": "date"}, "status": {"type": "enum", "enum": "rag"}}},
        },
    }
    with open(os.path.join(out_dir, "schema.json"), "w") as f:
        json.dump(schema, f, indent=1)
    print(f"plans datagen: {councils} councils x {indicators} indicators x {len(qs)} quarters -> "
          f"{rows} indicator rows ({t1 - t0:.1f}s), {arows} actions ({time.time() - t1:.1f}s) in {out_dir}",
          file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--councils", type=int, default=317)
    ap.add_argument("--indicators", type=int, default=200)
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--seed", type=int, default=2009)
    ap.add_argument("-o", "--out", required=True, help="output folder")
    a = ap.parse_args()
    generate(a.out, a.councils, a.indicators, a.years, a.seed)


if __name__ == "__main__":
    main()
