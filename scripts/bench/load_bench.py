"""Times `opsbench run` of `load big FILE` against pandas.read_csv on the same
file (several runs each, under /usr/bin/time -v) and prints medians, the ratio
and peak memory against the file size."""
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

binary, work, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
csv = os.path.join(work, "big.csv")
script = os.path.join(work, "load.opsb")
with open(script, "w") as f:
    f.write(f"load big {csv}\n")
peer = os.path.join(work, "peer.py")
with open(peer, "w") as f:
    f.write(
        "import sys, time\nimport pandas as pd\nt = time.perf_counter()\n"
        "frame = pd.read_csv(sys.argv[1])\n"
        "print(time.perf_counter() - t, len(frame), flush=True)\n")


def timed(command):
    """Runs command under /usr/bin/time -v: (wall seconds, peak RSS in MB, stdout)."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stdout}\n{done.stderr}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1)) / 1024
    return wall, rss, done.stdout


ops_times, ops_rss, pd_times, pd_wall, pd_rss = [], [], [], [], []
for run in range(repeats):
    workspace = os.path.join(work, f"ws{run}")
    shutil.rmtree(workspace, ignore_errors=True)
    wall, rss, out = timed([binary, "run", "--workspace", workspace, script])
    ops_times.append(wall)
    ops_rss.append(rss)
    wall, rss, out = timed([sys.executable, peer, csv])
    pd_times.append(float(out.split()[0]))
    pd_wall.append(wall)
    pd_rss.append(rss)
    print(f"run {run + 1}: opsbench {ops_times[-1]:.3f} s, pandas read_csv {pd_times[-1]:.3f} s", file=sys.stderr)

size = os.path.getsize(csv) / 2**20
rows = sum(1 for _ in open(csv, "rb")) - 1
ops, pdm = statistics.median(ops_times), statistics.median(pd_times)
print(f"file: {rows:,} rows x 8 columns, {size:.1f} MB; {repeats} runs, medians")
print(f"opsbench run 'load big FILE' (whole process, durable): {ops:.3f} s   peak RSS {max(ops_rss):.0f} MB "
      f"({max(ops_rss) / size:.2f}x file)")
print(f"pandas read_csv (in-process, parse only):              {pdm:.3f} s   peak RSS {max(pd_rss):.0f} MB "
      f"({max(pd_rss) / size:.2f}x file); whole python process {statistics.median(pd_wall):.3f} s")
print(f"ratio pandas / opsbench: {pdm / ops:.2f}x ({'opsbench faster' if ops < pdm else 'pandas faster'})")
