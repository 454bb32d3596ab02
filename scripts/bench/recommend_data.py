"""Benchmark inputs for scripts/bench/recommend, generated deterministically:

catalogue OUT N   N products whose descriptions recombine the real Online Retail
                  product descriptions (../shared/data/recommend/products.csv)
                  with colour, size and pack words: ProductID,Description.
interactions OUT N  about N purchases of 60,000 users over 20,000 items; each user
                  favours 1-3 of 200 topics, items within a topic and overall are
                  Zipf-popular: user,item.
grocery OUT N     a synthetic grocery log of N customers (no public grocery log
                  with customer ids ships with a package on this machine): 3,000
                  products in 60 aisles, Zipf-popular within an aisle; each
                  customer has a shopping rhythm, 1-4 favourite aisles and 4-30
                  staples re-bought with their own probability on each trip,
                  plus exploration in favourite aisles and best-sellers. Day-only
                  dates, so baskets are only told apart by order_id:
                  order_id,customer_id,product_id,order_date,quantity.
"""
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "recommend"
COLOURS = "RED BLUE PINK GREEN IVORY BLACK WHITE GOLD SILVER PURPLE ORANGE YELLOW CREAM".split()
EXTRAS = ["SET OF 3", "SET OF 6", "LARGE", "SMALL", "MINI", "JUMBO", "VINTAGE", "RETROSPOT",
          "WOODEN", "GLASS", "CERAMIC", "PAPER", "CHRISTMAS", "GIFT", "PACK OF 12", "DESIGN"]


def catalogue(out, n):
    rng = np.random.default_rng(20261129)
    base = pd.read_csv(SHARED / "products.csv")["Description"].dropna().astype(str).tolist()
    words = sorted({w for d in base for w in d.split()})
    picks = rng.integers(0, len(base), n)
    rows = []
    for i in range(n):
        parts = [base[picks[i]]]
        if rng.random() < 0.6:
            parts.append(COLOURS[rng.integers(len(COLOURS))])
        if rng.random() < 0.5:
            parts.append(EXTRAS[rng.integers(len(EXTRAS))])
        parts.append(words[rng.integers(len(words))])
        rows.append((f"P{i + 1:06d}", " ".join(parts)))
    pd.DataFrame(rows, columns=["ProductID", "Description"]).to_csv(out, index=False)


def interactions(out, n, users=60_000, items=20_000, topics=200):
    rng = np.random.default_rng(7)
    topic_of = rng.integers(0, topics, items)
    members = [np.flatnonzero(topic_of == t) for t in range(topics)]
    global_weight = 1 / np.arange(1, items + 1) ** 0.9
    global_weight /= global_weight.sum()
    counts = np.maximum(1, rng.lognormal(2.3, 0.9, users)).astype(int)
    counts = np.maximum(1, (counts * n / counts.sum()).round().astype(int))
    u_rows, i_rows = [], []
    for u in range(users):
        favourites = rng.choice(topics, rng.integers(1, 4), replace=False)
        c = counts[u]
        from_topic = rng.random(c) < 0.8
        chosen = np.empty(c, dtype=np.int64)
        k = int(from_topic.sum())
        if k:
            t = favourites[rng.integers(0, len(favourites), k)]
            ranks = np.minimum(rng.zipf(1.6, k) - 1, 10**9)
            chosen[from_topic] = [members[tt][r % len(members[tt])] for tt, r in zip(t, ranks)]
        chosen[~from_topic] = rng.choice(items, c - k, p=global_weight)
        u_rows.append(np.full(c, u))
        i_rows.append(chosen)
    df = pd.DataFrame({"user": np.concatenate(u_rows) + 100000, "item": np.char.add("I", np.concatenate(i_rows).astype(str))})
    df.to_csv(out, index=False)


def grocery(out, customers, products=3000, aisles=60):
    rng = np.random.default_rng(20261201)
    aisle_of = rng.integers(0, aisles, products)
    members = [np.flatnonzero(aisle_of == a) for a in range(aisles)]
    overall = np.cumsum(1 / np.arange(1, products + 1) ** 1.1)
    overall /= overall[-1]

    def best_sellers(n):
        return np.minimum(np.searchsorted(overall, rng.random(n)), products - 1)

    start = np.datetime64("2025-01-01")
    rows = []
    order = 100000
    for c in range(customers):
        favourites = rng.choice(aisles, rng.integers(1, 5), replace=False)
        staples = np.unique(np.concatenate([
            best_sellers(rng.integers(2, 15)),
            [members[a][min(rng.zipf(1.5) - 1, len(members[a]) - 1)] for a in rng.choice(favourites, rng.integers(2, 16))]]))
        again = rng.beta(2, 3, len(staples))
        gap = rng.uniform(3, 21)
        day = rng.uniform(0, 30)
        trips = 0
        while day < 365 and trips < 60:
            basket = set(staples[rng.random(len(staples)) < again].tolist())
            extra = rng.poisson(3)
            local = rng.random(extra) < 0.6
            for a, r in zip(favourites[rng.integers(len(favourites), size=int(local.sum()))],
                            rng.zipf(1.4, int(local.sum()))):
                basket.add(int(members[a][min(r - 1, len(members[a]) - 1)]))
            basket.update(best_sellers(extra - int(local.sum())).tolist())
            if basket:
                order += 1
                date = str(start + np.timedelta64(int(day), "D"))
                rows.extend((order, 500000 + c, f"G{p:05d}", date, int(rng.integers(1, 4))) for p in sorted(basket))
            trips += 1
            day += rng.exponential(gap)
    pd.DataFrame(rows, columns=["order_id", "customer_id", "product_id", "order_date", "quantity"]).to_csv(out, index=False)


if __name__ == "__main__":
    kind, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    {"catalogue": catalogue, "interactions": interactions, "grocery": grocery}[kind](out, n)
