"""Forecasts that know the calendar: MASE over 28 days / on event days only and the bias on
event days (horizon 28) for the sample's 双11 and 春节 windows and for Koubei shop traffic,
opsbench `--model auto` (events auto, and none) against peers in the same run: seasonal
naive, statsforecast AutoETS and MSTL, Prophet (no calendar, add_country_holidays('CN'),
and the opsbench calendar as holidays) and mlforecast LightGBM (lags, with and without the
calendar as features). A peer that is not installed is reported as such.

Event days: on the sample, the days the generator's 双11 ramp (11-01..11-11) and 春节 dip
(初一 −3 … +7) act; on Koubei, the window's official days off, make-up working days and the
双11/双12 peaks. MASE is scaled per series by the in-sample seasonal naive (7) error and
averaged over series; the bias is Σ(forecast − actual) / Σ actual over event days.
Koubei windows: the 2015 ones are for development; the 2016 golden week is the held-out one.
Usage: forecast_events.py [sample|koubei|speed ...]
FORECAST_EVENTS_PROPHET_LIMIT=0 leaves Prophet out (it fits three models per series: hours on the Koubei shops);
FORECAST_EVENTS_NO_PEERS=1 runs opsbench and seasonal naive only; FORECAST_EVENTS_WINDOWS=国庆,春节 runs only the
windows whose names contain one of the words."""
import datetime as dt
import os
import sys
import warnings

import numpy as np
import pandas as pd

from forecast_common import ROOT, WORK, run_opsbench

warnings.filterwarnings("ignore")
# ../shared beside the repository (a worktree one level deeper: ../../shared), or $OPSBENCH_SHARED
EVENTS_DATA = next((p for p in [os.path.join(os.environ.get("OPSBENCH_SHARED", ""), "data", "forecast-events"),
                                os.path.abspath(os.path.join(ROOT, "..", "shared", "data", "forecast-events")),
                                os.path.abspath(os.path.join(ROOT, "..", "..", "shared", "data", "forecast-events"))]
                    if os.path.isdir(p)), os.path.abspath(os.path.join(ROOT, "..", "shared", "data", "forecast-events")))
HORIZON = 28
SAMPLE_WINDOWS = [  # name, last training day, event days (what the sample generator changes)
    ("sample 双11", "2025-10-31", [f"2025-11-{d:02d}" for d in range(1, 12)]),
    ("sample 春节", "2026-02-01", [str(dt.date(2026, 2, 17) + dt.timedelta(days=o)) for o in range(-3, 8)]),
]
KOUBEI_WINDOWS = [  # name, last training day, held out?
    ("Koubei 国庆 2015 (dev)", "2015-09-27", False),
    ("Koubei 双11/双12 2015 (dev)", "2015-11-05", False),
    ("Koubei 春节 2016 (dev)", "2016-01-24", False),
    ("Koubei 国庆 2016 (held out)", "2016-09-25", True),
]


# ---------------------------------------------------------------- data

def sample_frame():
    frame = pd.read_csv(os.path.join(ROOT, "examples", "daily_sales.csv"), parse_dates=["date"])
    return frame.rename(columns={"sku": "unique_id", "date": "ds", "units": "y"})


def koubei_frame(first, last):
    """Shops with a record on every day of [first, last] (2015-12-12 is missing for all) and a mean of 20 or more."""
    wide = pd.read_csv(os.path.join(EVENTS_DATA, "koubei-shop-pay-daily.csv"), index_col=0)
    wide = wide.set_index("shop_id")
    days = [c for c in wide.columns if first <= c <= last]
    block = wide[days]
    complete = block.drop(columns=[c for c in ["2015-12-12"] if c in block.columns]).notna().all(axis=1)
    block = block[complete & (block.mean(axis=1) >= 20)]
    long = block.reset_index().melt(id_vars="shop_id", var_name="ds", value_name="y")
    long["ds"] = pd.to_datetime(long["ds"])
    long = long.rename(columns={"shop_id": "unique_id"}).dropna()
    long["unique_id"] = "shop" + long["unique_id"].astype(str)
    return long.sort_values(["unique_id", "ds"])


def calendar(first, last):
    """The opsbench calendar as a data frame (date, event, kind, role, offset)."""
    out = os.path.join(WORK, f"calendar-{first}-{last}.csv")
    run_opsbench(f"calendar-{first}", [f"forecast calendar --from {first} --to {last} --as cal", f"export cal {out}"])
    return pd.read_csv(out, parse_dates=["date"])


def event_key(row):
    return f"{row.event}@{row.offset}" if abs(row.offset) <= 7 and row.role not in ("off", "makeup") and row.kind != "logistics" \
        else f"{row.event} {row.role}"


# ---------------------------------------------------------------- scoring

def scores(train, test, forecast, event_days):
    """(all-days MASE, event-day MASE, event-day bias %) averaged over series."""
    all_days, events, err, act = [], [], 0.0, 0.0
    event_set = set(pd.to_datetime(event_days))
    for uid, history in train.groupby("unique_id"):
        y = history["y"].to_numpy(dtype=float)
        scale = np.nanmean(np.abs(y[7:] - y[:-7]))
        actual = test[test.unique_id == uid].set_index("ds")["y"]
        f = forecast.get(uid)
        if f is None or not scale > 0:
            continue
        f = f.reindex(actual.index)
        e = (f - actual).to_numpy(dtype=float)
        ok = np.isfinite(e)
        all_days.append(np.mean(np.abs(e[ok])) / scale)
        mask = np.array([d in event_set for d in actual.index]) & ok
        if mask.any():
            events.append(np.mean(np.abs(e[mask])) / scale)
            err += e[mask].sum()
            act += actual.to_numpy(dtype=float)[mask].sum()
    return float(np.mean(all_days)), float(np.mean(events)) if events else float("nan"), 100 * err / act if act else float("nan")


# ---------------------------------------------------------------- methods

def opsbench(train, name, events="auto"):
    path = os.path.join(WORK, f"{name}.csv")
    train.rename(columns={"unique_id": "sku", "ds": "date", "y": "units"}).to_csv(path, index=False, date_format="%Y-%m-%d")
    out = os.path.join(WORK, f"{name}-fc.csv")
    _, _, _, cpu = run_opsbench(name, [
        f"load s {path}",
        f"forecast predict s --date date --value units --by sku --horizon {HORIZON} --events {events} --as fc",
        f"export fc {out}",
    ])
    frame = pd.read_csv(out, parse_dates=["date"])
    return {k: g.set_index("date")["forecast"] for k, g in frame.groupby("sku")}, cpu


def seasonal_naive(train):
    out = {}
    for uid, g in train.groupby("unique_id"):
        last = g["ds"].max()
        tail = g.set_index("ds")["y"].reindex(pd.date_range(last - pd.Timedelta(days=6), last)).ffill().to_numpy()
        idx = pd.date_range(last + pd.Timedelta(days=1), periods=HORIZON)
        out[uid] = pd.Series([tail[h % 7] for h in range(HORIZON)], index=idx)
    return out


def statsforecast_models(train):
    from statsforecast import StatsForecast
    from statsforecast.models import MSTL, AutoETS
    filled = fill_missing(train)
    sf = StatsForecast(models=[AutoETS(season_length=7), MSTL(season_length=[7])], freq="D", n_jobs=1)
    fc = sf.forecast(df=filled, h=HORIZON)
    fc = fc.reset_index() if "unique_id" not in fc.columns else fc
    res = {}
    for col, label in [("AutoETS", "AutoETS"), ("MSTL", "MSTL")]:
        res[label] = {k: g.set_index("ds")[col] for k, g in fc.groupby("unique_id")}
    return res


def fill_missing(train):
    """Peers need complete daily series: missing days (Koubei's 2015-12-12) get the mean of their neighbours."""
    parts = []
    for uid, g in train.groupby("unique_id"):
        s = g.set_index("ds")["y"].asfreq("D").interpolate(limit_direction="both")
        parts.append(pd.DataFrame({"unique_id": uid, "ds": s.index, "y": s.to_numpy()}))
    return pd.concat(parts, ignore_index=True)


def cpu_seconds():
    """CPU of this process and its children (Prophet's Stan optimiser runs as a child process)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def prophet_models(train, cal):
    import logging
    logging.getLogger("prophet").setLevel(logging.ERROR)
    logging.getLogger("cmdstanpy").setLevel(logging.ERROR)
    from prophet import Prophet
    holidays = pd.DataFrame({"holiday": [event_key(r) for r in cal.itertuples()], "ds": cal["date"]})
    res = {"Prophet": {}, "Prophet + CN holidays": {}, "Prophet + opsbench calendar": {}}
    seconds = 0.0
    for uid, g in train.groupby("unique_id"):
        for label in res:
            m = Prophet(holidays=holidays if label.endswith("calendar") else None, yearly_seasonality=len(g) > 500,
                        daily_seasonality=False, weekly_seasonality=True, uncertainty_samples=0)
            if label.endswith("CN holidays"):
                m.add_country_holidays(country_name="CN")
            start = cpu_seconds()
            m.fit(g[["ds", "y"]])
            future = m.make_future_dataframe(periods=HORIZON, include_history=False)
            res[label][uid] = m.predict(future).set_index("ds")["yhat"]
            seconds += cpu_seconds() - start
    return res, seconds / (3 * train.unique_id.nunique())


def lightgbm_models(train, cal):
    import lightgbm as lgb
    from mlforecast import MLForecast
    filled = fill_missing(train)
    keys = sorted({event_key(r) for r in cal.itertuples()})
    flags = pd.DataFrame({"ds": cal["date"], "key": [event_key(r) for r in cal.itertuples()]})
    table = pd.crosstab(flags["ds"], flags["key"]).clip(upper=1).reindex(columns=keys, fill_value=0)
    table.columns = [f"ev{i}" for i in range(len(keys))]
    res = {}
    for label, with_calendar in [("LightGBM", False), ("LightGBM + calendar", True)]:
        df = filled.copy()
        if with_calendar:
            df = df.merge(table, left_on="ds", right_index=True, how="left").fillna(0)
        mlf = MLForecast(models={"lgb": lgb.LGBMRegressor(n_estimators=300, learning_rate=0.05, num_leaves=31, verbose=-1, random_state=0)},
                         freq="D", lags=[1, 7, 14, 21, 28], date_features=["dayofweek", "dayofyear"])
        mlf.fit(df, static_features=[])
        future = None
        if with_calendar:
            future = mlf.make_future_dataframe(h=HORIZON).merge(table, left_on="ds", right_index=True, how="left").fillna(0)
        fc = mlf.predict(h=HORIZON, X_df=future)
        res[label] = {k: g.set_index("ds")["lgb"] for k, g in fc.groupby("unique_id")}
    return res


def peers(train, cal):
    """Every peer's forecasts by label; a peer that cannot run is listed with its error."""
    out, missing, prophet_cpu = {"seasonal naive": seasonal_naive(train)}, [], None
    for name, call in [("statsforecast", lambda: statsforecast_models(train)), ("lightgbm", lambda: lightgbm_models(train, cal))]:
        try:
            out.update(call())
        except Exception as error:  # noqa: BLE001 - a missing peer is reported, not fatal
            missing.append(f"{name}: {type(error).__name__}: {error}"[:160])
    if os.environ.get("FORECAST_EVENTS_PROPHET_LIMIT") == "0":
        missing.append("prophet: skipped (FORECAST_EVENTS_PROPHET_LIMIT=0)")
        return out, missing, prophet_cpu
    try:
        result, prophet_cpu = prophet_models(train, cal)
        out.update(result)
    except Exception as error:  # noqa: BLE001
        missing.append(f"prophet: {type(error).__name__}: {error}"[:160])
    return out, missing, prophet_cpu


# ---------------------------------------------------------------- report

def selected(name):
    words = [w for w in os.environ.get("FORECAST_EVENTS_WINDOWS", "").split(",") if w]
    return not words or any(w in name for w in words)


def window(name, frame, last_day, event_days, tag):
    last = pd.Timestamp(last_day)
    train = frame[frame.ds <= last]
    test = frame[(frame.ds > last) & (frame.ds <= last + pd.Timedelta(days=HORIZON))]
    cal = calendar(str(train.ds.min().date()), str((last + pd.Timedelta(days=HORIZON)).date()))
    if event_days is None:
        in_window = cal[(cal.date > last) & (cal.date <= last + pd.Timedelta(days=HORIZON))]
        chosen = in_window[in_window.role.isin(["off", "makeup"]) | (in_window.event.isin(["双11", "双12"]) & (in_window.role == "peak"))]
        event_days = sorted(set(chosen.date.dt.strftime("%Y-%m-%d")))
    rows = []
    auto, cpu = opsbench(train, f"{tag}-auto")
    rows.append(("opsbench auto (events auto)", scores(train, test, auto, event_days)))
    plain, _ = opsbench(train, f"{tag}-none", events="none")
    rows.append(("opsbench auto (events none)", scores(train, test, plain, event_days)))
    result, missing, prophet_cpu = peers(train, cal) if not os.environ.get("FORECAST_EVENTS_NO_PEERS") else ({"seasonal naive": seasonal_naive(train)}, [], None)
    for label, fc in result.items():
        rows.append((label, scores(train, test, fc, event_days)))
    print(f"\n{name}: {train.unique_id.nunique()} series, train to {last_day}, h = {HORIZON}, {len(event_days)} event days")
    print(f"| method | MASE 28 days | MASE event days | bias event days |\n|---|---|---|---|")
    for label, (a, e, b) in rows:
        print(f"| {label} | {a:.3f} | {e:.3f} | {b:+.0f}% |")
    for m in missing:
        print(f"peer not run: {m}")
    if prophet_cpu:
        print(f"CPU per series: opsbench {1000 * cpu / train.unique_id.nunique():.1f} ms (whole run), Prophet {1000 * prophet_cpu:.0f} ms (fit + predict)")
    sys.stdout.flush()
    SUMMARY.append((name, dict(rows)))


SUMMARY = []  # (window, {method: (all-days MASE, event-day MASE, bias %)})
WITHOUT_CALENDAR = ["seasonal naive", "AutoETS", "MSTL", "Prophet", "LightGBM"]
WITH_CALENDAR = ["Prophet + CN holidays", "Prophet + opsbench calendar", "LightGBM + calendar"]


def summary():
    """The issue's table: opsbench auto, the best peer without a calendar (lowest all-days MASE) and the
    best peer with one (lowest event-day MASE, the Koubei target), and seasonal naive, from this run."""
    def cell(label, score):
        return f"{label} {score[0]:.3f} / {score[1]:.3f}, {score[2]:+.0f}%" if score else "–"
    def best(rows, labels, by):
        found = [(rows[l][by], l) for l in labels if l in rows and np.isfinite(rows[l][by])]
        return min(found)[1] if found else None
    print("\nSummary (MASE 28 days / event days, bias on event days; best peer without a calendar by all-days MASE,"
          " with a calendar by event-day MASE):")
    print("| window | opsbench auto | opsbench, events none | seasonal naive | best peer without a calendar | best peer with a calendar |")
    print("|---|---|---|---|---|---|")
    for name, rows in SUMMARY:
        plain, cal = best(rows, WITHOUT_CALENDAR, 0), best(rows, WITH_CALENDAR, 1)
        print(f"| {name} | {cell('', rows['opsbench auto (events auto)'])} | {cell('', rows['opsbench auto (events none)'])} | "
              f"{cell('', rows['seasonal naive'])} | {cell(plain, rows.get(plain))} | {cell(cal, rows.get(cal))} |")


def main():
    sections = sys.argv[1:] or ["sample", "koubei"]
    if "sample" in sections:
        frame = sample_frame()
        for i, (name, last, days) in enumerate(SAMPLE_WINDOWS):
            if selected(name):
                window(name, frame, last, days, f"sample{i}")
    if "koubei" in sections:
        if not os.path.exists(os.path.join(EVENTS_DATA, "koubei-shop-pay-daily.csv")):
            print(f"Koubei data not found under {EVENTS_DATA}: skipped")
        else:
            for i, (name, last, _) in enumerate(KOUBEI_WINDOWS):
                if not selected(name):
                    continue
                first = str((pd.Timestamp(last) - pd.Timedelta(days=300)).date())
                first = max(first, "2015-07-01")
                frame = koubei_frame(first, str((pd.Timestamp(last) + pd.Timedelta(days=HORIZON)).date()))
                window(name, frame, last, None, f"koubei{i}")
    summary()


if __name__ == "__main__":
    main()
