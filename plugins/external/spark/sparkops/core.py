"""opsbench's own commands on remote datasets: the session forwards a core command here
when a dataset it names lives in Spark (declared in the handshake with the options the
command takes there). Each either runs wholly in Spark (results stay there as remote
datasets unless --pull) or does the heavy part in Spark and hands the prepared rows back
for the command to finish locally (ctx.finish_locally), saying which and why."""
import time

from opsbench_plugin import CommandError, Option
from sparkops import analyses, describe, display
from sparkops import orders as history
from sparkops.analyses import connection, datasets
from sparkops.tables import quote, schema_of, write_rows

PULL = Option("--pull", kind="flag", help=("Bring the result home at once (else it stays in Spark as a remote dataset)",
                                           "立即把结果拉回本地（否则作为远程数据集留在 Spark 中）"))
ENGINE = Option("--engine", help=("Where K-Means clusters remote data: locally on the feature table built in Spark, "
                                  "or with MLlib in Spark", "远程数据在哪里聚类：在本地对 Spark 构建的特征表聚类，或在 Spark 中用 MLlib"),
                default="local", choices=[("local", ("features built in Spark, clustered here", "在 Spark 中构建特征，在本地聚类")),
                                          ("spark", ("MLlib K-Means in Spark", "在 Spark 中用 MLlib K-Means"))])
METHOD = Option("--method", help=("Method on remote data", "远程数据上的方法"), default="itemknn",
                choices=[("itemknn", ("co-occurrence cosine in Spark SQL", "在 Spark SQL 中计算共现余弦")),
                         ("als", ("MLlib ALS, implicit feedback", "MLlib ALS（隐式反馈）"))])
ALS_OPTIONS = [
    Option("--rank", help=("ALS latent factors", "ALS 隐因子数"), value="integer", default=10, minimum=1, maximum=1000),
    Option("--iterations", help=("ALS iterations", "ALS 迭代次数"), value="integer", default=10, minimum=1, maximum=1000),
    Option("--regularization", help=("ALS L2 regularization", "ALS 的 L2 正则化"), value="number", default=0.1, minimum=0),
    Option("--seed", help=("ALS random seed (default: the session's)", "ALS 随机种子（默认：会话的种子）"), value="integer",
           required=False, minimum=0),
]
#: Forecast models that are plain SQL and equal forecast predict's.
SQL_MODELS = ("naive", "drift", "ma")
#: The most rows of a feature table or of per-series history brought home to finish locally.
LOCAL_ROWS = 5_000_000


def refuse(ctx, option, value, why_en, why_zh):
    raise CommandError(ctx.text(f"{option} {value} is not available on remote data: {why_en}",
                                f"远程数据不支持 {option} {value}：{why_zh}"),
                       hint=ctx.text("or bring the data home: spark pull NAME --as NAME_local",
                                     "或把数据拉回本地：spark pull 名称 --as 名称_local"),
                       code="invalid-value", option=option)


def bring(ctx, frame, name, guard, what):
    """Streams the rows home (in Spark's batches) for the command to finish locally."""
    started = time.time()
    path, schema, rows = write_rows(frame, ctx, ctx.scratch, name, guard=guard)
    ctx.finish_locally(name, path, schema, rows)
    ctx.print(ctx.text(f"{what}: {rows:,} rows brought home from Spark in {time.time() - started:.1f} s",
                       f"{what}：从 Spark 拉回 {rows:,} 行，用时 {time.time() - started:.1f} 秒"))


def register(plugin):
    """Declares the core commands this engine runs on its remote datasets."""

    @plugin.core(["show"])
    def show(ctx, args):
        name, rows = args.value("name"), args.integer("--rows", 10)
        wanted = args.values("--columns")

        def work(session):
            frame = datasets.frame(ctx, session, name)
            if wanted:  # only the columns asked for cross the wire; unknown ones are reported by show itself
                kept = [c for c in frame.columns if c in wanted]
                frame = frame.select(*[frame[c] for c in kept]) if kept else frame
            path, schema, count = write_rows(frame, ctx, ctx.scratch, name, limit=rows)
            ctx.finish_locally(name, path, schema, count)

        connection.run(ctx, "show", work)

    @plugin.core(["schema"])
    def schema(ctx, args):
        name = args.value("name")
        frame = connection.run(ctx, "schema", lambda s: datasets.frame(ctx, s, name))
        rows = [[f.name, f.dataType.simpleString(), t] for f, (_, t) in zip(frame.schema.fields, schema_of(frame))]
        ctx.print(display.table([ctx.text("column", "列"), "Spark", "opsbench"], rows))
        ctx.print(ctx.text(f"rows in: Spark ({connection.url}); they stay there",
                           f"数据位于：Spark（{connection.url}），不在本地"))

    @plugin.core(["describe"])
    def describe_command(ctx, args):
        name, target = args.value("name"), args.value("--as")

        def work(session):
            headers, rows = describe.statistics(session, datasets.frame(ctx, session, name))
            ctx.print(display.table(headers, [["" if v is None else v for v in row] for row in rows]))
            if target:
                ctx.store(target, {h: [row[i] for row in rows] for i, h in enumerate(headers)})

        connection.run(ctx, "describe", work)

    @plugin.core(["sql"], options=[PULL])
    def sql(ctx, args):
        query, shown, target, started = args.value("query"), args.integer("--rows", 20), args.value("--as"), time.time()

        def work(session):
            for name in ctx.dataset_names:  # views under the names the query uses (a dataset may have been renamed)
                datasets.frame(ctx, session, name).createOrReplaceTempView(quote(name))
            frame = session.sql(query)
            if shown:
                ctx.print(display.table(frame.columns, [list(r) for r in frame.limit(shown).collect()]))
            if target:
                analyses.finish(ctx, target, frame, args.flag("--pull"), started, "sql")

        connection.run(ctx, "sql", work)

    @plugin.core(["export"])
    def export(ctx, args):
        names = args.values("arguments")[:-1]

        def work(session):
            for name in names:
                bring(ctx, datasets.frame(ctx, session, name), name, None, ctx.text(f"export {name}", f"导出 {name}"))

        connection.run(ctx, "export", work)

    @plugin.core(["segment", "rfm"], options=[PULL])
    def segment_rfm(ctx, args):
        if args.value("--map", "grid") != "grid":
            refuse(ctx, "--map", args.value("--map"), "Spark computes the R×F grid (--map grid)",
                   "Spark 只计算 R×F 网格（--map grid）")
        columns = history.OrderColumns(args.value("--customer"), args.value("--date"), args.value("--amount"),
                                       args.value("--quantity"), args.value("--price"), args.value("--order"))
        asof = history.checked_asof(args.value("--asof"), ctx)
        connection.run(ctx, "segment rfm", lambda session: analyses.rfm_scores(
            ctx, session, args.value("orders"), columns, asof, args.integer("--bins", 5), args.value("--as") or "rfm",
            args.flag("--pull"), time.time()))

    @plugin.core(["segment", "kmeans"], options=[ENGINE, PULL])
    def segment_kmeans(ctx, args):
        dataset, features, id_column = args.value("dataset"), args.values("--features"), args.value("--id")
        if args.value("--engine", "local") == "spark":
            k = args.value("--k", "auto")
            if k == "auto":
                refuse(ctx, "--k", k, "MLlib fits one K; give --k N (or --engine local, which chooses K)",
                       "MLlib 只拟合一个 K；请给出 --k N（或用 --engine local 自动选择 K）")
            if id_column is None:
                raise CommandError(ctx.text("--engine spark needs --id (the rows of a remote dataset have no numbers)",
                                            "--engine spark 需要 --id（远程数据集的行没有行号）"), code="missing-argument",
                                   option="--id")
            seed = args.integer("--seed")
            connection.run(ctx, "segment kmeans", lambda session: analyses.mllib_kmeans(
                ctx, session, dataset, features, id_column, int(k), args.value("--scale", "standard"),
                args.integer("--max-iter", 300), args.number("--tol", 1e-4), analyses.seed_of(ctx, seed),
                args.value("--as") or "segments", args.flag("--pull"), time.time()))
            return

        def work(session):
            frame = datasets.frame(ctx, session, dataset)
            analyses.check_columns(frame, [("--features", f) for f in features] + [("--id", id_column)])
            wanted = ([id_column] if id_column else []) + [f for f in features if f != id_column]
            bring(ctx, frame.select(*[frame[c] for c in wanted]), dataset, LOCAL_ROWS,
                  ctx.text(f"K-Means features ({', '.join(features)}) selected in Spark; clustering runs here "
                           "(--engine spark clusters with MLlib)",
                           f"K-Means 特征（{', '.join(features)}）在 Spark 中选出；在本地聚类（--engine spark 用 MLlib 聚类）"))

        connection.run(ctx, "segment kmeans", work)

    @plugin.core(["recommend", "for"], options=[METHOD, *ALS_OPTIONS, PULL])
    def recommend_for(ctx, args):
        for option in ("--basket", "--time", "--catalog"):
            if args.value(option) is not None:
                refuse(ctx, option, args.value(option), "Spark scores co-occurrence over all rows",
                       "Spark 对所有行计算共现")
        if args.flag("--include-owned") or args.number("--popularity-blend", 0) != 0:
            refuse(ctx, "--popularity-blend", args.value("--popularity-blend"), "no popularity filler in Spark",
                   "Spark 中没有热门补足")
        common = dict(interactions=args.value("interactions"), user=args.value("--user"), item=args.value("--item"),
                      weight=args.value("--weight"), damping=args.value("--damping", "log"),
                      target=None if args.flag("--all-users") else args.value("--target"),
                      top=args.integer("--top", 10), name=args.value("--as") or "recommendations",
                      pulled=args.flag("--pull"), started=time.time())
        if args.value("--method", "itemknn") == "als":
            seed = analyses.seed_of(ctx, args.integer("--seed"))
            connection.run(ctx, "recommend for", lambda session: analyses.als(
                ctx, session, rank=args.integer("--rank", 10), iterations=args.integer("--iterations", 10),
                regularization=args.number("--regularization", 0.1), seed=seed, **common))
        else:
            connection.run(ctx, "recommend for", lambda session: analyses.itemknn(
                ctx, session, neighbours=args.integer("--neighbours", 20), shrink=args.number("--shrink", 5), **common))

    @plugin.core(["forecast", "predict"], options=[PULL])
    def forecast_predict(ctx, args):
        name, date, value, by = args.value("dataset"), args.value("--date"), args.value("--value"), args.value("--by")
        model, season = args.value("--model", "auto"), args.value("--season", "auto")
        in_sql = (model in SQL_MODELS and args.value("--freq", "auto") in ("auto", "D")
                  and args.value("--regressors") is None and args.value("--future") is None
                  and (model != "ma" or season.isdigit()))
        started = time.time()
        if in_sql:
            window = int(season) if season.isdigit() and int(season) > 1 else 3
            ctx.print(ctx.text(f"forecast in Spark SQL: {model} is a SQL model, so the per-SKU daily history and the "
                               "forecasts stay in Spark (point forecasts; no intervals)",
                               f"在 Spark SQL 中预测：{model} 可用 SQL 表达，每个 SKU 的日度历史和预测都留在 Spark（点预测，无区间）"))
            connection.run(ctx, "forecast predict", lambda session: analyses.sql_forecast(
                ctx, session, name, date, value, by, model, window, 0.3, args.integer("--horizon"),
                args.value("--as") or "forecasts", args.flag("--pull"), started))
            return
        why = (ctx.text(f"model {model} is not a SQL model", f"模型 {model} 不能用 SQL 表达") if model not in SQL_MODELS
               else ctx.text("its options need the local forecaster", "其选项需要本地预测器"))

        def work(session):
            frame, view = analyses.input_view(ctx, session, name)
            analyses.check_columns(frame, [("--date", date), ("--value", value), ("--by", by)])
            key = f"{quote(by)}, " if by else ""
            daily = session.sql(f"SELECT {key}{history.day_expression(frame, date)} AS {quote(date)}, "
                                f"coalesce(sum(CAST({quote(value)} AS DOUBLE)), 0D) AS {quote(value)} FROM {view} "
                                f"GROUP BY {key}{history.day_expression(frame, date)} ORDER BY {key}{quote(date)}")
            bring(ctx, daily, name, LOCAL_ROWS,
                  ctx.text(f"forecast: per-SKU daily history aggregated in Spark and pulled in chunks; the local "
                           f"forecaster runs ({why})",
                           f"预测：每个 SKU 的日度历史在 Spark 中汇总并分批拉回；由本地预测器运行（{why}）"))

        connection.run(ctx, "forecast predict", work)
