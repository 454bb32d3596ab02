"""Per-SKU daily series and the forecasts that are plain Spark SQL. The series are cut as
`forecast predict` cuts them (plugins/Forecast/Data/SeriesTable.swift): one value per day,
duplicates summed, each series from its own first to its own last day with gaps as zero
demand and empty values as zero. The models equal plugins/Forecast/Models/Baselines.swift:
naive (last value), drift (line through first and last), ma (mean of the last --window
days); ses is simple exponential smoothing with the given --alpha, level started at the
first value: l_n = (1-a)^(n-1) y_1 + sum_{t=2..n} a (1-a)^(n-t) y_t, computed as one sum."""
from sparkops.orders import day_expression
from sparkops.tables import quote


def series_sql(frame, view, by, date, value):
    """Daily rows (key, day, t = 1..n, n, y) per series, gaps filled with zero."""
    q = quote
    key = q(by) if by else "'all'"
    return f"""
        WITH raw AS (
            SELECT {key} AS key, {day_expression(frame, date)} AS day, coalesce(CAST({q(value)} AS DOUBLE), 0D) AS y
            FROM {view}
        ), daily AS (
            SELECT key, day, sum(y) AS y FROM raw WHERE day IS NOT NULL AND key IS NOT NULL GROUP BY key, day
        ), spans AS (
            SELECT key, min(day) AS first_day, max(day) AS last_day FROM daily GROUP BY key
        ), grid AS (
            SELECT key, explode(sequence(first_day, last_day)) AS day, datediff(last_day, first_day) + 1 AS n,
                   first_day FROM spans
        )
        SELECT g.key, g.day, datediff(g.day, g.first_day) + 1 AS t, g.n, coalesce(d.y, 0D) AS y
        FROM grid g LEFT JOIN daily d ON g.key = d.key AND g.day = d.day"""


def level_sql(model, window, alpha):
    """Per series: key, last_day, n and the model's level and slope (per day)."""
    if model == "naive":
        level, slope = "max_by(y, t)", "0D"
    elif model == "drift":
        level = "max_by(y, t)"
        slope = "CASE WHEN max(n) > 1 THEN (max_by(y, t) - min_by(y, t)) / (max(n) - 1) ELSE 0D END"
    elif model == "ma":
        level, slope = f"avg(CASE WHEN t > n - least({window}, n) THEN y END)", "0D"
    else:
        a = repr(float(alpha))
        level = (f"sum(CASE WHEN t = 1 THEN pow(1 - {a}, n - 1) * y "
                 f"ELSE {a} * pow(1 - {a}, n - t) * y END)")
        slope = "0D"
    return f"SELECT key, max(day) AS last_day, max(n) AS n, {level} AS level, {slope} AS slope FROM series GROUP BY key"


def forecast_sql(series, by, date, model, window, alpha, horizon):
    """The forecasts: the --by column, the date column, forecast and model, `horizon` days per series."""
    label = {"naive": "'naive'", "drift": "'drift'", "ma": f"'ma(' || least({window}, n) || ')'",
             "ses": f"'ses(alpha={alpha:g})'"}[model]
    key = f"key AS {quote(by)}, " if by else ""
    return f"""
        WITH series AS ({series}), levels AS ({level_sql(model, window, alpha)})
        SELECT {key}date_add(last_day, h) AS {quote(date)}, level + slope * h AS forecast, {label} AS model
        FROM levels LATERAL VIEW explode(sequence(1, {int(horizon)})) hs AS h
        ORDER BY key, h"""
