"""Times `opsbench run` of one-line `load` scripts against Python peers on the
same files, several runs each (medians), in one run:

  UTF-8 CSV  opsbench | pandas.read_csv | polars.read_csv | duckdb read_csv
  GBK CSV    opsbench (the same rows saved as GBK) against its own UTF-8 load
  .xlsx      opsbench | pandas.read_excel (openpyxl), on the first XLSX_ROWS rows

opsbench is timed as the whole process (start, parse, the dataset made durable
in a fresh workspace); the peers are timed in-process around the read call
only, so the ratios favour the peers. Peak memory comes from /usr/bin/time -v."""
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

binary, work, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
table = sys.argv[4] if len(sys.argv) > 4 else os.devnull  # results rows for scripts/bench/report.py
xlsx_rows = int(os.environ.get("XLSX_ROWS", "200000"))
csv = os.path.join(work, "big.csv")
gbk = os.path.join(work, "big_gbk.csv")
xlsx = os.path.join(work, "big.xlsx")

peer = os.path.join(work, "peer.py")
with open(peer, "w") as f:
    f.write("""import sys, time
kind, path = sys.argv[1], sys.argv[2]
if kind == "pandas":
    import pandas as pd
    t = time.perf_counter(); n = len(pd.read_csv(path))
elif kind == "polars":
    import polars as pl
    t = time.perf_counter(); n = pl.read_csv(path).height
elif kind == "duckdb":
    import duckdb
    con = duckdb.connect()
    t = time.perf_counter(); n = len(con.execute(f"SELECT * FROM read_csv('{path}')").fetchnumpy()["order_id"])
elif kind == "read_excel":
    import pandas as pd
    t = time.perf_counter(); n = len(pd.read_excel(path, engine="openpyxl"))
print(time.perf_counter() - t, n, flush=True)
""")


def timed(command):
    """Runs command under /usr/bin/time -v: (wall seconds, peak RSS in MB, stdout)."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stdout}\n{done.stderr}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1)) / 1024
    return wall, rss, done.stdout


def opsbench(path, name, extra=""):
    script = os.path.join(work, f"{name}.opsb")
    with open(script, "w") as f:
        f.write(f"load big {path} {extra}\n")
    workspace = os.path.join(work, f"ws-{name}")
    shutil.rmtree(workspace, ignore_errors=True)
    wall, rss, _ = timed([binary, "run", "--workspace", workspace, script])
    return wall, rss


def python_peer(kind, path):
    wall, rss, out = timed([sys.executable, peer, kind, path])
    return float(out.split()[0]), rss


results = {}
plan = [
    ("opsbench utf-8", lambda: opsbench(csv, "utf8")),
    ("pandas read_csv", lambda: python_peer("pandas", csv)),
    ("polars read_csv", lambda: python_peer("polars", csv)),
    ("duckdb read_csv", lambda: python_peer("duckdb", csv)),
    ("opsbench gbk", lambda: opsbench(gbk, "gbk")),
    ("opsbench xlsx", lambda: opsbench(xlsx, "xlsx")),
    ("pandas read_excel", lambda: python_peer("read_excel", xlsx)),
]
for run in range(repeats):
    for label, action in plan:
        if label == "pandas read_excel" and run >= max(1, repeats // 2):
            continue  # openpyxl is slow; fewer runs are enough for its median
        t, rss = action()
        results.setdefault(label, []).append((t, rss))
    print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1][0]:.3f} s" for k, v in results.items()), file=sys.stderr)

median = {k: statistics.median(t for t, _ in v) for k, v in results.items()}
peak = {k: max(r for _, r in v) for k, v in results.items()}
size = os.path.getsize(csv) / 2**20
rows = sum(1 for _ in open(csv, "rb")) - 1
print(f"CSV: {rows:,} rows x 8 columns, {size:.1f} MB UTF-8, {os.path.getsize(gbk) / 2**20:.1f} MB GBK; "
      f"xlsx: {xlsx_rows:,} rows, {os.path.getsize(xlsx) / 2**20:.1f} MB; {repeats} runs, medians")
for label in results:
    print(f"  {label:<18} {median[label]:8.3f} s   peak RSS {peak[label]:6.0f} MB")
ops = median["opsbench utf-8"]


def row(case, ours, theirs, target=None):
    """Prints a ratio line and appends its row; `target` is the highest ratio that meets it."""
    ratio = median[ours] / median[theirs]
    met = "" if target is None else ("yes" if ratio <= target else f"no (+{(ratio / target - 1) * 100:.0f}%)")
    print(f"ratio {ours} / {theirs}: {ratio:.2f}x" + ("" if target is None else f" (target <= {target})"))
    with open(table, "a", encoding="utf-8") as f:
        f.write(f"{case}\t{median[ours]:.3f} s, {peak[ours]:.0f} MB\t{theirs} {median[theirs]:.3f} s, {peak[theirs]:.0f} MB"
                f"\t{ratio:.2f}\t{'' if target is None else f'≤ {target}'}\t{met}\n")


row(f"UTF-8 CSV {rows:,} x 8", "opsbench utf-8", "pandas read_csv", 1.0)
row(f"UTF-8 CSV {rows:,} x 8", "opsbench utf-8", "polars read_csv")
row(f"UTF-8 CSV {rows:,} x 8", "opsbench utf-8", "duckdb read_csv")
row(f"GBK CSV {rows:,} x 8 against opsbench's UTF-8 load", "opsbench gbk", "opsbench utf-8", 1.3)
row(f".xlsx {xlsx_rows:,} x 8", "opsbench xlsx", "pandas read_excel", 1.0)
