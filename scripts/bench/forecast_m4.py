"""M4 Hourly (h=48) and Weekly (h=13): opsbench's naive, snaive and auto scored exactly as M4
(sMAPE, MASE with M4's seasonality, OWA against Naive2), next to the published scores.
`auto` runs with `--events none` (M4's timestamps are made up); `auto-events` (Weekly only:
the calendar does not apply to hourly data) runs with the default `--events auto`, to show
that the guard on event effects keeps a calendar on made-up dates from costing accuracy."""
import os
import sys

import numpy as np
import pandas as pd
from statsmodels.tsa.seasonal import seasonal_decompose

from forecast_common import WORK, published, read_m4, run_opsbench, score

SETTINGS = {  # horizon, M4 seasonality (MASE, Naive2), opsbench frequency, first timestamp
    "Hourly": (48, 24, "H", pd.Timestamp("2020-01-01 00:00:00")),
    "Weekly": (13, 1, "W", pd.Timestamp("2000-01-03")),
}


def m4_acf(data, k):
    m = np.mean(data)
    return float(np.sum((data[k:] - m) * (data[:-k] - m)) / np.sum((data - m) ** 2))


def m4_seasonality_test(y, ppy):
    """The M4 benchmarks' 90 % test, verbatim (including its unsquared first term)."""
    s = m4_acf(y, 1)
    for i in range(2, ppy):
        s = s + m4_acf(y, i) ** 2
    limit = 1.645 * np.sqrt((1 + 2 * s) / len(y))
    return abs(m4_acf(y, ppy)) > limit


def naive2(y, h, ppy):
    """M4's Naive2: naive on the multiplicatively deseasonalised series when the test says seasonal."""
    if ppy > 1 and len(y) >= 3 * ppy and m4_seasonality_test(y, ppy):
        seasonal = seasonal_decompose(y, model="multiplicative", period=ppy).seasonal
        indices = seasonal[-ppy:]
        adjusted = y / seasonal
        return np.array([adjusted[-1] * indices[i % ppy] for i in range(h)])
    return np.repeat(y[-1], h)


def long_csv(frequency, ids, train):
    """The training series as one long table: series, date, value."""
    horizon, ppy, freq, start = SETTINGS[frequency]
    step = pd.Timedelta(hours=1) if freq == "H" else pd.Timedelta(days=7)
    fmt = "%Y-%m-%d %H:%M:%S" if freq == "H" else "%Y-%m-%d"
    frames = []
    for sid, y in zip(ids, train):
        stamps = pd.date_range(start, periods=len(y), freq=step).strftime(fmt)
        frames.append(pd.DataFrame({"series": sid, "date": stamps, "value": y}))
    path = os.path.join(WORK, f"m4-{frequency.lower()}.csv")
    pd.concat(frames).to_csv(path, index=False)
    return path


def opsbench_forecasts(frequency, ids, train, model, season, events="none"):
    horizon, _, freq, _ = SETTINGS[frequency]
    path = long_csv(frequency, ids, train)
    out = os.path.join(WORK, f"{frequency}-{model}-{events}.csv")
    seconds, rss, _, _ = run_opsbench(f"m4-{frequency}-{model}-{events}", [
        f"load m4 {path}",
        f"forecast predict m4 --date date --value value --by series --horizon {horizon} --freq {freq} "
        # M4's timestamps are made up (M4 publishes none): a holiday calendar on them would be noise
        f"--model {model} --season {season} --events {events} --as fc",
        f"export fc {out}",
    ])
    frame = pd.read_csv(out)
    by_id = {sid: g["forecast"].to_numpy() for sid, g in frame.groupby("series", sort=False)}
    return [by_id[i] for i in ids], seconds, rss


def main():
    models = sys.argv[1:] or ["naive", "snaive", "auto", "auto-events"]
    for frequency in ["Weekly", "Hourly"]:
        horizon, ppy, _, _ = SETTINGS[frequency]
        ids, train, test = read_m4(frequency.lower())
        n2 = score(train, test, [naive2(y, horizon, ppy) for y in train], ppy)
        ref_s, ref_m, _ = published(frequency, "Naive2")
        print(f"\nM4 {frequency} ({len(ids)} series, h = {horizon}); OWA against the published Naive2 "
              f"(sMAPE {ref_s}, MASE {ref_m})")
        print(f"{'method':<22}{'sMAPE':>8}{'MASE':>8}{'OWA':>8}   published sMAPE / MASE / OWA   time")
        print(f"{'Naive2 (scorer)':<22}{n2[0]:8.3f}{n2[1]:8.3f}{0.5 * (n2[0] / ref_s + n2[1] / ref_m):8.3f}   "
              f"{ref_s} / {ref_m} / 1.0")
        for label in models:
            if label == "auto-events" and frequency == "Hourly":
                continue
            model, events = ("auto", "auto") if label == "auto-events" else (label, "none")
            # M4's sNaive uses the M4 seasonality (1 for Weekly, so it equals Naive)
            season = ppy if model == "snaive" else "auto"
            forecasts, seconds, _ = opsbench_forecasts(frequency, ids, train, model, season, events)
            s, m = score(train, test, forecasts, ppy)
            owa = 0.5 * (s / ref_s + m / ref_m)
            pub = {"naive": "Naive", "snaive": "sNaive"}.get(model)
            reference = " / ".join(str(v) for v in published(frequency, pub)) if pub else "target OWA ≤ " + (
                "0.93 (stretch 0.87)" if frequency == "Weekly" else "0.63 (stretch 0.60)")
            print(f"{'opsbench ' + label:<22}{s:8.3f}{m:8.3f}{owa:8.3f}   {reference:<30} {seconds:6.1f} s")


if __name__ == "__main__":
    main()
