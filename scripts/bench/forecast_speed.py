"""Speed: N daily series of two years (default 10,000), horizon 28, opsbench `--model auto`
(AutoETS with season 7 on these series) against statsforecast AutoETS(season_length=7) with
n_jobs = 1 and 2 (compilation excluded by a warm-up); medians of repeated runs, peak memory."""
import os
import sys
import time

import numpy as np
import pandas as pd

from forecast_common import WORK, median, run_opsbench

SERIES = int(os.environ.get("FORECAST_BENCH_SERIES", "10000"))
# the peer is far slower: FORECAST_BENCH_PEER_SERIES runs it on the first N series only
PEER_SERIES = int(os.environ.get("FORECAST_BENCH_PEER_SERIES", str(SERIES)))
REPEATS = int(os.environ.get("FORECAST_BENCH_REPEATS", "3"))
# the calendar (events auto, the default) or none, as FORECAST_BENCH_EVENTS says
EVENTS = os.environ.get("FORECAST_BENCH_EVENTS", "auto")
DAYS, HORIZON = 730, 28


def synthetic(n_series, seed=1):
    """Positive daily demand: level, trend, weekly pattern and noise, different per series."""
    rng = np.random.default_rng(seed)
    t = np.arange(DAYS)
    level = rng.uniform(20, 200, (n_series, 1))
    trend = rng.normal(0, 0.03, (n_series, 1)) * level / 100
    weekly = rng.uniform(0, 0.3, (n_series, 1)) * level * np.sin(2 * np.pi * (t[None, :] + rng.integers(0, 7, (n_series, 1))) / 7)
    noise = rng.normal(0, 1, (n_series, DAYS)) * rng.uniform(0.05, 0.2, (n_series, 1)) * level
    return np.maximum(1, np.round(level + trend * t + weekly + noise))


def peer(frame, n_jobs):
    import subprocess
    code = f"""
import sys, time, resource, pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoETS
df = pd.read_parquet(sys.argv[1]) if sys.argv[1].endswith('.parquet') else pd.read_pickle(sys.argv[1])
warm = df[df.unique_id.isin(df.unique_id.unique()[:4])]
StatsForecast(models=[AutoETS(season_length=7)], freq='D', n_jobs={n_jobs}).forecast(df=warm, h={HORIZON})
def cpu():
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime
start, cpu0 = time.perf_counter(), cpu()
StatsForecast(models=[AutoETS(season_length=7)], freq='D', n_jobs={n_jobs}).forecast(df=df, h={HORIZON})
seconds, cpu_seconds = time.perf_counter() - start, cpu() - cpu0
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
print(seconds, cpu_seconds, rss)
"""
    out = subprocess.run([sys.executable, "-c", code, frame], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


def main():
    values = synthetic(SERIES)
    ids = [f"SKU{k:05d}" for k in range(SERIES)]
    dates = pd.date_range("2024-01-01", periods=DAYS, freq="D")
    frame = pd.DataFrame({"unique_id": np.repeat(ids, DAYS), "ds": np.tile(dates, SERIES), "y": values.ravel()})
    pickle = os.path.join(WORK, "speed.pkl")
    frame[frame.unique_id.isin(ids[:PEER_SERIES])].to_pickle(pickle)
    csv = os.path.join(WORK, "speed.csv")
    frame.rename(columns={"unique_id": "sku", "ds": "date", "y": "units"}).to_csv(csv, index=False, date_format="%Y-%m-%d")
    print(f"\nSpeed: {SERIES} daily series × {DAYS} days, h = {HORIZON}, median of {REPEATS} runs "
          f"(statsforecast on the first {PEER_SERIES}); CPU = user + sys seconds")
    load_only, full, cpu_load, cpu_full, rss = [], [], [], [], 0.0
    for _ in range(REPEATS):
        seconds, _, _, cpu = run_opsbench("speed-load", [f"load sales {csv}"])
        load_only.append(seconds); cpu_load.append(cpu)
        seconds, peak, _, cpu = run_opsbench("speed", [
            f"load sales {csv}",
            f"forecast predict sales --date date --value units --by sku --horizon {HORIZON} --model auto --events {EVENTS} --as fc",
        ])
        full.append(seconds); cpu_full.append(cpu)
        rss = max(rss, peak)
    wall, cpu = median(full) - median(load_only), median(cpu_full) - median(cpu_load)
    print(f"  opsbench --model auto --events {EVENTS} wall {wall:8.1f} s  CPU {cpu:8.1f} s  ({1000 * cpu / SERIES:6.1f} ms CPU per series; "
          f"loading the CSV {median(load_only):.1f} s more), peak RSS {rss:.0f} MiB (whole process, data included)")
    for n_jobs in (1, 2):
        runs = [peer(pickle, n_jobs) for _ in range(REPEATS)]
        seconds, peer_cpu = median([r[0] for r in runs]), median([r[1] for r in runs])
        per_series_wall = seconds / PEER_SERIES * SERIES
        print(f"  statsforecast AutoETS n_jobs={n_jobs} wall {seconds:8.1f} s  CPU {peer_cpu:8.1f} s  "
              f"({1000 * peer_cpu / PEER_SERIES:6.1f} ms CPU per series), peak RSS {max(r[2] for r in runs):.0f} MiB"
              f"  → opsbench {per_series_wall / wall:.1f}× as fast (wall per series), "
              f"{(peer_cpu / PEER_SERIES) / (cpu / SERIES):.1f}× (CPU per series)")


if __name__ == "__main__":
    main()
