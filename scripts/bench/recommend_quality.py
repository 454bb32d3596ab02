"""Reference evaluation for `recommend evaluate` on the Online Retail sample:
the same leave-last split computed with pandas, the popularity baseline, and
implicit's item-item CosineRecommender, with the metric definitions of
plugins/Recommend/Metrics.swift. Prints one JSON object."""
import json
import sys
import time

import numpy as np
import pandas as pd
import scipy.sparse as sp


def leave_last(df):
    """Each user's last row by time (ties: the later row) is held out."""
    order = df.sort_values("t", kind="stable")
    test = order.groupby("user", sort=False).tail(1)
    train = df.drop(index=test.index)
    return train, test


def metrics(lists, relevant, k, catalogue):
    p = r = n = m = h = 0.0
    shown = set()
    for items, truth in zip(lists, relevant):
        hits, dcg, ap = 0, 0.0, 0.0
        for pos, it in enumerate(items[:k]):
            shown.add(it)
            if it in truth:
                hits += 1
                dcg += 1 / np.log2(pos + 2)
                ap += hits / (pos + 1)
        ideal = min(len(truth), k)
        idcg = sum(1 / np.log2(i + 2) for i in range(ideal))
        p += hits / k
        r += hits / len(truth)
        n += dcg / idcg
        m += ap / ideal
        h += hits > 0
    u = len(lists)
    return dict(precision=p / u, recall=r / u, ndcg=n / u, map=m / u, hit_rate=h / u,
                coverage=len(shown) / catalogue, users=u)


def main(path, k=10, neighbours=20):
    raw = pd.read_csv(path, dtype={"StockCode": str, "CustomerID": str}, usecols=["StockCode", "InvoiceDate", "CustomerID"])
    raw = raw.dropna(subset=["CustomerID", "StockCode"])  # rows without a customer are not interactions
    df = pd.DataFrame({"user": raw["CustomerID"], "item": raw["StockCode"],
                       "t": pd.to_datetime(raw["InvoiceDate"])})
    train, test = leave_last(df)
    items = pd.Index(df["item"].unique())
    users = pd.Index(df["user"].unique())
    owned = train.groupby("user")["item"].agg(set)
    eval_users, relevant = [], []
    for u, it in zip(test["user"], test["item"]):
        have = owned.get(u)
        if have and it not in have:
            eval_users.append(u)
            relevant.append({it})
    # Popularity: distinct training users per item, ties by item id.
    pop = train.groupby("item")["user"].nunique().reset_index(name="n")
    pop = pop.sort_values(["n", "item"], ascending=[False, True], kind="stable")["item"].tolist()
    pop_lists = []
    for u in eval_users:
        have = owned[u]
        pop_lists.append([it for it in pop if it not in have][:k] if len(have) < len(pop) else [])
    out = {"users": len(eval_users), "train_rows": len(train), "test_rows": len(test),
           "popular": metrics(pop_lists, relevant, k, len(items))}
    # implicit CosineRecommender on the same user x item count matrix.
    from implicit.nearest_neighbours import CosineRecommender
    counts = train.groupby(["user", "item"]).size().reset_index(name="c")
    ui = sp.csr_matrix((counts["c"].astype(np.float64), (users.get_indexer(counts["user"]),
                                                          items.get_indexer(counts["item"]))),
                       shape=(len(users), len(items)))
    for K in sorted({neighbours, 100}):
        model = CosineRecommender(K=K)
        start = time.perf_counter()
        model.fit(ui, show_progress=False)
        rows = users.get_indexer(eval_users)
        ids, _ = model.recommend(rows, ui[rows], N=k, filter_already_liked_items=True)
        elapsed = time.perf_counter() - start
        lists = [[items[j] for j in row if j >= 0] for row in ids]
        out[f"implicit_cosine_K{K}"] = metrics(lists, relevant, k, len(items)) | {"seconds": elapsed}
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
