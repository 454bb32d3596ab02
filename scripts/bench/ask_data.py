#!/usr/bin/env python3
"""Writes the inputs of scripts/bench/ask into OUT: CLINC150 splits as CSV and
synthetic FAQ knowledge bases with paraphrased queries (seeded, reproducible)."""
import csv, json, random, re, sys
from pathlib import Path

data, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)

def write(name, header, rows):
    with open(out / name, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)

clinc = json.load(open(data / "clinc150/data_full.json"))
write("clinc_train.csv", ["text", "intent"], clinc["train"])
write("clinc_val.csv", ["text", "intent"], clinc["val"] + clinc["oos_val"])
write("clinc_test.csv", ["text", "intent"], clinc["test"] + clinc["oos_test"])

# Synthetic FAQ: questions of 6-14 words drawn (Zipf-like) from the real
# vocabulary of Banking77 and CLINC150; a query keeps 60-80% of an entry's
# words, shuffled, plus one or two other words.
words = []
for row in csv.reader(open(data / "banking77/train.csv", encoding="utf-8")):
    words += re.findall(r"[a-z]{2,}", row[0].lower())
for text, _ in clinc["train"]:
    words += re.findall(r"[a-z]{2,}", text)
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
vocab = sorted(counts, key=lambda w: (-counts[w], w))
weights = [1 / (rank + 10) for rank in range(len(vocab))]
rng = random.Random(7)

def kb(size, queries):
    entries = [rng.choices(vocab, weights, k=rng.randint(6, 14)) for _ in range(size)]
    write(f"faq_{size}.csv", ["question", "answer", "intent"],
          [(" ".join(e), f"answer {i}", f"e{i}") for i, e in enumerate(entries)])
    rows = []
    for _ in range(queries):
        i = rng.randrange(size)
        kept = rng.sample(entries[i], max(2, round(len(entries[i]) * rng.uniform(0.6, 0.8))))
        kept += rng.choices(vocab, weights, k=rng.randint(1, 2))
        rng.shuffle(kept)
        rows.append((" ".join(kept), f"e{i}"))
    write(f"queries_{size}.csv", ["text", "intent"], rows)

kb(100_000, 10_000)
kb(10_000, 10_000)
