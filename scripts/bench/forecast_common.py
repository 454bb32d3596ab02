"""Shared helpers of scripts/bench/forecast: running opsbench scripts, reading data, M4 scoring."""
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.abspath(os.path.join(ROOT, "..", "shared", "data", "forecast"))
OPSBENCH = os.environ.get("OPSBENCH", os.path.join(ROOT, ".build", "release", "opsbench"))
WORK = tempfile.mkdtemp(prefix="opsbench-forecast-")


def run_opsbench(name, lines):
    """Runs an opsbench script in a fresh workspace; returns (wall seconds, peak RSS MiB, stdout, CPU seconds)."""
    script = os.path.join(WORK, name + ".opsb")
    with open(script, "w") as f:
        f.write("\n".join(lines) + "\n")
    workspace = os.path.join(WORK, name + "-ws")
    # the script writes its exports into the scratch folder: allow that (run refuses other writes)
    cmd = ["/usr/bin/time", "-v", OPSBENCH, "run", script, "--workspace", workspace, "--allow-write", WORK]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"opsbench failed on {script}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    rss, cpu = 0.0, 0.0
    for line in done.stderr.splitlines():
        if "Maximum resident set size" in line:
            rss = int(line.split(":")[1]) / 1024
        if "User time (seconds)" in line or "System time (seconds)" in line:
            cpu += float(line.split(":")[1])
    return seconds, rss, done.stdout, cpu


def read_m4(frequency):
    """Train and test of an M4 frequency as lists of float arrays, with ids."""
    def load(kind):
        frame = pd.read_csv(os.path.join(DATA, f"m4-{frequency}-{kind}.csv"), index_col=0)
        return list(frame.index), [row.dropna().to_numpy(dtype=float) for _, row in frame.iterrows()]
    ids, train = load("train")
    _, test = load("test")
    return ids, train, test


def smape(actual, forecast):
    denominator = np.abs(actual) + np.abs(forecast)
    ratio = np.where(denominator > 0, 200 * np.abs(actual - forecast) / np.where(denominator > 0, denominator, 1), 0)
    return float(np.mean(ratio))


def mase(insample, actual, forecast, m):
    scale = np.mean(np.abs(insample[m:] - insample[:-m]))
    return float(np.mean(np.abs(actual - forecast)) / scale)


def score(train, test, forecasts, m):
    """Mean sMAPE and MASE over series, as the M4 evaluation computes them."""
    s = np.mean([smape(a, f) for a, f in zip(test, forecasts)])
    q = np.mean([mase(y, a, f, m) for y, a, f in zip(train, test, forecasts)])
    return float(s), float(q)


def published(frequency, method):
    frame = pd.read_csv(os.path.join(DATA, "m4-published-accuracy.csv"))
    row = frame[(frame.method_id == method) & (frame.frequency == frequency)].iloc[0]
    return float(row.smape), float(row.mase), float(row.owa)


def median(values):
    return float(np.median(values))
