"""Recommendations in Spark. itemknn is `recommend for --method itemknn`
(plugins/Recommend/NeighbourModel.swift) in SQL: r(u,i) the summed weights of a user's
rows for an item after --damping (default log: ln(1 + w)), sim(i,j) = r_i.r_j / (|r_i| |r_j| + shrink) keeping each item's
--neighbours nearest, score(u,j) = sum over the user's items of r(u,i) sim(i,j), unseen
items only, ties by item. als is MLlib's alternating least squares on the same r(u,i)."""
from sparkops.tables import quote


# plugins/Recommend/Damping.swift: how the summed weight w of a user and an item becomes r(u,i)
DAMPING = {"none": "w", "binary": "1D", "log": "ln(1 + w)", "bm25": "w * 2.2D / (1.2D + w)"}


def interactions_sql(view, user, item, weight, damping):
    q = quote
    w = f"CAST({q(weight)} AS DOUBLE)" if weight else "1D"
    return f"""SELECT user, item, {DAMPING[damping]} AS r FROM (
                   SELECT {q(user)} AS user, {q(item)} AS item, sum({w}) AS w FROM {view}
                   WHERE {q(user)} IS NOT NULL AND {q(item)} IS NOT NULL AND {w} IS NOT NULL AND NOT isnan({w})
                   GROUP BY {q(user)}, {q(item)})"""


def itemknn_sql(interactions, neighbours, shrink, top, target_sql):
    """Top `top` unseen items per user (of `target_sql`, a user filter) with score and rank."""
    return f"""
        WITH r AS ({interactions}),
        norms AS (SELECT item, sqrt(sum(r * r)) AS norm FROM r GROUP BY item),
        dots AS (
            SELECT a.item AS i, b.item AS j, sum(a.r * b.r) AS dot
            FROM r a JOIN r b ON a.user = b.user AND a.item <> b.item GROUP BY a.item, b.item
        ), sims AS (
            SELECT i, j, dot / (ni.norm * nj.norm + {float(shrink)!r}) AS s FROM dots
            JOIN norms ni ON ni.item = i JOIN norms nj ON nj.item = j
        ), nearest AS (
            SELECT i, j, s FROM (SELECT *, row_number() OVER (PARTITION BY i ORDER BY s DESC, j) AS k FROM sims)
            WHERE k <= {int(neighbours)}
        ), scores AS (
            SELECT r.user, nearest.j AS item, sum(r.r * nearest.s) AS score
            FROM r JOIN nearest ON r.item = nearest.i WHERE {target_sql} GROUP BY r.user, nearest.j
        ), unseen AS (
            SELECT s.* FROM scores s LEFT ANTI JOIN r ON r.user = s.user AND r.item = s.item
        )
        SELECT user, item, score, rank FROM (
            SELECT *, row_number() OVER (PARTITION BY user ORDER BY score DESC, item) AS rank FROM unseen)
        WHERE rank <= {int(top)} ORDER BY user, rank"""


def als(session, interactions, rank, iterations, regularization, seed, top, target_sql):
    """MLlib ALS (implicit preferences) on r(u,i): the top unseen items per user, and the training RMSE."""
    from pyspark.ml.recommendation import ALS

    r = session.sql(interactions)
    users = r.select("user").distinct().withColumn("uid", _dense_id("user"))
    items = r.select("item").distinct().withColumn("iid", _dense_id("item"))
    coded = r.join(users, "user").join(items, "item")
    model = ALS(rank=rank, maxIter=iterations, regParam=regularization, seed=seed, implicitPrefs=True,
                userCol="uid", itemCol="iid", ratingCol="r", coldStartStrategy="drop").fit(coded)
    wanted = coded.where(target_sql.replace("r.user", "user")).select("uid").distinct()
    seen = coded.select("uid", "iid")
    total = items.count()
    recs = model.recommendForUserSubset(wanted, min(total, top + int(coded.groupBy("uid").count().agg({"count": "max"}).collect()[0][0])))
    from pyspark.sql import functions as F
    exploded = recs.select("uid", F.posexplode("recommendations").alias("pos", "rec")) \
        .select("uid", F.col("rec.iid").alias("iid"), F.col("rec.rating").alias("score"))
    unseen = exploded.join(seen, ["uid", "iid"], "left_anti")
    from pyspark.sql.window import Window
    ranked = unseen.withColumn("rank", F.row_number().over(Window.partitionBy("uid").orderBy(F.desc("score"), "iid")))
    return ranked.where(F.col("rank") <= top).join(users, "uid").join(items, "iid") \
        .select("user", "item", "score", "rank").orderBy("user", "rank")


def _dense_id(column):
    """0-based integer ids in the order of the values (ALS needs integer ids)."""
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window
    return (F.row_number().over(Window.orderBy(column)) - 1).cast("int")
