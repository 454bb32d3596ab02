"""The analyses as they run in Spark, shared by the plugin's own commands (`spark rfm ...`) and
opsbench's core commands on remote datasets (`segment rfm ...`, sparkops/core.py): the one
Spark Connect session, the remote datasets, and how results are kept (in Spark) or brought home."""
import time

from opsbench_plugin import CommandError
from sparkops import forecast, kmeans, recommend, rfm
from sparkops import orders as history
from sparkops.display import table
from sparkops.session import Connection
from sparkops.tables import Datasets, check_columns, pull, quote, schema_of

connection = Connection()
datasets = Datasets(connection)


def finish(ctx, name, frame, pulled, started, what):
    """Stores the result: pulled home as a local dataset, or computed in Spark and kept there as a handle."""
    if pulled:
        rows = pull(frame, ctx, ctx.scratch, name)
        ctx.print(ctx.text(f"{what}: {rows:,} rows in {time.time() - started:.1f} s; stored {name} (local)",
                           f"{what}：{rows:,} 行，用时 {time.time() - started:.1f} 秒；已存为 {name}（本地）"))
        return
    frame = frame.localCheckpoint(eager=True)
    datasets.keep(name, frame)
    rows = frame.count()
    ctx.store_handle(name, datasets.reference(name), schema_of(frame), rows)
    ctx.print(ctx.text(f"{what}: {rows:,} rows in Spark in {time.time() - started:.1f} s; stored {name} (remote)",
                       f"{what}：{rows:,} 行，在 Spark 中用时 {time.time() - started:.1f} 秒；已存为 {name}（远程）"))


def input_view(ctx, session, name):
    """The dataset as a Spark frame and a view name to use in SQL (dropped when the call ends)."""
    frame = datasets.frame(ctx, session, name)
    return frame, connection.scratch_view(frame)


def seed_of(ctx, seed):
    return int((seed if seed is not None else ctx.seed) % (2 ** 63))


def customers_of(ctx, session, name, columns, asof):
    """The orders dataset as a frame and view, its columns checked as segment rfm checks them."""
    frame, view = input_view(ctx, session, name)
    columns.check(frame, ctx)
    history.check_dates(session, view, frame, columns.date)
    return frame, view


def rfm_scores(ctx, session, orders, columns, asof, bins, name, pulled, started):
    """RFM scores and the R×F grid, as segment rfm --map grid computes them."""
    frame, view = customers_of(ctx, session, orders, columns, asof)
    customers = history.customer_sql(frame, view, columns, asof)
    summary = session.sql(
        f"SELECT count(*), sum(frequency), max(reference), (SELECT count(*) FROM {view}) - sum(used_rows) FROM "
        f"({customers})").collect()[0]
    count, total_orders, reference, dropped = summary
    if not count:
        raise CommandError(ctx.text("no customer has a usable order", "没有客户有可用的订单"), code="failed")
    if dropped:
        ctx.note(ctx.text(f"{dropped} rows without a customer, date or amount left out",
                          f"{dropped} 行缺少客户、日期或金额，已排除"))
    ctx.print(ctx.text(f"RFM of {count:,} customers ({total_orders:,} orders) as of {reference}, in Spark",
                       f"{count:,} 位客户（{total_orders:,} 单）的 RFM，参考日 {reference}，在 Spark 中计算"))
    finish(ctx, name, session.sql(rfm.rfm_sql(customers, columns.customer, bins, ctx.language)), pulled, started, "rfm")


def features(ctx, session, orders, columns, asof):
    """One row per customer: recency, frequency, monetary, average order value, tenure (a frame)."""
    frame, view = customers_of(ctx, session, orders, columns, asof)
    return session.sql(f"""
        SELECT customer AS {quote(columns.customer)}, CAST(datediff(reference, last_day) AS BIGINT) AS recency,
               CAST(frequency AS BIGINT) AS frequency, monetary, monetary / frequency AS avg_order_value,
               CAST(datediff(reference, first_day) AS BIGINT) AS tenure
        FROM ({history.customer_sql(frame, view, columns, asof)}) ORDER BY customer""")


def mllib_kmeans(ctx, session, dataset, feature_names, id_column, k, scale, max_iter, tol, seed, name, pulled, started):
    """MLlib K-Means on features scaled as segment kmeans scales them; centres come home as NAME_centers."""
    frame = datasets.frame(ctx, session, dataset)
    check_columns(frame, [("--features", f) for f in feature_names] + [("--id", id_column)])
    assignments, centers, sizes, cost, iterations = kmeans.fit(
        session, frame, feature_names, id_column, k, seed, max_iter, tol, scale, ctx)
    ctx.print(ctx.text(f"MLlib K-Means: k={k}, {sum(sizes):,} rows, {len(feature_names)} features, scale {scale}, "
                       f"{iterations} iterations, inertia {cost:.6g}",
                       f"MLlib K-Means：k={k}，{sum(sizes):,} 行，{len(feature_names)} 个特征，缩放 {scale}，"
                       f"迭代 {iterations} 次，惯性 {cost:.6g}"))
    rows = [[c + 1, sizes[c]] + centers[c] for c in range(len(sizes))]
    ctx.print(table([ctx.text("cluster", "簇"), ctx.text("size", "规模")] + list(feature_names), rows))
    ctx.store(name + "_centers", {"cluster": [c + 1 for c in range(len(sizes))], "size": sizes,
                                  **{f: [centers[c][i] for c in range(len(sizes))] for i, f in enumerate(feature_names)}})
    finish(ctx, name, assignments.withColumnRenamed("id", id_column), pulled, started, "kmeans")


def target_filter(target):
    return "TRUE" if target is None else f"CAST(r.user AS STRING) = '{target.replace(chr(39), chr(39) * 2)}'"


def itemknn(ctx, session, interactions, user, item, weight, damping, target, top, neighbours, shrink, name, pulled,
            started):
    """Item-kNN scores in Spark SQL, as recommend for --method itemknn scores."""
    frame, view = input_view(ctx, session, interactions)
    check_columns(frame, [("--user", user), ("--item", item), ("--weight", weight)])
    query = recommend.itemknn_sql(recommend.interactions_sql(view, user, item, weight, damping), neighbours, shrink, top,
                                  target_filter(target))
    frame = session.sql(query).withColumnRenamed("user", user).withColumnRenamed("item", item)
    finish(ctx, name, frame, pulled, started, "itemknn")


def als(ctx, session, interactions, user, item, weight, damping, target, top, rank, iterations, regularization, seed,
        name, pulled, started):
    """MLlib ALS (implicit feedback) recommendations."""
    frame, view = input_view(ctx, session, interactions)
    check_columns(frame, [("--user", user), ("--item", item), ("--weight", weight)])
    recs = recommend.als(session, recommend.interactions_sql(view, user, item, weight, damping), rank, iterations,
                         regularization, seed, top, target_filter(target))
    finish(ctx, name, recs.withColumnRenamed("user", user).withColumnRenamed("item", item), pulled, started, "als")


def sql_forecast(ctx, session, history_name, date, value, by, model, window, alpha, horizon, name, pulled, started):
    """Per-series daily history and a forecast model, all in Spark SQL."""
    frame, view = input_view(ctx, session, history_name)
    check_columns(frame, [("--date", date), ("--value", value), ("--by", by)])
    query = forecast.forecast_sql(forecast.series_sql(frame, view, by, date, value), by, date, model, window, alpha,
                                  horizon)
    finish(ctx, name, session.sql(query), pulled, started, "forecast")
