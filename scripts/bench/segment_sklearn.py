"""scikit-learn side of scripts/bench/segment: the same computations as opsbench.

quality FILE COLUMNS KMIN KMAX SEEDS [SCALE]
                                      standardised features (SCALE log1p: log(1 + x) first), KMeans(n_init=10,
                                      random_state=s) for s < SEEDS: prints "K median_inertia min_inertia silhouette_of_seed_0"
speed FILE CENTERS K MAXITER THREADS  KMeans(lloyd, init=CENTERS, n_init=1): prints
                                      "fit_seconds inertia iterations peak_rss_mb"
sweep FILE KMIN KMAX THREADS          K = KMIN..KMAX, KMeans(n_init=10) on standardised data and
                                      silhouette_score(sample_size=20000): prints "seconds best_k peak_rss_mb"
blobs OUT CENTERS N D K SEED [SPREAD] N rows of D features around K Gaussian centres drawn in
                                      [-10, 10]^D, standard deviation SPREAD (default 2; larger overlaps them),
                                      as CSV f1..fD, and K random rows of it as initial centres (CSV)
"""
import resource
import sys
import time

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits


def quality(path, columns, kmin, kmax, seeds, scale):
    x = pd.read_csv(path)[columns.split(",")].to_numpy(float)
    x = StandardScaler().fit_transform(np.log1p(x) if scale == "log1p" else x)
    for k in range(kmin, kmax + 1):
        models = [KMeans(n_clusters=k, n_init=10, random_state=s).fit(x) for s in range(seeds)]
        inertias = [m.inertia_ for m in models]
        print(k, repr(float(np.median(inertias))), repr(min(inertias)), repr(silhouette_score(x, models[0].labels_)))


def sweep(path, kmin, kmax, threads):
    x = pd.read_csv(path).to_numpy(float)
    with threadpool_limits(threads):
        start = time.perf_counter()
        x = StandardScaler().fit_transform(x)
        scores = {}
        for k in range(kmin, kmax + 1):
            labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x).labels_
            scores[k] = silhouette_score(x, labels, sample_size=min(20000, len(x)), random_state=0)
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.3f} {max(scores, key=scores.get)} {peak:.0f}")


def blobs(out, centers_out, n, d, k, seed, spread):
    rng = np.random.default_rng(seed)
    centers = rng.uniform(-10, 10, size=(k, d))
    labels = rng.integers(0, k, size=n)
    x = centers[labels] + rng.normal(scale=spread, size=(n, d))
    columns = [f"f{i + 1}" for i in range(d)]
    pd.DataFrame(x, columns=columns).to_csv(out, index=False, float_format="%.5f")
    x = pd.read_csv(out).to_numpy(float)
    pd.DataFrame(x[rng.choice(n, size=k, replace=False)], columns=columns).to_csv(
        centers_out, index=False, float_format="%.5f")


def speed(path, centers, k, max_iter, threads):
    x = pd.read_csv(path).to_numpy(float)
    init = pd.read_csv(centers).to_numpy(float)[:k]
    with threadpool_limits(threads):
        start = time.perf_counter()
        model = KMeans(n_clusters=k, init=init, n_init=1, max_iter=max_iter, algorithm="lloyd").fit(x)
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.3f} {model.inertia_!r} {model.n_iter_} {peak:.0f}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "quality":
        quality(args[0], args[1], int(args[2]), int(args[3]), int(args[4]), args[5] if len(args) > 5 else "standard")
    elif command == "speed":
        speed(args[0], args[1], int(args[2]), int(args[3]), int(args[4]))
    elif command == "sweep":
        sweep(args[0], int(args[1]), int(args[2]), int(args[3]))
    else:
        blobs(args[0], args[1], int(args[2]), int(args[3]), int(args[4]), int(args[5]), float(args[6]) if len(args) > 6 else 2.0)
