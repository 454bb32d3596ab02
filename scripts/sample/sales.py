"""Daily unit sales (daily_sales.csv): 24 SKUs over 730 days, long format.

19 smooth SKUs have a level, a linear trend, weekend peaks, 双11 and 618 bumps,
a Spring Festival dip and Poisson noise; 5 intermittent SKUs sell on a minority
of days (average demand interval well above 1.32).
"""

import datetime as dt
import math

from .common import TODAY, iso, poisson

N_DAYS = 730
N_SKUS = 24
INTERMITTENT = 5
SPRING_FESTIVALS = [dt.date(2025, 1, 29), dt.date(2026, 2, 17)]


def _events(day):
    """Multiplicative promotion and holiday effect on a day."""
    effect = 1.0
    if day.month == 11 and 1 <= day.day <= 11:
        effect *= 1.0 + 2.5 * math.exp(-(11 - day.day) / 2.5)  # ramp into 双11
    if day.month == 6 and 1 <= day.day <= 18:
        effect *= 1.0 + 1.4 * math.exp(-(18 - day.day) / 3.0)  # ramp into 618
    if day.month == 12 and day.day == 12:
        effect *= 1.6
    for festival in SPRING_FESTIVALS:
        offset = (day - festival).days
        if -3 <= offset <= 7:
            effect *= 0.55
    return effect


def _smooth_series(rng, days):
    level = rng.uniform(4, 60)
    growth = rng.uniform(-0.25, 0.6)  # relative change over the two years
    weekend = rng.uniform(1.15, 1.6)
    weekly = [1.0, 0.95, 0.97, 1.0, 1.08, weekend, weekend * rng.uniform(0.9, 1.0)]
    promo = rng.uniform(0.6, 1.3)  # how strongly this SKU responds to promotions
    summer = rng.uniform(-0.2, 0.2)  # mild yearly swing (fans up, coats down)
    values = []
    for t, day in enumerate(days):
        trend = 1.0 + growth * t / (len(days) - 1)
        season = 1.0 + summer * math.sin(2 * math.pi * (day.timetuple().tm_yday - 105) / 365.25)
        event = 1.0 + promo * (_events(day) - 1.0)
        mean = level * trend * weekly[day.weekday()] * season * event
        values.append(poisson(rng, mean * rng.lognormvariate(0, 0.12)))
    return values


def _intermittent_series(rng, days):
    chance = rng.uniform(0.12, 0.4)  # share of days with any sale: ADI ≈ 1 / chance
    size = rng.uniform(0.5, 4.0)
    values = []
    for day in days:
        boost = 1.6 if _events(day) > 1.8 else 1.0
        values.append(1 + poisson(rng, size) if rng.random() < chance * boost else 0)
    return values


def build(rng):
    """Return rows (date, sku, units) ordered by date then SKU."""
    days = [TODAY - dt.timedelta(days=N_DAYS - 1 - i) for i in range(N_DAYS)]
    kinds = [False] * (N_SKUS - INTERMITTENT) + [True] * INTERMITTENT
    rng.shuffle(kinds)
    series = [(_intermittent_series if sparse else _smooth_series)(rng, days) for sparse in kinds]
    for i, day in enumerate(days):
        for k in range(N_SKUS):
            yield [iso(day), f"SKU{k + 1:02d}", series[k][i]]


HEADER = ["date", "sku", "units"]
