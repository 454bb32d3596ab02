#!/usr/bin/env python3
"""The `spark` plugin: opsbench's commands on Apache Spark through Spark Connect.

The messages name opsbench operations (attach, schema, sql, rfm, kmeans, ...), not
pyspark calls; the heavy work runs in Spark and results stay there as remote datasets
(handles) unless --pull brings them home. Runs from the venv scripts/spark/setup makes
(~/.cache/opsbench/spark-venv, or $OPSBENCH_SPARK_VENV) and lives for the whole session,
because importing the client takes seconds. See docs/spark.md.
"""
import importlib.util
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def _use_spark_venv():
    """Re-runs this file with the Spark venv's python when this one has no pyspark (before any output)."""
    if importlib.util.find_spec("pyspark") is not None:
        return
    venv = os.environ.get("OPSBENCH_SPARK_VENV") or os.path.expanduser("~/.cache/opsbench/spark-venv")
    python = os.path.join(venv, "bin", "python")
    if os.path.exists(python) and os.path.realpath(sys.prefix) != os.path.realpath(venv):
        os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])


if __name__ == "__main__":
    _use_spark_venv()
sys.path[:0] = [HERE, os.path.dirname(HERE)]

from opsbench_plugin import CommandError, Option, Plugin  # noqa: E402
from sparkops import analyses, core, display  # noqa: E402
from sparkops import orders as history  # noqa: E402
from sparkops.analyses import connection, datasets, finish  # noqa: E402
from sparkops.tables import pull, schema_of  # noqa: E402

plugin = Plugin("spark", "0.1.0", summary=("Run opsbench's analyses on Apache Spark (Spark Connect)",
                                           "在 Apache Spark 上运行 opsbench 的分析（Spark Connect）"),
                keep_alive=True)
core.register(plugin)


def dataset_option(name="dataset", help=("Dataset (local, or remote in Spark)", "数据集（本地，或在 Spark 中）")):
    return Option(name, kind="positional", help=help, completion="dataset")


def column(name, help, required=True):
    return Option(name, help=help, completion="columns", required=required)


def result_options(default):
    return [Option("--as", help=("Name of the result dataset", "结果数据集的名称"), default=default),
            Option("--pull", kind="flag", help=("Bring the result home as a local dataset at once (else it stays in Spark)",
                                                "立即把结果拉回本地（否则留在 Spark 中）"))]


ORDER_OPTIONS = [
    dataset_option("orders", ("Orders or line items", "订单或明细行")),
    column("--customer", ("Customer id column", "客户 ID 列")),
    column("--date", ("Order date column", "下单日期列")),
    column("--amount", ("Order amount column", "订单金额列"), required=False),
    column("--quantity", ("Quantity column (line items, with --price)", "数量列（明细行，配合 --price）"), required=False),
    column("--price", ("Unit price column (line items, with --quantity)", "单价列（明细行，配合 --quantity）"), required=False),
    column("--order", ("Order id column: frequency counts distinct orders", "订单 ID 列：频次按不同订单计"), required=False),
    Option("--asof", help=("Reference date for recency (default: the day after the last order)",
                           "计算最近度的参考日期（默认：最后一单的次日）"), required=False),
]


def seed_option():
    return Option("--seed", help=("Random seed (default: the session's)", "随机种子（默认：会话的种子）"), value="integer",
                  required=False, minimum=0)


@plugin.command("connect", abstract=("Connect to a Spark Connect server", "连接 Spark Connect 服务器"),
                discussion=("Default URL: $OPSBENCH_SPARK_URL, else sc://localhost:15002 (scripts/spark/start starts "
                            "a local server). A cluster: sc://HOST:443/;use_ssl=true;token=TOKEN.",
                            "默认地址：$OPSBENCH_SPARK_URL，否则 sc://localhost:15002（scripts/spark/start 启动本地服务器）。"
                            "集群：sc://主机:443/;use_ssl=true;token=令牌。"),
                options=[Option("url", kind="positional", help=("sc://HOST:PORT", "sc://主机:端口"), required=False)],
                examples=["spark connect", "spark connect sc://localhost:15002"])
def connect(ctx, url):
    started = time.time()
    if url is not None and not url.startswith("sc://"):
        raise CommandError(ctx.text(f"'{url}' is not a Spark Connect URL", f"'{url}' 不是 Spark Connect 地址"),
                           hint="sc://HOST:PORT", code="invalid-value", option="url")
    ctx.progress(0, None, ctx.text("connecting", "连接中"))
    session = connection.connect(url)
    version = connection.run(ctx, "connect", lambda s: s.version)
    ctx.print(ctx.text(f"connected to Spark {version} at {connection.url} in {time.time() - started:.1f} s",
                       f"已连接 Spark {version}（{connection.url}），用时 {time.time() - started:.1f} 秒"))
    del session


@plugin.command("status", abstract=("Where the Spark session is and which remote datasets it holds",
                                    "Spark 会话的位置及其远程数据集"),
                examples=["spark status"])
def status(ctx):
    version = connection.run(ctx, "status", lambda s: s.version)
    ctx.print(ctx.text(f"Spark {version} at {connection.url}", f"Spark {version}，地址 {connection.url}"))
    names = sorted(datasets.live)
    ctx.print(ctx.text("remote datasets: ", "远程数据集：") + (", ".join(names) if names else "-"))


@plugin.command("tables", abstract=("Tables and views in the Spark catalog", "Spark 目录中的表和视图"),
                examples=["spark tables"])
def tables(ctx):
    found = connection.run(ctx, "tables", lambda s: s.catalog.listTables())
    rows = [[t.name, t.database or "", t.tableType, "yes" if t.isTemporary else ""] for t in found]
    ctx.print(display.table([ctx.text("table", "表"), ctx.text("database", "数据库"), ctx.text("type", "类型"),
                             ctx.text("temporary", "临时")], rows))


@plugin.command("attach", abstract=("Make a table, query or files in Spark a remote dataset",
                                    "把 Spark 中的表、查询或文件作为远程数据集"),
                discussion=("The rows stay where Spark reads them; opsbench keeps the name, schema and how to read "
                            "it again. --path is read by the Spark server (its file system or the lake).",
                            "数据留在 Spark 读取的位置；opsbench 保存名称、结构和重新读取的方法。--path 由 Spark 服务器读取。"),
                options=[Option("name", kind="positional", help=("Name of the remote dataset", "远程数据集名称")),
                         Option("--table", help=("A table in the Spark catalog", "Spark 目录中的表"), required=False),
                         Option("--sql", help=("A Spark SQL query", "一条 Spark SQL 查询"), required=False),
                         Option("--path", help=("Files Spark reads", "Spark 读取的文件"), required=False,
                                completion="file"),
                         Option("--format", help=("Format of --path", "--path 的格式"), default="parquet",
                                choices=[("parquet", ("Parquet files", "Parquet 文件")),
                                         ("csv", ("CSV with a header (types inferred)", "带表头的 CSV（推断类型）")),
                                         ("json", ("JSON lines", "JSON 行"))])],
                rules=[{"oneOf": {"_0": ["--table", "--sql", "--path"]}}],
                examples=["spark attach orders --path /data/orders.parquet",
                          "spark attach big --sql \"SELECT * FROM range(1000)\""])
def attach(ctx, name, table, sql, path, format):
    started = time.time()
    source = {"table": table} if table else {"sql": sql} if sql else {"path": os.path.abspath(path), "format": format}

    def work(session):
        frame = datasets.attach(session, name, source)
        return frame, schema_of(frame)

    frame, schema = connection.run(ctx, "attach", work)
    ctx.store_handle(name, datasets.reference(name), schema)
    ctx.print(ctx.text(f"attached {name}: {len(schema)} columns, rows stay in Spark ({time.time() - started:.1f} s)",
                       f"已附加 {name}：{len(schema)} 列，数据留在 Spark（{time.time() - started:.1f} 秒）"))


@plugin.command("schema", abstract=("Columns and types of a dataset, as Spark sees it", "数据集的列和类型（Spark 视角）"),
                options=[dataset_option()], examples=["spark schema orders"])
def schema(ctx, dataset):
    frame = connection.run(ctx, "schema", lambda s: datasets.frame(ctx, s, dataset))
    rows = [[f.name, f.dataType.simpleString(), t] for f, (_, t) in zip(frame.schema.fields, schema_of(frame))]
    ctx.print(display.table([ctx.text("column", "列"), "Spark", "opsbench"], rows))


@plugin.command("show", abstract=("The first rows of a dataset, read in Spark (the limit is pushed down)",
                                  "数据集的前几行，在 Spark 中读取（限制下推）"),
                options=[dataset_option(), Option("--limit", help=("Rows to show", "显示行数"), value="integer",
                                                  default=10, minimum=1, maximum=10000)],
                examples=["spark show orders --limit 5"])
def show(ctx, dataset, limit):
    def work(session):
        frame = datasets.frame(ctx, session, dataset)
        return frame.columns, frame.limit(limit).collect()

    names, rows = connection.run(ctx, "show", work)
    ctx.print(display.table(names, [list(r) for r in rows]))


@plugin.command("sql", abstract=("Run a Spark SQL query on remote datasets (by their names)",
                                 "在远程数据集上运行 Spark SQL 查询（按名称引用）"),
                discussion=("Spark SQL's dialect, not SQLite's (e.g. date_add, percentile, backticks for names). "
                            "Remote datasets are views under their opsbench names.",
                            "使用 Spark SQL 方言，而非 SQLite（如 date_add、percentile，名称用反引号）。远程数据集以其 opsbench 名称作为视图。"),
                options=[Option("query", kind="positional", help=("The query", "查询"))] + result_options("result"),
                examples=["spark sql \"SELECT count(*) AS n FROM orders\" --as n --pull"])
def sql(ctx, query, pull, **rest):
    started = time.time()
    connection.run(ctx, "sql", lambda s: finish(ctx, rest["as"], s.sql(query), pull, started, "sql"))


@plugin.command("pull", abstract=("Bring a remote dataset home as a local dataset", "把远程数据集拉回本地"),
                discussion=("Refuses more than --max-rows rows unless --limit says how many; the workspace changes "
                            "only if the whole pull succeeds.",
                            "行数超过 --max-rows 时拒绝，除非用 --limit 指定；只有整个拉取成功才会改动工作区。"),
                options=[dataset_option(),
                         Option("--as", help=("Local name (default: the same name)", "本地名称（默认同名）"), required=False),
                         Option("--limit", help=("Take only this many rows", "只取这么多行"), value="integer",
                                required=False, minimum=1),
                         Option("--max-rows", help=("Most rows a pull brings home", "一次拉取的最多行数"), value="integer",
                                default=1000000, minimum=1)],
                examples=["spark pull rfm --as rfm_local", "spark pull orders --limit 1000"])
def pull_command(ctx, dataset, limit, max_rows, **rest):
    started = time.time()
    name = rest["as"] or dataset

    def work(session):
        return pull(datasets.frame(ctx, session, dataset), ctx, ctx.scratch, name, limit=limit, guard=max_rows)

    rows = connection.run(ctx, "pull", work)
    ctx.print(ctx.text(f"pulled {rows:,} rows of {dataset} in {time.time() - started:.1f} s; stored {name} (local)",
                       f"已拉取 {dataset} 的 {rows:,} 行，用时 {time.time() - started:.1f} 秒；已存为 {name}（本地）"))


@plugin.command("push", abstract=("Send a local dataset up to Spark", "把本地数据集上传到 Spark"),
                options=[dataset_option("dataset", ("A local dataset", "本地数据集")),
                         Option("--as", help=("Name in Spark (default: the same name)", "在 Spark 中的名称（默认同名）"),
                                required=False)],
                examples=["spark push products --as products_remote"])
def push(ctx, dataset, **rest):
    started = time.time()
    name = rest["as"] or dataset

    def work(session):
        frame = datasets.frame(ctx, session, dataset)
        finish(ctx, name, frame, False, started, ctx.text(f"pushed {dataset}", f"已上传 {dataset}"))

    connection.run(ctx, "push", work)


@plugin.command("rfm", abstract=("RFM scores and segments, computed in Spark (as segment rfm)",
                                 "RFM 评分和分群，在 Spark 中计算（同 segment rfm）"),
                discussion=("Equals segment rfm --map grid on the same data: quantile scores as pandas' qcut, "
                            "frequency on first-ranks, the 10-cell grid of R and F (names with --bins 5).",
                            "与相同数据上的 segment rfm --map grid 结果相同：分位数评分同 pandas qcut，频次按先到排名，"
                            "R×F 十格分群（--bins 5 时命名）。"),
                options=ORDER_OPTIONS + [Option("--bins", help=("Quantile bins per score", "每项评分的分位数箱数"),
                                                value="integer", default=5, minimum=2, maximum=10)]
                + result_options("rfm"),
                examples=["spark rfm orders --customer customer_id --date order_date --amount amount",
                          "spark rfm orders --customer 用户ID --date 下单日期 --amount 金额 --pull"])
def rfm_command(ctx, orders, customer, date, amount, quantity, price, order, asof, bins, pull, **rest):
    started = time.time()
    columns = history.OrderColumns(customer, date, amount, quantity, price, order)
    asof = history.checked_asof(asof, ctx)

    connection.run(ctx, "rfm", lambda session: analyses.rfm_scores(ctx, session, orders, columns, asof, bins, rest["as"],
                                                                   pull, started))


@plugin.command("features", abstract=("Per-customer features for K-Means, built in Spark from orders",
                                      "在 Spark 中由订单构建每位客户的 K-Means 特征"),
                discussion=("One row per customer: recency (days), frequency, monetary, average order value and tenure "
                            "(days since the first order), as segment rfm counts them. Cluster them locally with "
                            "segment kmeans (after --pull) or in Spark with spark kmeans.",
                            "每位客户一行：最近度（天）、频次、金额、客单价和客龄（首单至今天数），口径同 segment rfm。"
                            "可在本地用 segment kmeans 聚类（先 --pull），或在 Spark 中用 spark kmeans。"),
                options=ORDER_OPTIONS + result_options("features"),
                examples=["spark features orders --customer customer_id --date order_date --amount amount --pull"])
def features_command(ctx, orders, customer, date, amount, quantity, price, order, asof, pull, **rest):
    started = time.time()
    columns = history.OrderColumns(customer, date, amount, quantity, price, order)
    asof = history.checked_asof(asof, ctx)

    connection.run(ctx, "features", lambda session: finish(
        ctx, rest["as"], analyses.features(ctx, session, orders, columns, asof), pull, started, ctx.text("features", "特征")))


@plugin.command("kmeans", abstract=("K-Means with MLlib: features scaled in Spark as segment kmeans scales them",
                                    "用 MLlib 做 K-Means：特征在 Spark 中缩放，方式同 segment kmeans"),
                discussion=("Lloyd's algorithm from k-means|| seeds; clusters numbered by decreasing size. On data with "
                            "clear clusters it finds the same clusters as segment kmeans; the seeds differ, so on "
                            "other data the local optimum may differ. Centres (original units) come home as NAME_centers.",
                            "从 k-means|| 初始中心开始的 Lloyd 算法；簇按规模从大到小编号。在簇结构清晰的数据上与 segment kmeans "
                            "得到相同的簇；初始中心不同，其他数据上局部最优可能不同。中心（原始单位）作为 NAME_centers 存到本地。"),
                options=[dataset_option(),
                         Option("--features", help=("Feature columns", "特征列"), list=True, completion="columns"),
                         column("--id", ("Id column copied into the result", "复制到结果中的 ID 列")),
                         Option("--k", help=("Number of clusters", "簇数"), value="integer", minimum=2, maximum=1000),
                         Option("--scale", help=("Feature scaling", "特征缩放"), default="standard",
                                choices=[("standard", ("mean 0, population sd 1", "均值 0、总体标准差 1")),
                                         ("minmax", ("to 0..1", "缩放到 0..1")), ("none", ("as they are", "不缩放"))]),
                         Option("--max-iter", help=("Most iterations", "最多迭代次数"), value="integer", default=300,
                                minimum=1, maximum=100000),
                         Option("--tol", help=("Tolerance on the centre shift", "中心移动的容差"), value="number",
                                default=1e-4, minimum=0),
                         seed_option()] + result_options("segments"),
                examples=["spark kmeans features --features recency,frequency,monetary --id customer_id --k 4"])
def kmeans_command(ctx, dataset, features, id, k, scale, max_iter, tol, seed, pull, **rest):
    started = time.time()
    connection.run(ctx, "kmeans", lambda session: analyses.mllib_kmeans(
        ctx, session, dataset, features, id, k, scale, max_iter, tol, analyses.seed_of(ctx, seed), rest["as"], pull,
        started))


INTERACTION_OPTIONS = [
    dataset_option("interactions", ("One row per purchase or click", "每次购买或点击一行")),
    column("--user", ("User column", "用户列")), column("--item", ("Item column", "商品列")),
    column("--weight", ("Weight column (default: 1 per row)", "权重列（默认每行 1）"), required=False),
    Option("--damping", help=("How repeated purchases count, as recommend for", "重复购买的计法，同 recommend for"),
           default="log", choices=[("none", ("the summed weight", "求和的权重")), ("binary", ("1 for any purchase", "购买即计 1")),
                                   ("log", ("ln(1 + w)", "ln(1 + w)")), ("bm25", ("w·2.2/(1.2+w)", "w·2.2/(1.2+w)"))]),
    Option("--target", help=("Recommend for this user only (default: all users)", "只为该用户推荐（默认：所有用户）"),
           required=False),
    Option("--top", help=("Items per user", "每位用户的推荐数"), value="integer", default=10, minimum=1, maximum=1000),
]


@plugin.command("itemknn", abstract=("Item-kNN recommendations, co-occurrence cosine in Spark SQL (as recommend for)",
                                     "物品近邻推荐，在 Spark SQL 中计算共现余弦（同 recommend for）"),
                discussion=("Scores equal recommend for --method itemknn's model scores; ties rank by item. Users "
                            "with no scored item get none (the local command fills with popular items).",
                            "得分与 recommend for --method itemknn 的模型得分相同；同分按商品排序。没有可评分商品的用户不推荐"
                            "（本地命令会用热门商品补足）。"),
                options=INTERACTION_OPTIONS + [
                    Option("--neighbours", help=("Neighbours kept per item", "每个商品保留的近邻数"), value="integer",
                           default=20, minimum=1, maximum=10000),
                    Option("--shrink", help=("Shrinkage of the cosine", "余弦的收缩项"), value="number", default=5,
                           minimum=0)] + result_options("recommendations"),
                examples=["spark itemknn orders --user customer_id --item product_id --top 5"])
def itemknn_command(ctx, interactions, user, item, weight, damping, target, top, neighbours, shrink, pull,
                    **rest):
    started = time.time()

    connection.run(ctx, "itemknn", lambda session: analyses.itemknn(
        ctx, session, interactions, user, item, weight, damping, target, top, neighbours, shrink, rest["as"], pull,
        started))


@plugin.command("als", abstract=("ALS recommendations with MLlib (implicit feedback)", "用 MLlib ALS 推荐（隐式反馈）"),
                options=INTERACTION_OPTIONS + [
                    Option("--rank", help=("Latent factors", "隐因子数"), value="integer", default=10, minimum=1,
                           maximum=1000),
                    Option("--iterations", help=("ALS iterations", "迭代次数"), value="integer", default=10, minimum=1,
                           maximum=1000),
                    Option("--regularization", help=("L2 regularization", "L2 正则化"), value="number", default=0.1,
                           minimum=0),
                    seed_option()] + result_options("recommendations"),
                examples=["spark als orders --user customer_id --item product_id --top 5 --seed 7"])
def als_command(ctx, interactions, user, item, weight, damping, target, top, rank, iterations, regularization, seed, pull,
                **rest):
    started = time.time()

    connection.run(ctx, "als", lambda session: analyses.als(
        ctx, session, interactions, user, item, weight, damping, target, top, rank, iterations, regularization,
        analyses.seed_of(ctx, seed), rest["as"], pull, started))


@plugin.command("forecast", abstract=("Per-SKU daily forecasts in Spark SQL (naive, drift, ma, ses)",
                                      "在 Spark SQL 中按 SKU 做日度预测（naive、drift、ma、ses）"),
                discussion=("History is aggregated per series and day in Spark and the model runs there as SQL: naive, "
                            "drift and ma equal forecast predict's; ses smooths with the given --alpha (forecast "
                            "predict fits it). Other models: spark sql to aggregate, --pull, then forecast predict.",
                            "历史在 Spark 中按序列和日汇总，模型以 SQL 在 Spark 中运行：naive、drift、ma 与 forecast predict 相同；"
                            "ses 使用给定的 --alpha（forecast predict 会拟合它）。其他模型：先用 spark sql 汇总并 --pull，再用 forecast predict。"),
                options=[dataset_option("history", ("Sales history (date, value, series)", "销售历史（日期、数值、序列）")),
                         column("--date", ("Date column", "日期列")), column("--value", ("Demand column", "需求列")),
                         column("--by", ("Series column, e.g. the SKU", "序列列，如 SKU"), required=False),
                         Option("--model", help=("Model run as SQL", "以 SQL 运行的模型"), default="ses",
                                choices=[("naive", ("last value", "最后一个值")),
                                         ("drift", ("line through first and last", "首尾连线")),
                                         ("ma", ("mean of the last --window days", "最近 --window 天的均值")),
                                         ("ses", ("simple exponential smoothing with --alpha", "以 --alpha 做简单指数平滑"))]),
                         Option("--window", help=("Days averaged by ma", "ma 平均的天数"), value="integer", default=7,
                                minimum=1, maximum=10000),
                         Option("--alpha", help=("Smoothing weight of ses", "ses 的平滑系数"), value="number",
                                default=0.3, minimum=0.0001, maximum=1),
                         Option("--horizon", help=("Days ahead", "预测天数"), value="integer", default=14, minimum=1,
                                maximum=10000)] + result_options("forecasts"),
                examples=["spark forecast sales --date day --value qty --by sku --model ses --alpha 0.3 --horizon 14"])
def forecast_command(ctx, history, date, value, by, model, window, alpha, horizon, pull, **rest):
    started = time.time()

    ctx.print(ctx.text(f"{model} forecasts computed in Spark SQL (per-series daily history stays in Spark)",
                       f"{model} 预测在 Spark SQL 中计算（每个序列的日度历史留在 Spark）"))
    connection.run(ctx, "forecast", lambda session: analyses.sql_forecast(
        ctx, session, history, date, value, by, model, window, alpha, horizon, rest["as"], pull, started))


if __name__ == "__main__":
    plugin.main()
