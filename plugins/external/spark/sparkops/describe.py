"""`describe` of a remote dataset, computed in Spark as Sources/Workbench/Storage/DatasetStatistics.swift
computes it locally: per column its type, count (non-null, non-NaN), nulls, mean and sample sd
(numbers; the share of true for bools), min/p25/p50/p75/max with linear interpolation (numbers and
dates; Spark's exact `percentile` interpolates as pandas does), distinct, top and top_count (text and
bools). One difference: a tie for the top value goes to the smallest value here (Spark rows have no
order), locally to the value seen first."""
from sparkops.tables import quote, schema_of

HEADERS = ["column", "type", "count", "nulls", "mean", "std", "min", "p25", "p50", "p75", "max", "distinct", "top",
           "top_count"]
QUANTILES = "array(0D, 0.25D, 0.5D, 0.75D, 1D)"


def _position(kind, column):
    """The column as the number its quartiles are taken of (days or seconds for dates), NaN as null."""
    c = quote(column)
    if kind == "date":
        return f"CAST(datediff({c}, DATE'1970-01-01') AS DOUBLE)"
    if kind == "datetime":
        return f"CAST(unix_seconds(CAST({c} AS TIMESTAMP)) AS DOUBLE)"
    return f"CASE WHEN isnan(CAST({c} AS DOUBLE)) THEN NULL ELSE CAST({c} AS DOUBLE) END"


def _format(kind, value, dates_shown):
    if value is None or not dates_shown:
        return value
    import datetime
    if kind == "date":
        return (datetime.date(1970, 1, 1) + datetime.timedelta(days=int(value // 1))).isoformat()
    if kind == "datetime":
        return datetime.datetime.fromtimestamp(int(value // 1), datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    return f"{value:g}"


def statistics(session, frame):
    """(headers, rows) of the statistics, one row per column, in one aggregation plus one query per text column."""
    schema = schema_of(frame)
    dates_shown = any(kind in ("date", "datetime") for _, kind in schema)
    parts = ["count(*)"]
    for name, kind in schema:
        c = quote(name)
        if kind in ("integer", "double", "date", "datetime"):
            p = _position(kind, name)
            parts += [f"count({p})", f"avg({p})" if kind in ("integer", "double") else "NULL",
                      f"stddev_samp({p})" if kind in ("integer", "double") else "NULL", f"percentile({p}, {QUANTILES})",
                      "NULL"]
        elif kind == "bool":
            parts += [f"count({c})", f"avg(CAST({c} AS DOUBLE))", f"stddev_samp(CAST({c} AS DOUBLE))", "NULL",
                      f"count(DISTINCT {c})"]
        else:
            parts += [f"count({c})", "NULL", "NULL", "NULL", f"count(DISTINCT {c})"]
    row = frame.selectExpr(*parts).collect()[0]
    total, rows = row[0], []
    for i, (name, kind) in enumerate(schema):
        count, mean, sd, quartiles, distinct = row[1 + 5 * i: 6 + 5 * i]
        top = top_count = None
        if kind in ("string", "bool"):
            c = quote(name)
            best = frame.selectExpr(f"CAST({c} AS STRING) AS v").where("v IS NOT NULL").groupBy("v").count() \
                .orderBy(["count", "v"], ascending=[False, True]).limit(1).collect()
            if best:
                top, top_count = best[0][0], best[0][1]
        positions = [_format(kind, q, dates_shown) for q in quartiles] if quartiles else [None] * 5
        rows.append([name, kind, count, total - count, mean, sd if count > 1 else None, *positions, distinct, top,
                     top_count])
    return HEADERS, rows
