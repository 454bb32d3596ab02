"""K-Means in Spark: features scaled in SQL as `segment kmeans` scales them
(plugins/Segment/Core/Scaling.swift: standard uses the population standard deviation,
minmax the range; a constant feature is left unscaled), fitted by MLlib's Lloyd
iterations, clusters renumbered by decreasing size (ties by MLlib's index) as locally."""
from opsbench_plugin import CommandError
from sparkops.tables import quote


def scaling(session, frame, features, method):
    """(shift, scale) per feature, and the features that are constant."""
    q = quote
    parts = []
    for f in features:
        c = f"CAST({q(f)} AS DOUBLE)"
        parts += [f"min({c})", f"max({c})", f"avg({c})", f"stddev_pop({c})"]
    row = frame.selectExpr(*parts).collect()[0]
    shift, scale, constant = [], [], []
    for i, f in enumerate(features):
        low, high, mean, sd = row[4 * i: 4 * i + 4]
        if low is None:
            raise CommandError(f"--features {f} has no values", code="invalid-value", option="--features")
        if low == high:
            constant.append(f)
            shift.append(0.0), scale.append(1.0)
        elif method == "standard":
            shift.append(mean), scale.append(sd)
        elif method == "minmax":
            shift.append(low), scale.append(high - low)
        else:
            shift.append(0.0), scale.append(1.0)
    return shift, scale, constant


def fit(session, frame, features, id_column, k, seed, max_iter, tol, method, ctx):
    """Assignments (id, cluster 1..k by decreasing size), centres in original units, inertia and iterations."""
    from pyspark.ml.clustering import KMeans
    from pyspark.ml.feature import VectorAssembler

    q = quote
    complete = " AND ".join(f"{q(f)} IS NOT NULL AND NOT isnan(CAST({q(f)} AS DOUBLE))" for f in features)
    rows = frame.where(complete)
    dropped = frame.count() - rows.count()
    if dropped:
        ctx.note(ctx.text(f"{dropped} rows with empty features left out", f"{dropped} 行特征为空，已排除"))
    shift, scale, constant = scaling(session, rows, features, method)
    for f in constant:
        ctx.warn(ctx.text(f"feature {f} is constant and is left unscaled", f"特征 {f} 为常数，未缩放"))
    scaled = rows.selectExpr(
        f"{q(id_column)} AS id",
        *[f"(CAST({q(f)} AS DOUBLE) - {shift[i]!r}) / {scale[i]!r} AS `x{i}`" for i, f in enumerate(features)])
    vectors = VectorAssembler(inputCols=[f"x{i}" for i in range(len(features))], outputCol="features").transform(scaled)
    model = KMeans(k=k, seed=seed, maxIter=max_iter, tol=tol, initMode="k-means||").fit(vectors)
    centers = [list(c) for c in model.clusterCenters()]
    summary = model.summary
    sizes = list(summary.clusterSizes)
    order = sorted(range(len(centers)), key=lambda c: (-sizes[c], c))
    new_label = {old: new for new, old in enumerate(order)}
    mapping = " ".join(f"WHEN {old} THEN {new + 1}" for old, new in new_label.items())
    assignments = model.transform(vectors).selectExpr("id", f"CAST(CASE prediction {mapping} END AS BIGINT) AS cluster")
    original = [[centers[old][i] * scale[i] + shift[i] for i in range(len(features))] for old in order]
    return assignments, original, [sizes[old] for old in order], summary.trainingCost, summary.numIter
