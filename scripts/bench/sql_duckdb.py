"""DuckDB beside scripts/bench/sql: each query's time in a fresh process straight
from the CSV files, from a DuckDB database file made once (the nearest to a
workspace), and warm in memory; prints `label seconds` lines and peak memory."""
import resource
import sys
import time

import duckdb

mode, work, query = sys.argv[1], sys.argv[2], sys.argv[3]
if mode == "csv":
    con = duckdb.connect()
    start = time.perf_counter()
    con.execute(f"CREATE VIEW big AS SELECT * FROM read_csv_auto('{work}/big.csv')")
    con.execute(f"CREATE VIEW cities AS SELECT * FROM read_csv_auto('{work}/cities.csv')")
    con.execute(query).fetchall()
    print(f"csv {time.perf_counter() - start:.4f}")
elif mode == "make":
    con = duckdb.connect(f"{work}/bench.duckdb")
    con.execute(f"CREATE OR REPLACE TABLE big AS SELECT * FROM read_csv_auto('{work}/big.csv')")
    con.execute(f"CREATE OR REPLACE TABLE cities AS SELECT * FROM read_csv_auto('{work}/cities.csv')")
elif mode == "file":
    start = time.perf_counter()
    con = duckdb.connect(f"{work}/bench.duckdb", read_only=True)
    con.execute(query).fetchall()
    first = time.perf_counter() - start
    times = []
    for _ in range(5):
        t = time.perf_counter()
        con.execute(query).fetchall()
        times.append(time.perf_counter() - t)
    print(f"file-first {first:.4f}")
    print(f"warm {sorted(times)[2]:.4f}")
print(f"peak_mb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
