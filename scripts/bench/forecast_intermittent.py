"""Intermittent demand (RAF spare parts, automotive): opsbench's croston, sba and tsb against
statsforecast's CrostonClassic, CrostonSBA and TSB(0.1, 0.1) on the same series, then
opsbench's backtest (bias and service level, not only MAE) on the last 12 months."""
import os

import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import TSB, CrostonClassic, CrostonSBA

from forecast_common import DATA, WORK, run_opsbench

SETS = {
    "RAF spare parts": ("raf-spare-parts-monthly.csv", 4),
    "automotive (Syntetos-Boylan)": ("automotive-syntetos-boylan-monthly.csv", 1),
}
HORIZON = 6


def long_frame(file, skip):
    wide = pd.read_csv(os.path.join(DATA, file))
    values = wide.iloc[:, skip:].to_numpy(dtype=float)
    ids = [f"i{k:05d}" for k in range(len(wide))]
    months = pd.date_range("2000-01-01", periods=values.shape[1], freq="MS")
    return pd.DataFrame({
        "unique_id": np.repeat(ids, values.shape[1]),
        "ds": np.tile(months, len(ids)),
        "y": values.ravel(),
    })


def main():
    for label, (file, skip) in SETS.items():
        frame = long_frame(file, skip)
        path = os.path.join(WORK, file)
        frame.rename(columns={"unique_id": "item", "ds": "month", "y": "demand"}).to_csv(path, index=False, date_format="%Y-%m-%d")
        peer = StatsForecast(models=[CrostonClassic(), CrostonSBA(), TSB(alpha_d=0.1, alpha_p=0.1)], freq="MS", n_jobs=1)
        theirs = peer.forecast(df=frame, h=HORIZON).reset_index()
        lines = [f"load parts {path}"]
        for model in ["croston", "sba", "tsb"]:
            out = os.path.join(WORK, f"{model}-{file}")
            lines += [f"forecast predict parts --date month --value demand --by item --horizon {HORIZON} --model {model} --as {model}",
                      f"export {model} {out}"]
        lines.append("forecast backtest parts --date month --value demand --by item --horizon 12 --folds 1 "
                     "--models naive,croston,sba,tsb,auto --as bt")
        _, _, stdout, _ = run_opsbench("intermittent", lines)
        n = frame.unique_id.nunique()
        print(f"\n{label}: {n} series × {frame.shape[0] // n} months, h = {HORIZON}")
        for model, column in [("croston", "CrostonClassic"), ("sba", "CrostonSBA"), ("tsb", "TSB")]:
            ours = pd.read_csv(os.path.join(WORK, f"{model}-{file}"))["forecast"].to_numpy()
            ref = theirs.sort_values(["unique_id", "ds"])[column].to_numpy()
            diff = np.abs(ours - ref)
            print(f"  {model:<8} vs statsforecast {column:<15} max |diff| {diff.max():.2e}  "
                  f"(mean forecast {ref.mean():.4f}; {np.sum(diff > 1e-9)} of {len(ref)} values differ by > 1e-9)")
        lines = stdout.splitlines()
        start = max(i for i, line in enumerate(lines) if line.startswith("model") and "sMAPE" in line and "service" in line)
        print("  opsbench backtest (last 12 months held out):")
        print("    " + "\n    ".join(line for line in lines[start:] if line.strip() and not line.startswith("stored")))


if __name__ == "__main__":
    main()
