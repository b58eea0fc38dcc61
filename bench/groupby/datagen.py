#!/usr/bin/env python3
"""Generate the db-benchmark "groupby" data set (G1_<N>_<K>_<nas>_0).

Follows DuckDB Labs' db-benchmark `_data/groupby-datagen.R`:

    id1 = sample(sprintf("id%03d", 1:K), N, TRUE)       # large groups (char)
    id2 = sample(sprintf("id%03d", 1:K), N, TRUE)       # small groups (char)
    id3 = sample(sprintf("id%010d", 1:(N/K)), N, TRUE)  # large groups (char)
    id4 = sample(K, N, TRUE)                            # large groups (int)
    id5 = sample(K, N, TRUE)                            # small groups (int)
    id6 = sample(N/K, N, TRUE)                          # small groups (int)
    v1  = sample(5, N, TRUE)                            # int in [1,5]
    v2  = sample(15, N, TRUE)                           # int in [1,15]
    v3  = round(runif(N, max=100), 6)                   # double in [0,100)

NAs (--nas PCT), also as in the R script: for id1..id6, PCT% of the *distinct
values* of the column are chosen and every row holding one of them becomes NA
(so whole groups turn into the NA group); for v1..v3, PCT% of the rows are NA.
NA is written as an empty field.

The R script's random stream is not reproduced (numpy's PCG64 instead of R's
Mersenne-Twister), so the *distribution* matches db-benchmark, the bytes do not.
Output is deterministic for a given (N, K, nas, seed).

The CSV writer is vectorised: every field comes from a small lookup table of
pre-formatted byte strings (all columns take few distinct values, v3 is split
into integer part + 6-digit fraction), and rows are assembled by scattering
table bytes into one output buffer per chunk. 1e7 rows take a few seconds.
"""
import argparse
import os
import sys
import time

import numpy as np

CHUNK = 1_000_000


def parse_count(s):
    """'1e7' -> 10000000, '100' -> 100."""
    v = float(s)
    if v != int(v) or v <= 0:
        raise argparse.ArgumentTypeError(f"not a positive integer: {s}")
    return int(v)


def make_table(strings):
    """Lookup table: uint8 matrix [len(strings)+1, width] and lengths.
    The extra last row is the empty string (used for NA)."""
    enc = [s.encode() for s in strings] + [b""]
    width = max(1, max(len(e) for e in enc))
    arr = np.array(enc, dtype=f"S{width}")
    mat = np.frombuffer(arr.tobytes(), dtype=np.uint8).reshape(len(enc), width)
    lens = np.array([len(e) for e in enc], dtype=np.int64)
    return mat, lens


def generate(n, k, nas, seed):
    """Return list of (name, table, lengths, codes) 'segments'. codes index the
    table; code == len(table)-1 (the empty row) means NA."""
    if n % k != 0 and n // k == 0:
        raise SystemExit("N must be >= K")
    nk = max(1, n // k)  # R: 1:(N/K); N/K is integral for all standard sizes
    rng = np.random.default_rng(seed)

    def ints(hi):  # uniform codes 0..hi-1
        dt = np.int32 if hi < 2**31 else np.int64
        return rng.integers(0, hi, size=n, dtype=dt)

    cols = {}
    cols["id1"] = ints(k)
    cols["id2"] = ints(k)
    cols["id3"] = ints(nk)
    cols["id4"] = ints(k)
    cols["id5"] = ints(k)
    cols["id6"] = ints(nk)
    cols["v1"] = ints(5)
    cols["v2"] = ints(15)
    # round(runif(N, max=100), 6): integer number of micro-units in [0, 1e8)
    v3 = rng.integers(0, 100_000_000, size=n, dtype=np.int64)

    cardinality = {"id1": k, "id2": k, "id3": nk, "id4": k, "id5": k, "id6": nk}
    na_masks = {}
    if nas > 0:
        for c in ["id1", "id2", "id3", "id4", "id5", "id6"]:
            ucol = np.unique(cols[c])
            nna = int(len(ucol) * (nas / 100.0))
            if nna:
                chosen = rng.choice(ucol, size=nna, replace=False)
                na_masks[c] = np.isin(cols[c], chosen)
        for c in ["v1", "v2", "v3"]:
            nna = int(n * (nas / 100.0))
            if nna:
                m = np.zeros(n, dtype=bool)
                m[rng.choice(n, size=nna, replace=False)] = True
                na_masks[c] = m

    tables = {
        "id1": make_table([f"id{i:03d}" for i in range(1, k + 1)]),
        "id2": make_table([f"id{i:03d}" for i in range(1, k + 1)]),
        "id3": make_table([f"id{i:010d}" for i in range(1, nk + 1)]),
        "id4": make_table([str(i) for i in range(1, k + 1)]),
        "id5": make_table([str(i) for i in range(1, k + 1)]),
        "id6": make_table([str(i) for i in range(1, nk + 1)]),
        "v1": make_table([str(i) for i in range(1, 6)]),
        "v2": make_table([str(i) for i in range(1, 16)]),
        "v3i": make_table([str(i) for i in range(100)]),
        # fraction ".xxxxxx" with trailing zeros stripped (as R's fwrite does)
        "v3f": make_table(
            [("." + f"{i:06d}".rstrip("0")) if i else "" for i in range(1_000_000)]
        ),
    }

    segments = []  # (name, codes, separator_before)
    for c in ["id1", "id2", "id3", "id4", "id5", "id6", "v1", "v2"]:
        codes = cols[c]
        if c in na_masks:
            codes = np.where(na_masks[c], len(tables[c][1]) - 1, codes)
        segments.append((c, codes, c != "id1"))
    v3i = (v3 // 1_000_000).astype(np.int32)
    v3f = (v3 % 1_000_000).astype(np.int32)
    if "v3" in na_masks:
        v3i = np.where(na_masks["v3"], len(tables["v3i"][1]) - 1, v3i)
        v3f = np.where(na_masks["v3"], len(tables["v3f"][1]) - 1, v3f)
    segments.append(("v3i", v3i, True))
    segments.append(("v3f", v3f, False))
    return segments, tables


def write_csv(segments, tables, n, out):
    header = b"id1,id2,id3,id4,id5,id6,v1,v2,v3\n"
    with open(out, "wb") as f:
        f.write(header)
        for lo in range(0, n, CHUNK):
            hi = min(n, lo + CHUNK)
            m = hi - lo
            # per-row, per-segment lengths
            seg_lens = []
            for name, codes, sep in segments:
                seg_lens.append(tables[name][1][codes[lo:hi]] + (1 if sep else 0))
            row_len = np.sum(seg_lens, axis=0) + 1  # + newline
            starts = np.zeros(m, dtype=np.int64)
            np.cumsum(row_len[:-1], out=starts[1:])
            buf = np.empty(int(starts[-1] + row_len[-1]), dtype=np.uint8)
            pos = starts.copy()
            for (name, codes, sep), ln in zip(segments, seg_lens):
                mat, lens = tables[name]
                c = codes[lo:hi]
                if sep:
                    buf[pos] = ord(",")
                    pos += 1
                    ln = ln - 1
                for j in range(mat.shape[1]):
                    sel = ln > j
                    if sel.all():
                        buf[pos + j] = mat[c, j]
                    else:
                        buf[pos[sel] + j] = mat[c[sel], j]
                pos += ln
            buf[pos] = ord("\n")
            f.write(buf.tobytes())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("N", type=parse_count, help="rows, e.g. 1e7")
    ap.add_argument("K", type=parse_count, help="cardinality, e.g. 1e2")
    ap.add_argument("--nas", type=float, default=0.0, help="percent of NAs (0..100)")
    ap.add_argument("--seed", type=int, default=108, help="RNG seed (default 108)")
    ap.add_argument("-o", "--output", required=True, help="output CSV path")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    segments, tables = generate(a.N, a.K, a.nas, a.seed)
    t1 = time.perf_counter()
    os.makedirs(os.path.dirname(os.path.abspath(a.output)), exist_ok=True)
    tmp = a.output + ".tmp"
    write_csv(segments, tables, a.N, tmp)
    os.replace(tmp, a.output)
    t2 = time.perf_counter()
    print(
        f"datagen: {a.N} rows, K={a.K}, nas={a.nas}%, seed={a.seed} -> {a.output} "
        f"({os.path.getsize(a.output) / 1e6:.1f} MB; sample {t1 - t0:.1f}s, write {t2 - t1:.1f}s)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
