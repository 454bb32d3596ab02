"""The Python peers of scripts/bench/recommend (each run is one timed process).

similar CSV OUT K     TfidfVectorizer (\\b\\w+\\b words, lower-cased: the same terms as
                      the opsbench tokenizer on Latin text) + sparse X·Xᵀ in row chunks
                      + argpartition: top-K similar items of every product.
itemknn CSV K N       implicit CosineRecommender(K) fit on the user × item count
                      matrix + top-N for every user (already bought items filtered).
ease CSV USER ITEM LAMBDA  numpy EASE on the binary user × item matrix (np.linalg.inv,
                      X·B, argsort) + top-10 for every user.
Prints {"seconds": compute time without reading/writing files} as JSON.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import scipy.sparse as sp


def similar(path, out, k, chunk=1000):
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    start = time.perf_counter()
    from sklearn.feature_extraction.text import TfidfVectorizer
    x = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b").fit_transform(df.iloc[:, 1])
    xt = x.T.tocsr()
    n = x.shape[0]
    top = np.empty((n, k), dtype=np.int64)
    scores = np.empty((n, k))
    for a in range(0, n, chunk):
        b = min(n, a + chunk)
        s = (x[a:b] @ xt).toarray()
        s[np.arange(b - a), np.arange(a, b)] = -1.0
        idx = np.argpartition(-s, k, axis=1)[:, :k]
        part = np.take_along_axis(s, idx, axis=1)
        order = np.argsort(-part, axis=1, kind="stable")
        top[a:b] = np.take_along_axis(idx, order, axis=1)
        scores[a:b] = np.take_along_axis(part, order, axis=1)
    elapsed = time.perf_counter() - start
    ids = df.iloc[:, 0].to_numpy()
    pd.DataFrame({"item": np.repeat(ids, k), "similar": ids[top.ravel()], "rank": np.tile(np.arange(1, k + 1), n),
                  "score": scores.ravel()}).to_csv(out, index=False, float_format="%.17g")
    print(json.dumps({"seconds": elapsed}))


def itemknn(path, k, n):
    df = pd.read_csv(path, dtype=str)
    start = time.perf_counter()
    from implicit.nearest_neighbours import CosineRecommender
    users, user_ids = pd.factorize(df.iloc[:, 0])
    items, item_ids = pd.factorize(df.iloc[:, 1])
    ui = sp.csr_matrix((np.ones(len(df)), (users, items)), shape=(len(user_ids), len(item_ids)))
    ui.sum_duplicates()
    model = CosineRecommender(K=k)
    model.fit(ui, show_progress=False)
    rows = np.arange(ui.shape[0])
    ids, _ = model.recommend(rows, ui, N=n, filter_already_liked_items=True)
    elapsed = time.perf_counter() - start
    print(json.dumps({"seconds": elapsed, "users": int(ui.shape[0]), "items": int(ui.shape[1]),
                      "nnz": int(ui.nnz), "rows": int(ids.size)}))


def ease(path, user, item, lam, n=10):
    df = pd.read_csv(path, dtype=str, usecols=[user, item]).dropna()
    start = time.perf_counter()
    users, _ = pd.factorize(df[user])
    items, item_ids = pd.factorize(df[item])
    x = sp.csr_matrix((np.ones(len(df)), (users, items)))
    x.data[:] = 1
    g = (x.T @ x).toarray()
    g[np.diag_indices_from(g)] += lam
    p = np.linalg.inv(g)
    b = -p / np.diag(p)
    b[np.diag_indices_from(b)] = 0
    top = []
    for a in range(0, x.shape[0], 2000):
        s = x[a:a + 2000] @ b
        s[x[a:a + 2000].nonzero()] = -np.inf
        top.append(np.argpartition(-s, n, axis=1)[:, :n])
    elapsed = time.perf_counter() - start
    print(json.dumps({"seconds": elapsed, "items": int(len(item_ids)), "users": int(x.shape[0])}))


if __name__ == "__main__":
    if sys.argv[1] == "ease":
        ease(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]))
    elif sys.argv[1] == "similar":
        similar(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        itemknn(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
