"""Comparisons printed by scripts/bench/recommend.

tfidf OURS CATALOGUE ID TEXT K [sublinear]
    opsbench's `recommend similar --all-items` scores against scikit-learn's
    TfidfVectorizer fed the same tokens (recommend_tokens.py as a pre-tokenised
    analyzer), X·Xᵀ and the same top-K rule (positive scores, ties by row order).
similar OURS PEER
    per item and rank, opsbench's similarity scores against the peer's.
quality EVAL_CSV REFERENCE_JSON [PLAIN_CSV]
    `recommend evaluate` next to pandas (popularity) and implicit (item-kNN);
    PLAIN_CSV: itemknn with implicit's settings (20 neighbours, no shrinkage).
timing LABEL SECONDS... -- KB...
    median wall time and peak memory of repeated runs.
"""
import json
import os
import statistics
import sys

import numpy as np
import pandas as pd


def tfidf(ours, catalogue, id_col, text_col, k, sublinear=False):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from recommend_tokens import tokens
    cat = pd.read_csv(catalogue, dtype=str, keep_default_na=False)
    texts = cat[text_col].tolist()
    keep = [i for i, t in enumerate(texts) if tokens(t)]
    vec = TfidfVectorizer(analyzer=tokens, sublinear_tf=sublinear)
    x = vec.fit_transform([texts[i] for i in keep])
    s = (x @ x.T).toarray()
    np.fill_diagonal(s, 0)
    ids = cat[id_col].to_numpy()[keep]
    ref = {}
    for r in range(len(keep)):
        order = sorted((j for j in range(len(keep)) if s[r, j] > 0), key=lambda j: (-s[r, j], j))[:k]
        ref[ids[r]] = [(ids[j], s[r, j]) for j in order]
    got = pd.read_csv(ours, dtype={id_col: str, "similar_" + id_col: str})
    worst, same_ids, pairs, untied = 0.0, 0, 0, 0
    for item, group in got.groupby(id_col, sort=False):
        expected = ref[item]
        if len(expected) != len(group):
            print(f"  {item}: {len(group)} neighbours, scikit-learn {len(expected)}")
            worst = float("inf")
        mine = dict(zip(group["similar_" + id_col], group["score"]))
        last = group["score"].min() if len(group) else 0.0
        for (eid, escore), (gid, gscore) in zip(expected, zip(group["similar_" + id_col], group["score"])):
            worst = max(worst, abs(escore - gscore))
            same_ids += eid == gid
            pairs += 1
            # A different id is a tie when scikit-learn's neighbour has the same score in our list
            # (or ties our last score and fell past the cut-off).
            if eid != gid and abs(mine.get(eid, last) - escore) > 1e-12:
                untied += 1
    print(f"  TF-IDF cosine vs scikit-learn (sublinear_tf={sublinear}): {pairs} pairs, max |diff| = {worst:.2e}, "
          f"same neighbour ids {same_ids}/{pairs}, differing ids not explained by tied scores: {untied} "
          f"-> {'OK' if worst <= 1e-9 and untied == 0 else 'MISMATCH'}")
    return worst <= 1e-9 and untied == 0


def similar(ours, peer):
    a = pd.read_csv(ours, dtype=str)
    b = pd.read_csv(peer, dtype=str)
    a.columns = ["item", "similar", "rank", "score", "reason"]
    a["score"] = a["score"].astype(float)
    b["score"] = b["score"].astype(float)
    b = b[b["score"] > 0]
    merged = a.merge(b, on=["item", "rank"], how="outer", suffixes=("_ours", "_peer"))
    missing = int((merged["score_ours"].isna() | merged["score_peer"].isna()).sum())
    diff = (merged["score_ours"] - merged["score_peer"]).abs().max()
    differ = merged[merged["similar_ours"] != merged["similar_peer"]]
    # Our score for the peer's neighbour (or our last score when it fell past the cut-off).
    mine = a.set_index(["item", "similar"])["score"]
    last = a.groupby("item")["score"].min()
    untied = 0
    for item, pid, pscore in zip(differ["item"], differ["similar_peer"], differ["score_peer"]):
        if abs(mine.get((item, pid), last.get(item, 0.0)) - pscore) > 1e-12:
            untied += 1
    print(f"  50k catalogue: {len(a)} rows; score per (item, rank) max |diff| vs scikit-learn = {diff:.2e}; "
          f"rows on one side only: {missing}; different neighbour ids: {len(differ)}, "
          f"of which not explained by tied scores: {untied} -> {'OK' if diff <= 1e-9 and untied == 0 and missing == 0 else 'MISMATCH'}")


def quality(eval_csv, reference, plain_csv=None):
    ours = pd.read_csv(eval_csv).set_index("method")
    ref = json.load(open(reference))
    print(f"  held-out users: opsbench {int(ours.loc['popular', 'users'])}, pandas {ref['users']}")
    cols = ["precision", "recall", "ndcg", "map", "hit_rate", "coverage"]
    print("  " + f"{'':28}" + "".join(f"{c:>11}" for c in cols))
    rows = [("opsbench popular", ours.loc["popular"]), ("pandas popular", ref["popular"]),
            ("opsbench itemknn", ours.loc["itemknn"])]
    if plain_csv:
        rows.append(("opsbench itemknn K20 shrink0", pd.read_csv(plain_csv).set_index("method").loc["itemknn"]))
    rows += [(f"implicit Cosine {key.split('_')[-1]}", ref[key]) for key in ref if key.startswith("implicit")]
    for label, m in rows:
        print("  " + f"{label:28}" + "".join(f"{float(m[c]):11.5f}" for c in cols))
    pop_diff = max(abs(float(ours.loc["popular", c]) - ref["popular"][c]) for c in cols)
    best = {c: max(ref[key][c] for key in ref if key.startswith("implicit")) for c in ("ndcg", "recall")}
    ok = all(float(ours.loc["itemknn", c]) >= best[c] for c in best)
    print(f"  popularity vs pandas: max |diff| = {pop_diff:.1e} -> {'OK' if pop_diff < 1e-12 else 'MISMATCH'}")
    print(f"  itemknn NDCG@10 and recall@10 >= best implicit: {'OK' if ok else 'NOT MET'}")


def timing(label, values):
    sep = values.index("--")
    secs = [float(v) for v in values[:sep]]
    kb = [float(v) for v in values[sep + 1:]]
    print(f"  {label:44} median {statistics.median(secs):8.2f} s  (runs: {', '.join(f'{s:.2f}' for s in secs)})"
          f"  peak {statistics.median(kb) / 1024:7.0f} MB")
    if os.environ.get("OPSBENCH_TIMINGS"):  # kept for the results table (speed rows of scripts/bench/recommend)
        with open(os.environ["OPSBENCH_TIMINGS"], "a", encoding="utf-8") as f:
            f.write(json.dumps({"label": label, "seconds": statistics.median(secs),
                                "mb": statistics.median(kb) / 1024}, ensure_ascii=False) + "\n")


def speed_row(timings, case, ours, peer, target):
    """Prints a results-table row: opsbench's time (label `ours`) over the peer's; `target`
    is the highest ratio that meets the goal ('' for none). A peer label ending in ':compute'
    uses the peer's in-process compute time (its JSON line) instead of its process time."""
    runs = {}
    for line in open(timings, encoding="utf-8"):
        entry = json.loads(line)
        runs[entry["label"]] = entry
    a = runs[ours]
    b = runs[peer] if peer in runs else None
    if b is None:
        print(f"{case}\t{a['seconds']:.2f} s, {a['mb']:.0f} MB\t\t\t\t")
        return
    ratio = a["seconds"] / b["seconds"]
    met = "" if not target else ("yes" if ratio <= float(target) else f"no ({ratio:.2f}x)")
    print(f"{case}\t{a['seconds']:.2f} s, {a['mb']:.0f} MB\t{peer}: {b['seconds']:.2f} s, {b['mb']:.0f} MB"
          f"\t{ratio:.2f}\t{'≤ ' + target if target else ''}\t{met}")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "tfidf":
        ok = tfidf(args[0], args[1], args[2], args[3], int(args[4]), len(args) > 5)
    elif cmd == "similar":
        similar(*args)
    elif cmd == "quality":
        quality(*args)
    elif cmd == "speed-row":
        speed_row(*args)
    else:
        timing(args[0], args[1:])
