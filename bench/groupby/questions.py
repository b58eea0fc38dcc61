"""The ten db-benchmark groupby questions, q11 (issue 16: a three-branch case) and two
window-function questions.

w1 and w2 are not db-benchmark's: issue 16's window functions on the same
table (a rank within 1e5 partitions, a running sum within 100), every input
row kept. Each entry: (id, description, planq query, DuckDB SQL, SQLite SQL or None).
The table is `x` in every engine. The DuckDB SQL is db-benchmark's
(`groupby-duckdb` solution); SQLite lacks median/stddev/corr, so q6 and q9 are
None there; q8 uses a window function (SQLite >= 3.25).
"""

_Q8_SQL = (
    "SELECT id6, v3 AS largest2_v3 FROM "
    "(SELECT id6, v3, row_number() OVER (PARTITION BY id6 ORDER BY v3 DESC) AS order_v3 "
    "FROM x WHERE v3 IS NOT NULL) sub_query WHERE order_v3 <= 2"
)

QUESTIONS = [
    (
        "q1",
        "sum v1 by id1",
        "x group by id1 aggregate sum(v1) as v1",
        "SELECT id1, sum(v1) AS v1 FROM x GROUP BY id1",
        "SELECT id1, sum(v1) AS v1 FROM x GROUP BY id1",
    ),
    (
        "q2",
        "sum v1 by id1:id2",
        "x group by id1, id2 aggregate sum(v1) as v1",
        "SELECT id1, id2, sum(v1) AS v1 FROM x GROUP BY id1, id2",
        "SELECT id1, id2, sum(v1) AS v1 FROM x GROUP BY id1, id2",
    ),
    (
        "q3",
        "sum v1 mean v3 by id3",
        "x group by id3 aggregate sum(v1) as v1, avg(v3) as v3",
        "SELECT id3, sum(v1) AS v1, avg(v3) AS v3 FROM x GROUP BY id3",
        "SELECT id3, sum(v1) AS v1, avg(v3) AS v3 FROM x GROUP BY id3",
    ),
    (
        "q4",
        "mean v1:v3 by id4",
        "x group by id4 aggregate avg(v1) as v1, avg(v2) as v2, avg(v3) as v3",
        "SELECT id4, avg(v1) AS v1, avg(v2) AS v2, avg(v3) AS v3 FROM x GROUP BY id4",
        "SELECT id4, avg(v1) AS v1, avg(v2) AS v2, avg(v3) AS v3 FROM x GROUP BY id4",
    ),
    (
        "q5",
        "sum v1:v3 by id6",
        "x group by id6 aggregate sum(v1) as v1, sum(v2) as v2, sum(v3) as v3",
        "SELECT id6, sum(v1) AS v1, sum(v2) AS v2, sum(v3) AS v3 FROM x GROUP BY id6",
        "SELECT id6, sum(v1) AS v1, sum(v2) AS v2, sum(v3) AS v3 FROM x GROUP BY id6",
    ),
    (
        "q6",
        "median v3 sd v3 by id4 id5",
        "x group by id4, id5 aggregate median(v3) as median_v3, stddev(v3) as sd_v3",
        "SELECT id4, id5, median(v3) AS median_v3, stddev(v3) AS sd_v3 FROM x GROUP BY id4, id5",
        None,
    ),
    (
        "q7",
        "max v1 - min v2 by id3",
        "x group by id3 aggregate max(v1) - min(v2) as range_v1_v2",
        "SELECT id3, max(v1) - min(v2) AS range_v1_v2 FROM x GROUP BY id3",
        "SELECT id3, max(v1) - min(v2) AS range_v1_v2 FROM x GROUP BY id3",
    ),
    (
        "q8",
        "largest two v3 by id6",
        "x where v3 is not null top 2 by v3 per id6 select id6, v3 as largest2_v3",
        _Q8_SQL,
        _Q8_SQL,
    ),
    (
        "q9",
        "regression v1 v2 by id2 id4",
        "x group by id2, id4 aggregate pow(corr(v1, v2), 2) as r2",
        "SELECT id2, id4, pow(corr(v1, v2), 2) AS r2 FROM x GROUP BY id2, id4",
        None,
    ),
    (
        "q10",
        "sum v3 count by id1:id6",
        "x group by id1, id2, id3, id4, id5, id6 aggregate sum(v3) as v3, count() as count",
        "SELECT id1, id2, id3, id4, id5, id6, sum(v3) AS v3, count(*) AS count "
        "FROM x GROUP BY id1, id2, id3, id4, id5, id6",
        "SELECT id1, id2, id3, id4, id5, id6, sum(v3) AS v3, count(*) AS count "
        "FROM x GROUP BY id1, id2, id3, id4, id5, id6",
    ),
    (
        "q11",
        "case with three branches: sum by id1",
        "x group by id1 aggregate sum(case when v1 <= 1 then v3 when v1 <= 3 then v3 * 2 else 0 end) as s",
        "SELECT id1, sum(CASE WHEN v1 <= 1 THEN v3 WHEN v1 <= 3 THEN v3 * 2 ELSE 0 END) AS s FROM x GROUP BY id1",
        "SELECT id1, sum(CASE WHEN v1 <= 1 THEN v3 WHEN v1 <= 3 THEN v3 * 2 ELSE 0 END) AS s FROM x GROUP BY id1",
    ),
]

# Window functions (issue 16). planq sorts nulls last in both directions; the SQL says so.
QUESTIONS += [
    (
        "w1",
        "rank v3 desc per id6",
        "x let r = rank() over (per id6 sort by v3 desc) select id6, v3, r",
        "SELECT id6, v3, rank() OVER (PARTITION BY id6 ORDER BY v3 DESC NULLS LAST) AS r FROM x",
        "SELECT id6, v3, rank() OVER (PARTITION BY id6 ORDER BY v3 DESC NULLS LAST) AS r FROM x",
    ),
    (
        "w2",
        "running sum v1 per id1 by id4",
        "x let s = sum(v1) over (per id1 sort by id4) select id1, id4, v1, s",
        "SELECT id1, id4, v1, sum(v1) OVER (PARTITION BY id1 ORDER BY id4) AS s FROM x",
        "SELECT id1, id4, v1, sum(v1) OVER (PARTITION BY id1 ORDER BY id4) AS s FROM x",
    ),
]

BY_ID = {q[0]: q for q in QUESTIONS}
