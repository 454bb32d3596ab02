"""Shared helpers: per-file random streams, dates, CSV writing, Poisson draws."""

import csv
import datetime as dt
import math
import random

#: The sample's "today": the last day of every time series and order log.
TODAY = dt.date(2026, 10, 31)


def stream(seed, name):
    """An independent, reproducible random stream for one output file."""
    return random.Random(f"{seed}:{name}")


def iso(day):
    """A date as YYYY-MM-DD, or '' for None (a CSV null)."""
    return "" if day is None else day.isoformat()


def money(value):
    """A price or amount with two decimals."""
    return f"{value:.2f}"


def write_csv(path, header, rows):
    """Write UTF-8 (no BOM) CSV with \\n line ends; returns the row count."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        count = 0
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def poisson(rng, lam):
    """A Poisson draw: Knuth's product method for small means, normal approximation above 30."""
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def clamp(value, low, high):
    return max(low, min(high, value))
