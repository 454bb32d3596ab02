#!/usr/bin/env python3
"""Peers for the Chinese paraphrase sets of scripts/bench/ask: a plain Okapi
BM25 (k1 1.5, b 0.75) over character bigrams (plus unigrams of one-character
runs) of question + answer, written out here, and bm25s on the same tokens.
A question is right when the top entry is the expected one (one of them when
they are written A|B: an FAQ's twin entries in two languages) at or above the
hand-off threshold, or, out of scope, when it is handed off; the threshold on
the raw score is the best one for each set (an oracle, so the peers' figures
are an upper bound).

Usage: ask_paraphrase_peer.py FAQ.csv PARAPHRASES.csv  → key value lines."""
import csv, math, re, sys, collections

faq = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
tests = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))

def tokens(text):
    out = []
    for run in re.findall(r"[\u4e00-\u9fff]+|[A-Za-z0-9]+", text.lower()):
        if re.match(r"[a-z0-9]", run):
            out.append(run)
        elif len(run) == 1:
            out.append(run)
        else:
            out += [run[i:i + 2] for i in range(len(run) - 1)]
    return out

docs = [tokens(r["question"] + " " + r["answer"]) for r in faq]

def plain_bm25(query):
    n = len(docs); avg = sum(map(len, docs)) / n
    df = collections.Counter(t for d in docs for t in set(d))
    scores = []
    for d in docs:
        tf = collections.Counter(d); s = 0.0
        for t in set(query):
            if t in tf:
                idf = math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
                s += idf * tf[t] * 2.5 / (tf[t] + 1.5 * (0.25 + 0.75 * len(d) / avg))
        scores.append(s)
    return scores

def evaluate(rank):
    results = []
    for r in tests:
        scores = rank(tokens(r["text"]))
        best = max(range(len(scores)), key=lambda i: (scores[i], -i))
        oos = r["question"] == "oos"
        results.append((not oos and faq[best]["question"] in r["question"].split("|"), oos, scores[best]))
    def acc(t):
        return sum((c < t) if o else (ok and c >= t) for ok, o, c in results) / len(results)
    t = max(sorted(set(c for _, _, c in results)) + [float("inf")], key=acc)
    ins = [x for x in results if not x[1]]; oos = [x for x in results if x[1]]
    return (acc(t), sum(ok and c >= t for ok, _, c in ins) / len(ins), sum(c < t for _, _, c in oos) / max(len(oos), 1),
            sum(ok for ok, _, _ in ins) / len(ins))

a, i, o, top1 = evaluate(plain_bm25)
print(f"plain_accuracy {a:.4f}\nplain_inscope {i:.4f}\nplain_oos_recall {o:.4f}\nplain_top1 {top1:.4f}")
try:
    import bm25s, numpy as np
    retriever = bm25s.BM25(k1=1.5, b=0.75)
    vocab = {t: k for k, t in enumerate(sorted({t for d in docs for t in d}))}
    retriever.index(bm25s.tokenization.Tokenized(ids=[[vocab[t] for t in d] for d in docs], vocab=vocab), show_progress=False)
    def rank_bm25s(query):
        ids = [vocab[t] for t in query if t in vocab]
        return list(retriever.get_scores(ids)) if ids else [0.0] * len(docs)
    a, i, o, _ = evaluate(rank_bm25s)
    print(f"bm25s_accuracy {a:.4f}\nbm25s_inscope {i:.4f}\nbm25s_oos_recall {o:.4f}")
except ImportError:
    pass
