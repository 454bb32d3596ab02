"""scikit-learn side of scripts/bench/segment: the same computations as opsbench.

quality FILE COLUMNS KMIN KMAX      standardised features, KMeans(n_init=10) per K:
                                    prints "K inertia silhouette" lines
speed FILE CENTERS K MAXITER THREADS KMeans(lloyd, init=CENTERS, n_init=1): prints
                                    "seconds inertia iterations peak_rss_mb"
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


def quality(path, columns, kmin, kmax):
    x = StandardScaler().fit_transform(pd.read_csv(path)[columns.split(",")].to_numpy(float))
    for k in range(kmin, kmax + 1):
        model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
        print(k, repr(model.inertia_), repr(silhouette_score(x, model.labels_)))


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
    if sys.argv[1] == "quality":
        quality(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        speed(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))
