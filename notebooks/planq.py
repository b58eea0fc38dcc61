"""planq from Python: run a query with the planq binary, get a pandas DataFrame.

    import planq
    df = planq.query('indicators group by theme pivot status')

In a notebook, ``%load_ext planq`` adds a cell magic, so a cell reads as a query:

    %%planq risks_by_theme
    risks group by theme pivot status

The cell's result is displayed and, when a name is given, kept in that variable.
The binary is ``$PLANQ_BIN``, else the repository's release build, else its debug
build, else ``planq`` on the PATH. Errors from planq raise ``PlanqError`` with
planq's own message (file:line:col and a caret).
"""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent


class PlanqError(RuntimeError):
    """planq exited non-zero; the message is planq's stderr."""


def binary():
    """Path of the planq executable to run."""
    env = os.environ.get("PLANQ_BIN")
    if env:
        return env
    for build in ("release", "debug"):
        candidate = ROOT / ".build" / build / "planq"
        if candidate.exists():
            return str(candidate)
    found = shutil.which("planq")
    if found:
        return found
    raise PlanqError("no planq binary: build it with `swift build -c release` or set PLANQ_BIN")


def run(args, data=None, today=None):
    """Runs planq with ``args`` (plus --data/--today) and returns its stdout."""
    cmd = [binary()] + list(args)
    if data is not None:
        cmd += ["--data", str(data)]
    if today is not None:
        cmd += ["--today", str(today)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise PlanqError(proc.stderr.strip() or f"planq exited {proc.returncode}")
    return proc.stdout


def query_all(text, data=None, today=None, dates=True):
    """Every statement's result of a planq script, as a list of DataFrames."""
    out = run(["--format", "json", "-c", text], data=data, today=today)
    decoder, pos, frames = json.JSONDecoder(), 0, []
    while True:
        while pos < len(out) and out[pos].isspace():
            pos += 1
        if pos >= len(out):
            break
        rows, pos = decoder.raw_decode(out, pos)
        frames.append(_frame(rows, dates))
    return frames


def query(text, data=None, today=None, dates=True):
    """The last statement's result of a planq script, as a DataFrame."""
    frames = query_all(text, data=data, today=today, dates=dates)
    return frames[-1] if frames else pd.DataFrame()


def _frame(rows, dates):
    df = pd.DataFrame.from_records(rows)
    if dates:
        # planq writes dates as YYYY-MM-DD text; give them a datetime dtype.
        for col in df.columns:
            values = df[col].dropna()
            if len(values) and values.map(lambda v: isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-").all():
                converted = pd.to_datetime(df[col], format="%Y-%m-%d", errors="coerce")
                if converted.notna().sum() == len(values):
                    df[col] = converted
    return df


def load_ipython_extension(ipython):
    """``%load_ext planq``: registers the ``%%planq [name]`` cell magic."""
    from IPython.core.magic import register_cell_magic

    @register_cell_magic
    def planq(line, cell):
        df = query(cell)
        name = line.strip()
        if name:
            ipython.user_ns[name] = df
        return df
