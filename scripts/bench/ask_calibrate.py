#!/usr/bin/env python3
"""Refits the knowledge base's confidence (plugins/Ask/Retrieval/RetrievalConfidence.swift):
a logistic regression of "the best entry is the expected one" (out-of-scope
questions: never) on the coverage, over all eight bundled Chinese sets (the
two development sets and the six of examples/ask_validation, 620 questions:
every one of them has been looked at while tuning by now, so more shops beat
fewer), and the threshold on the resulting probability that maximises
accuracy there (out of scope handed off).

Input: the CSV files `ask evaluate ... --kb KB --as RES` + `export RES FILE`
wrote for those sets with --threshold 0 (columns text, expected, predicted, confidence: the
confidence is mapped back to the coverage with the constants in force).
Usage: ask_calibrate.py RESULTS.csv...   (scripts/bench/ask_calibrate runs it)"""
import csv, math, re, sys
import numpy as np

swift = open("plugins/Ask/Retrieval/RetrievalConfidence.swift", encoding="utf-8").read()
a0 = float(re.search(r"intercept = (-?[0-9.]+)", swift).group(1))
b0 = float(re.search(r"slope = (-?[0-9.]+)", swift).group(1))
xs, ys, oos = [], [], []
for path in sys.argv[1:]:
    for r in csv.DictReader(open(path, encoding="utf-8-sig")):
        p = min(max(float(r["confidence"]), 1e-12), 1 - 1e-12)
        # a question with no match at all has confidence 0: coverage 0
        xs.append(0.0 if float(r["confidence"]) == 0 else (math.log(p / (1 - p)) - a0) / b0)
        # evaluated with --threshold 0, so `predicted` is the best entry of every question
        ys.append(1.0 if r["predicted"] == r["expected"] and r["expected"] != "oos" else 0.0)
        oos.append(r["expected"] == "oos")
x, y = np.array(xs), np.array(ys)
X = np.column_stack([np.ones(len(x)), x])
w = np.zeros(2)
for _ in range(50):  # Newton's method, light ridge on the slope
    p = 1 / (1 + np.exp(-X @ w))
    g = X.T @ (p - y) + 1e-2 * np.array([0, w[1]])
    H = (X.T * (p * (1 - p))) @ X + 1e-2 * np.diag([0, 1])
    w -= np.linalg.solve(H, g)
p = 1 / (1 + np.exp(-X @ w))
o = np.array(oos)
grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
accuracy = [np.mean(np.where(o, p < t, (y == 1) & (p >= t))) for t in grid]
best = grid[int(np.argmax(accuracy))]
print(f"questions {len(x)}\nintercept {w[0]:.2f}\nslope {w[1]:.2f}\nbest_threshold {best:.2f}\naccuracy_at_best {max(accuracy):.3f}")
