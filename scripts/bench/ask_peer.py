#!/usr/bin/env python3
"""The Python peers of scripts/bench/ask on the same inputs: scikit-learn
TfidfVectorizer + LogisticRegression (defaults) on Banking77 and CLINC150 (the
out-of-scope threshold tuned on validation to maximise accuracy over in-scope
plus out-of-scope, as `ask evaluate` does), and bm25s (k1 1.5, b 0.75) index
build and one-question-at-a-time query latency. Prints `key value` lines."""
import csv, resource, sys, time
from pathlib import Path
import numpy as np

data, work, part = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]

def rows(path):
    with open(path, encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        return [row for row in r]

def quality():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    def fit(train):
        v = TfidfVectorizer()
        m = LogisticRegression(max_iter=1000).fit(v.fit_transform([t for t, _ in train]), [y for _, y in train])
        return v, m
    start = time.perf_counter()
    v, m = fit(rows(data / "banking77/train.csv"))
    test = rows(data / "banking77/test.csv")
    acc = np.mean(m.predict(v.transform([t for t, _ in test])) == np.array([y for _, y in test]))
    print("banking77_accuracy", acc)
    print("banking77_seconds", time.perf_counter() - start)
    start = time.perf_counter()
    v, m = fit(rows(work / "clinc_train.csv"))
    def predict(split):
        r = rows(work / split)
        p = m.predict_proba(v.transform([t for t, _ in r]))
        return m.classes_[p.argmax(1)], p.max(1), np.array([y for _, y in r])
    top, conf, y = predict("clinc_val.csv")
    best = (-1.0, 0.0)
    for t in np.unique(np.concatenate([[0.0], conf])):
        a = np.mean(np.where(conf >= t, top, "oos") == y)
        if a > best[0]:
            best = (a, t)
    top, conf, y = predict("clinc_test.csv")
    pred = np.where(conf >= best[1], top, "oos")
    ins = y != "oos"
    print("clinc_threshold", best[1])
    print("clinc_inscope_accuracy", np.mean(pred[ins] == y[ins]))
    print("clinc_oos_recall", np.mean(pred[~ins] == "oos"))
    # Out-of-scope recall at the highest threshold keeping in-scope accuracy ≥ 0.923 (nan if never reached).
    matched = float("nan")
    for t in np.unique(np.concatenate([[0.0], conf])):
        if np.mean((conf[ins] >= t) & (top[ins] == y[ins])) < 0.923:
            break
        matched = np.mean(conf[~ins] < t)
    print("clinc_oos_recall_matched", matched)
    print("clinc_seconds", time.perf_counter() - start)

def retrieval(size):
    import bm25s
    faq = rows(work / f"faq_{size}.csv")
    queries = rows(work / f"queries_{size}.csv")
    start = time.perf_counter()
    retriever = bm25s.BM25(k1=1.5, b=0.75)
    retriever.index(bm25s.tokenize([q for q, _, _ in faq], stopwords=None, show_progress=False), show_progress=False)
    print(f"bm25s_build_{size}", time.perf_counter() - start)
    intents = np.array([i for _, _, i in faq])
    latencies, correct = [], 0
    for text, expected in queries:
        t0 = time.perf_counter()
        tokens = bm25s.tokenize([text], stopwords=None, show_progress=False)
        docs, _ = retriever.retrieve(tokens, k=1, show_progress=False, n_threads=1)
        latencies.append((time.perf_counter() - t0) * 1000)
        correct += intents[docs[0, 0]] == expected
    print(f"bm25s_p50_ms_{size}", np.percentile(latencies, 50))
    print(f"bm25s_p99_ms_{size}", np.percentile(latencies, 99))
    print(f"bm25s_top1_{size}", correct / len(queries))

if part == "quality":
    quality()
else:
    retrieval(int(part))
print("peak_rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
