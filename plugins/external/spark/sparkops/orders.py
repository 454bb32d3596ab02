"""Orders (or line items) reduced to one row per customer, in Spark SQL, exactly as
`segment rfm` does it locally (plugins/Segment/RFM/OrderHistory.swift): rows without a
customer, a date or a finite amount are left out (line items also when quantity or
price is not positive), dates are UTC days, frequency counts rows or distinct orders."""
from dataclasses import dataclass

from opsbench_plugin import CommandError
from sparkops.tables import check_columns, literal, quote


@dataclass
class OrderColumns:
    customer: str
    date: str
    amount: str = None
    quantity: str = None
    price: str = None
    order: str = None

    def check(self, frame, ctx):
        if self.amount and (self.quantity or self.price):
            raise CommandError(ctx.text("give --amount, or --quantity with --price, not both",
                                        "请给出 --amount，或 --quantity 加 --price，不要同时给出"), code="conflict")
        if not self.amount and not (self.quantity and self.price):
            raise CommandError(ctx.text("give --amount, or --quantity and --price", "请给出 --amount，或 --quantity 和 --price"),
                               code="missing-argument", option="--amount")
        if self.quantity and not self.order:
            raise CommandError(ctx.text("line items need --order to count orders", "明细行需要 --order 来计数订单"),
                               code="missing-argument", option="--order")
        check_columns(frame, [("--customer", self.customer), ("--date", self.date), ("--amount", self.amount),
                              ("--quantity", self.quantity), ("--price", self.price), ("--order", self.order)])


def day_expression(frame, column):
    """SQL for the UTC day of a date, timestamp or ISO text column (NULL when empty or unreadable)."""
    kind = dict((f.name, f.dataType.typeName()) for f in frame.schema.fields)[column]
    c = quote(column)
    if kind == "date":
        return c
    if kind in ("timestamp", "timestamp_ntz"):
        return f"to_date({c})"
    if kind == "string":
        return f"coalesce(try_cast({c} AS DATE), to_date(try_cast({c} AS TIMESTAMP)))"
    raise CommandError(f"--date {column} is not a date (Spark type {kind})", code="invalid-value", option="--date")


def check_dates(session, view, frame, column):
    """An error naming the first text value of the date column that is not a date, as `segment rfm` gives."""
    if dict((f.name, f.dataType.typeName()) for f in frame.schema.fields)[column] != "string":
        return
    c = quote(column)
    bad = session.sql(f"SELECT {c} FROM {view} WHERE {c} IS NOT NULL AND trim({c}) <> '' "
                      f"AND ({day_expression(frame, column)}) IS NULL LIMIT 1").collect()
    if bad:
        raise CommandError(f"column '{column}' holds '{bad[0][0]}', which is not a date",
                           hint="dates as 2026-01-31 or 2026-01-31 10:00:00", code="invalid-value", option="--date")


def customer_sql(frame, view, columns, asof=None):
    """A query with one row per customer: customer, first_day, last_day, frequency, monetary, and
    reference (the --asof day, default the day after the last order) and the row counts used/dropped."""
    q = quote
    value = (f"CAST({q(columns.quantity)} AS DOUBLE) * CAST({q(columns.price)} AS DOUBLE)" if columns.quantity
             else f"CAST({q(columns.amount)} AS DOUBLE)")
    keep = [f"{q(columns.customer)} IS NOT NULL", f"CAST({q(columns.customer)} AS STRING) <> ''", "day IS NOT NULL",
            "value IS NOT NULL", "NOT isnan(value)", "abs(value) <> double('infinity')"]
    if columns.quantity:
        keep += [f"CAST({q(columns.quantity)} AS DOUBLE) > 0", f"CAST({q(columns.price)} AS DOUBLE) > 0"]
    if columns.order:
        keep += [f"{q(columns.order)} IS NOT NULL", f"CAST({q(columns.order)} AS STRING) <> ''"]
    frequency = f"count(DISTINCT {q(columns.order)})" if columns.order else "count(*)"
    reference = f"DATE {literal(asof)}" if asof else "date_add(max(last_day) OVER (), 1)"
    return f"""
        WITH rows AS (
            SELECT *, {day_expression(frame, columns.date)} AS day, {value} AS value FROM {view}
        ), kept AS (
            SELECT * FROM rows WHERE {' AND '.join(keep)}
        ), customers AS (
            SELECT {q(columns.customer)} AS customer, min(day) AS first_day, max(day) AS last_day,
                   {frequency} AS frequency, sum(value) AS monetary, count(*) AS used_rows
            FROM kept GROUP BY {q(columns.customer)}
        )
        SELECT *, {reference} AS reference FROM customers"""


def checked_asof(asof, ctx):
    if asof is None:
        return None
    import datetime
    try:
        return datetime.date.fromisoformat(asof.strip()).isoformat()
    except ValueError:
        raise CommandError(ctx.text(f"--asof {asof} is not a date", f"--asof {asof} 不是日期"),
                           hint="2026-01-31", code="invalid-value", option="--asof")
