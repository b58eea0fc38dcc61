#!/usr/bin/env python3
"""The SQL differential run: planq's results against its compiled SQL on DuckDB,
PostgreSQL and Spark (see scripts/sql-diff, which exports the cases first).

Reads EXPORT/tables/<dataset>.jsonl and EXPORT/cases.jsonl (written by the
SQLDiffExport test), loads every dataset into each engine with its types (one
schema or database per dataset, plus a planq_row column numbering the rows),
runs each case's SQL and compares with planq's rows: equal up to row order,
doubles within a relative 1e-9. A case that does not compile for a dialect, or
whose result differs, must be listed in the expected file with its reason, so a
regression fails the run and a fixed case must be taken off the list."""
import argparse, csv, datetime, io, json, math, os, re, sys, tempfile, time
from collections import Counter, defaultdict

ROW = "planq_row"


def load_export(folder):
    datasets = {}
    for f in sorted(os.listdir(os.path.join(folder, "tables"))):
        name = f[:-len(".jsonl")]
        with open(os.path.join(folder, "tables", f), encoding="utf-8") as fh:
            datasets[name] = [json.loads(line) for line in fh if line.strip()]
    with open(os.path.join(folder, "cases.jsonl"), encoding="utf-8") as fh:
        cases = [json.loads(line) for line in fh if line.strip()]
    return datasets, cases


def schema_name(dataset):
    return "ds_" + re.sub(r"[^a-z0-9_]", "_", dataset.lower())


def csv_text(table):
    """Rows as CSV with every non-null value quoted and nulls as unquoted empty fields,
    so an empty string and a null stay apart."""
    out = io.StringIO()
    for i, row in enumerate(table["rows"]):
        fields = []
        for v in row:
            if v is None:
                fields.append("")
            else:
                if v is True: v = "true"
                elif v is False: v = "false"
                s = str(v) if not isinstance(v, float) else repr(v)
                fields.append('"' + s.replace('"', '""') + '"')
        fields.append(str(i))
        out.write(",".join(fields) + "\n")
    return out.getvalue()


# ---------------------------------------------------------------- engines

class DuckDBEngine:
    name = "duckdb"
    types = {"int": "BIGINT", "double": "DOUBLE", "bool": "BOOLEAN", "date": "DATE", "text": "VARCHAR", "enum": "VARCHAR", "null": "BIGINT"}

    def __init__(self):
        import duckdb
        self.db = duckdb.connect()
        self.tmp = tempfile.mkdtemp(prefix="planq-sqldiff-")

    def load(self, dataset, tables):
        s = schema_name(dataset)
        self.db.execute(f'CREATE SCHEMA "{s}"')
        for t in tables:
            cols = [(c["name"], self.types[c["type"]]) for c in t["columns"]] + [(ROW, "BIGINT")]
            self.db.execute(f'CREATE TABLE "{s}"."{t["name"]}" (' + ", ".join(f'"{n}" {ty}' for n, ty in cols) + ")")
            if not t["rows"]:
                continue
            path = os.path.join(self.tmp, f"{s}.{t['name']}.csv")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(csv_text(t))
            spec = "{" + ", ".join(f"'{n}': '{ty}'" for n, ty in cols) + "}"
            self.db.execute(f"""INSERT INTO "{s}"."{t['name']}" SELECT * FROM read_csv('{path}', header=false,
                auto_detect=false, columns={spec}, quote='"', escape='"', delim=',', allow_quoted_nulls=false,
                new_line='\\n', strict_mode=false)""")

    def use(self, dataset):
        self.db.execute(f'SET schema = \'{schema_name(dataset)}\'')

    def run(self, sql):
        return self.db.execute(sql).fetchall()

    def close(self):
        self.db.close()


class PostgresEngine:
    name = "postgres"
    types = {"int": "BIGINT", "double": "DOUBLE PRECISION", "bool": "BOOLEAN", "date": "DATE", "text": "TEXT", "enum": "TEXT", "null": "BIGINT"}

    def __init__(self):
        import psycopg
        self.conn = psycopg.connect(autocommit=True)
        self.conn.execute("SET statement_timeout = '20s'")

    def load(self, dataset, tables):
        s = schema_name(dataset)
        self.conn.execute(f'DROP SCHEMA IF EXISTS "{s}" CASCADE')
        self.conn.execute(f'CREATE SCHEMA "{s}"')
        for t in tables:
            cols = [(c["name"], self.types[c["type"]]) for c in t["columns"]] + [(ROW, "BIGINT")]
            self.conn.execute(f'CREATE TABLE "{s}"."{t["name"]}" (' + ", ".join(f'"{n}" {ty}' for n, ty in cols) + ")")
            if t["rows"]:
                with self.conn.cursor().copy(f'COPY "{s}"."{t["name"]}" FROM STDIN (FORMAT csv)') as cp:
                    cp.write(csv_text(t))

    def use(self, dataset):
        self.conn.execute(f'SET search_path = "{schema_name(dataset)}"')

    def run(self, sql):
        with self.conn.cursor() as cur:
            cur.execute(sql)
            return cur.fetchall()

    def close(self):
        self.conn.close()


class SparkEngine:
    name = "spark"

    def __init__(self):
        from pyspark.sql import SparkSession
        self.spark = (SparkSession.builder.master("local[2]").appName("planq-sql-diff")
                      .config("spark.ui.enabled", "false")
                      .config("spark.sql.shuffle.partitions", "1")
                      .config("spark.default.parallelism", "1")
                      .config("spark.sql.session.timeZone", "UTC")
                      .config("spark.driver.memory", "1g")
                      .config("spark.ui.showConsoleProgress", "false")
                      # Hundreds of small queries: compiling Java for each costs more than it saves.
                      .config("spark.sql.codegen.wholeStage", "false")
                      .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                      .config("spark.sql.adaptive.enabled", "false")
                      .getOrCreate())
        self.spark.sparkContext.setLogLevel("OFF")
        import logging
        logging.getLogger("SQLQueryContextLogger").setLevel(logging.CRITICAL)
        self.cached = []
        self.views = []
        self.datasets = {}
        self.unloadable = {}

    def load(self, dataset, tables):
        self.datasets[dataset] = tables

    def _type(self, t):
        from pyspark.sql import types as T
        return {"int": T.LongType(), "double": T.DoubleType(), "bool": T.BooleanType(), "date": T.DateType(),
                "text": T.StringType(), "enum": T.StringType(), "null": T.LongType()}[t]

    def use(self, dataset):
        from pyspark.sql import types as T
        self.unloadable.pop(dataset, None)
        for df in self.cached:
            df.unpersist()
        self.cached = []
        for old in self.views:
            self.spark.catalog.dropTempView(old)
        self.views = [t["name"] for t in self.datasets[dataset]]
        for t in self.datasets[dataset]:
            schema = T.StructType([T.StructField(c["name"], self._type(c["type"])) for c in t["columns"]] +
                                  [T.StructField(ROW, T.LongType())])
            converters = [self._converter(c["type"]) for c in t["columns"]]
            rows = []
            try:
                for i, r in enumerate(t["rows"]):
                    rows.append(tuple(conv(v) for conv, v in zip(converters, r)) + (i,))
            except ValueError as e:
                self.unloadable[dataset] = f"table {t['name']}: {e}"
                continue
            # Cached in the JVM, so queries never go back to Python for the rows.
            df = self.spark.createDataFrame(rows, schema).cache()
            df.count()
            self.cached.append(df)
            df.createOrReplaceTempView(t["name"])

    @staticmethod
    def _converter(t):
        if t == "date":
            def conv(v):
                if v is None: return None
                y, m, d = v.rsplit("-", 2)
                y = int(y)
                if not 1 <= y <= 9999:
                    raise ValueError(f"date {v} is outside Spark's range (years 1 to 9999)")
                return datetime.date(y, int(m), int(d))
            return conv
        if t == "double":
            return lambda v: None if v is None else float(v)
        return lambda v: v

    def run(self, sql):
        return [tuple(r) for r in self.spark.sql(sql).collect()]

    def close(self):
        self.spark.stop()


# ---------------------------------------------------------------- comparing

def norm(v, t):
    if v is None:
        return None
    if t == "double":
        return float(v)
    if t == "int":
        return int(v)
    if t == "bool":
        return bool(v)
    if t == "date":
        return v.isoformat() if hasattr(v, "isoformat") else str(v)
    return str(v)


def close_enough(a, b):
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is b
        a, b = float(a), float(b)
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        if math.isinf(a) or math.isinf(b):
            return a == b
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return a == b


def sort_key(row):
    out = []
    for v in row:
        if v is None:
            out.append((0, ""))
        elif isinstance(v, float):
            out.append((1, "nan" if math.isnan(v) else f"{v:.6e}"))
        else:
            out.append((2, repr(v)))
    return out


def compare(expected_rows, actual_rows, types):
    exp = [[norm(v, t) for v, t in zip(r, types)] for r in expected_rows]
    act = [[norm(v, t) for v, t in zip(r, types)] for r in actual_rows]
    if len(exp) != len(act):
        return f"{len(act)} rows, planq has {len(exp)}", False
    if any(len(r) != len(types) for r in act):
        return "column count differs", False
    in_order = all(all(close_enough(a, b) for a, b in zip(x, y)) for x, y in zip(exp, act))
    if in_order:
        return None, True
    es, as_ = sorted(exp, key=sort_key), sorted(act, key=sort_key)
    for x, y in zip(es, as_):
        if not all(close_enough(a, b) for a, b in zip(x, y)):
            return f"row differs: planq {x} vs {y}", False
    return None, False


# ---------------------------------------------------------------- the run

def read_expected(path):
    listed = {}
    if not os.path.exists(path):
        return listed
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 4:
                continue
            listed[(parts[0], parts[1])] = (parts[2], parts[3])
    return listed


def run_dialect(engine, datasets, cases, budget=None):
    results = {}
    t0 = time.time()
    for name, tables in datasets.items():
        engine.load(name, tables)
    load_time = time.time() - t0
    by_dataset = defaultdict(list)
    for c in cases:
        by_dataset[c["dataset"]].append(c)
    ordered = 0
    for name, group in by_dataset.items():
        if budget is not None and time.time() - t0 > budget:
            for c in group:
                results[c["id"]] = ("skipped", "time budget spent")
            continue
        engine.use(name)
        for c in group:
            d = c["dialects"][engine.name]
            exp = c["expected"]
            if "error" in d:
                if "error" in exp:
                    results[c["id"]] = ("ok", "planq rejects it too")
                else:
                    results[c["id"]] = ("unsupported", d["error"].split("\n")[0])
                continue
            reason = getattr(engine, "unloadable", {}).get(name)
            if reason:
                results[c["id"]] = ("differs", "data cannot be loaded: " + reason)
                continue
            try:
                rows = engine.run(d["sql"])
            except Exception as e:  # the engine's error is the outcome
                msg = str(e).strip().split("\n")[0][:200]
                if "error" in exp:
                    results[c["id"]] = ("ok", "both fail")
                else:
                    results[c["id"]] = ("differs", "engine error: " + msg)
                continue
            if "error" in exp:
                if "integer overflow" in exp["error"]:
                    # planq evaluates every expression over every row; an engine may skip
                    # rows (short-circuit, filters first), so it need not meet the overflow.
                    results[c["id"]] = ("ok", "overflow in planq only")
                else:
                    results[c["id"]] = ("differs", "planq fails (" + exp["error"][:120] + ") but the SQL gives rows")
                continue
            why, same_order = compare(exp["rows"], rows, c["types"])
            if why:
                results[c["id"]] = ("differs", why[:300])
            else:
                ordered += same_order
                results[c["id"]] = ("ok", "")
    return results, load_time, ordered


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("export")
    ap.add_argument("--dialects", default="duckdb,postgres,spark")
    ap.add_argument("--expected", default=os.path.join(os.path.dirname(__file__), "..", "Tests", "SQL", "expected-differences.tsv"))
    ap.add_argument("--update", action="store_true", help="rewrite the expected file from this run")
    ap.add_argument("--budget", type=float, help="stop starting new datasets after this many seconds (the rest are skipped)")
    ap.add_argument("--report-only", action="store_true", help="print differences but exit 0 (a dialect whose list is not yet recorded)")
    args = ap.parse_args()
    datasets, cases = load_export(args.export)
    listed = read_expected(args.expected)
    engines = {"duckdb": DuckDBEngine, "postgres": PostgresEngine, "spark": SparkEngine}
    failures = []
    new_listing = []
    golden_total = sum(1 for c in cases if not c["id"].startswith("generated:") and "error" not in c["expected"] or
                       (not c["id"].startswith("generated:") and "error" in c["expected"]))
    summary = []
    for dialect in args.dialects.split(","):
        t0 = time.time()
        engine = engines[dialect]()
        results, load_time, ordered = run_dialect(engine, datasets, cases, args.budget)
        engine.close()
        elapsed = time.time() - t0
        counts = Counter()
        for c in cases:
            kind = "generated" if c["id"].startswith("generated:") else "golden"
            status, reason = results[c["id"]]
            counts[(kind, status)] += 1
            if status == "skipped":
                continue
            key = (dialect, c["id"])
            if status != "ok":
                new_listing.append(f"{dialect}\t{c['id']}\t{status}\t{reason}")
                if key not in listed:
                    failures.append(f"{dialect} {c['id']}: {status}: {reason}\n    planq: {c['query']}")
                elif listed[key][0] != status:
                    failures.append(f"{dialect} {c['id']}: listed as {listed[key][0]}, now {status}: {reason}")
            elif key in listed:
                failures.append(f"{dialect} {c['id']}: listed as {listed[key][0]} but now agrees; take it off {args.expected}")
        golden = [c for c in cases if not c["id"].startswith("generated:")]
        compiled = sum(1 for c in golden if "error" not in c["dialects"][dialect] or "error" in c["expected"])
        line = (f"sql-diff {dialect}: golden {counts[('golden','ok')]} agree, {counts[('golden','unsupported')]} not compiled, "
                f"{counts[('golden','differs')]} differ (compile {compiled}/{len(golden)} = {100*compiled/max(1,len(golden)):.1f}%); "
                f"generated {counts[('generated','ok')]} agree, {counts[('generated','unsupported')]} not compiled, "
                f"{counts[('generated','differs')]} differ; {ordered} in planq's exact row order; "
                f"{counts[('golden','skipped')] + counts[('generated','skipped')]} skipped (time budget); "
                f"{elapsed:.1f} s (load {load_time:.1f} s)")
        print(line, flush=True)
        summary.append((dialect, compiled, len(golden)))
    if args.update:
        keep = [l for l in open(args.expected, encoding="utf-8").read().splitlines() if l.startswith("#")] if os.path.exists(args.expected) else []
        others = [f"{d}\t{i}\t{s}\t{r}" for (d, i), (s, r) in listed.items() if d not in args.dialects.split(",")]
        with open(args.expected, "w", encoding="utf-8") as fh:
            fh.write("\n".join(keep + sorted(others + new_listing)) + "\n")
        print(f"sql-diff: rewrote {args.expected} ({len(new_listing)} entries for {args.dialects})")
        return 0
    for dialect, compiled, total in summary:
        if compiled < 0.95 * total:
            failures.append(f"{dialect}: only {compiled} of {total} golden cases compile (95% required)")
    for f in failures[:60]:
        print("FAIL " + f)
    if len(failures) > 60:
        print(f"... and {len(failures) - 60} more")
    passed = len(cases) * len(summary) - len(failures)
    print(f"sql-diff: {passed} passed, {len(failures)} failed")
    return 1 if failures and not args.report_only else 0


if __name__ == "__main__":
    sys.exit(main())
