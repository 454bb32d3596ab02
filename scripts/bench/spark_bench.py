"""Peers of scripts/bench/spark: seeded orders, RFM and K-Means features in pandas (one
process) and on a Spark Connect server with the spark plugin's own SQL. Prints JSON lines.

    spark_bench.py data OUT ROWS       orders_ROWS.parquet and .csv (customer, order_date, amount)
    spark_bench.py pandas OUT ROWS     read, rfm, features seconds and peak RSS
    spark_bench.py spark OUT ROWS URL  rfm and features in Spark (result kept there, as the plugin does)
"""
import json
import os
import resource
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(HERE, "../../plugins/external/spark"), os.path.join(HERE, "../../plugins/external")]


def path(out, rows, ext):
    return os.path.join(out, f"orders_{rows}.{ext}")


def make_data(out, rows):
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    if os.path.exists(path(out, rows, "csv")):
        return
    rng = np.random.default_rng(20261202)
    customers = max(1000, rows // 20)
    start = np.datetime64("2024-01-01")
    table = pa.table({
        "customer": rng.integers(1, customers + 1, rows),
        "order_date": (start + rng.integers(0, 730, rows).astype("timedelta64[D]")).astype("datetime64[D]"),
        "amount": np.round(rng.gamma(2.0, 60.0, rows), 2),
    })
    pq.write_table(table, path(out, rows, "parquet"))
    with open(path(out, rows, "csv"), "wb") as f:  # the header unquoted: opsbench reads a quoted header's column as text
        f.write((",".join(table.column_names) + "\n").encode())
        pacsv.write_csv(table, f, pacsv.WriteOptions(include_header=False))


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pandas_peer(out, rows):
    import numpy as np
    import pandas as pd

    t0 = time.perf_counter()
    orders = pd.read_parquet(path(out, rows, "parquet"))
    orders["order_date"] = pd.to_datetime(orders["order_date"])
    t1 = time.perf_counter()
    per = orders.groupby("customer").agg(last=("order_date", "max"), frequency=("amount", "size"),
                                         monetary=("amount", "sum"))
    reference = per["last"].max() + pd.Timedelta(days=1)
    recency = (reference - per["last"]).dt.days
    def bins(values):  # pandas' qcut edges (linear quantiles); a value scores the edges below it, as opsbench
        values = np.asarray(values, dtype=float)
        return np.searchsorted(np.quantile(values, [0.2, 0.4, 0.6, 0.8]), values, side="left")

    r = 5 - bins(recency)
    f = bins(per["frequency"].rank(method="first")) + 1
    m = bins(per["monetary"]) + 1
    rfm = pd.DataFrame({"recency": recency, "frequency": per["frequency"], "monetary": per["monetary"], "r": r, "f": f, "m": m})
    t2 = time.perf_counter()
    features = orders.groupby("customer").agg(first=("order_date", "min"), last=("order_date", "max"),
                                              frequency=("amount", "size"), monetary=("amount", "sum"))
    features["avg_order_value"] = features["monetary"] / features["frequency"]
    features["recency"] = (reference - features["last"]).dt.days
    features["tenure"] = (reference - features["first"]).dt.days
    t3 = time.perf_counter()
    print(json.dumps({"peer": "pandas", "rows": rows, "customers": len(rfm), "read": t1 - t0, "rfm": t2 - t1,
                      "features": t3 - t2, "peak_mb": peak_mb(), "checksum": int(np.asarray(rfm["r"]).sum())}))


def spark_peer(out, rows, url):
    from opsbench_plugin import Context  # noqa: F401 (the plugin's modules import the SDK)
    from sparkops import orders as history, rfm
    from sparkops.session import Connection
    from sparkops.tables import Datasets

    class Quiet:  # the parts of a call context the SQL builders use
        language = "en"

        def text(self, en, zh):
            return en

    connection = Connection()
    t0 = time.perf_counter()
    session = connection.connect(url)
    session.sql("SELECT 1").collect()
    t1 = time.perf_counter()
    frame = Datasets(connection).attach(session, "orders", {"path": path(out, rows, "parquet"), "format": "parquet"})
    columns = history.OrderColumns("customer", "order_date", amount="amount")
    customers = history.customer_sql(frame, "`orders`", columns)
    t2 = time.perf_counter()
    result = session.sql(rfm.rfm_sql(customers, "customer", 5, "en")).localCheckpoint(eager=True)
    count = result.count()
    t3 = time.perf_counter()
    features = session.sql(f"""SELECT customer, datediff(reference, last_day) AS recency, frequency, monetary,
                                      monetary / frequency AS avg_order_value, datediff(reference, first_day) AS tenure
                               FROM ({customers})""").localCheckpoint(eager=True)
    features.count()
    t4 = time.perf_counter()
    checksum = result.selectExpr("sum(r)").collect()[0][0]
    print(json.dumps({"peer": "spark", "rows": rows, "customers": count, "connect": t1 - t0, "rfm": t3 - t2,
                      "features": t4 - t3, "checksum": int(checksum)}))


if __name__ == "__main__":
    command, out, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if command == "data":
        make_data(out, rows)
    elif command == "pandas":
        pandas_peer(out, rows)
    else:
        os.environ.setdefault("SPARK_CONNECT_MODE_ENABLED", "1")
        spark_peer(out, rows, sys.argv[4])
