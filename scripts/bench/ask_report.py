#!/usr/bin/env python3
"""Reads the outputs of scripts/bench/ask and prints the comparison table."""
import re, statistics, sys
from pathlib import Path

work, repeats = Path(sys.argv[1]), int(sys.argv[2])

def peer(path):
    return {k: float(v) for k, v in (line.split() for line in path.read_text().splitlines() if line.strip())}

def rss_mb(path):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", path.read_text())
    return int(m.group(1)) / 1024 if m else float("nan")

def metric(block, name):
    m = re.search(rf"^{re.escape(name)}\s+([0-9.]+)\s*$", block, re.M)
    return float(m.group(1)) if m else float("nan")

def evaluations(text):
    return re.split(r"^evaluated ", text, flags=re.M)[1:]

quality = (work / "quality.out").read_text()
evals = evaluations(quality)
ours_b77 = metric(evals[0], "accuracy")
ours_in = metric(evals[2], "in-scope accuracy at threshold")
ours_oos = metric(evals[2], "out-of-scope recall")
ours_t = metric(evals[2], "threshold in force")
sk = peer(work / "quality.peer")
ours_seconds = peer(work / "quality.extra")["opsbench_quality_seconds"]

# The in-scope accuracy of the baseline (out-of-scope recall 0.463 there).
MATCHED_INSCOPE = 0.923

def matched_operating_point(path, inscope):
    """The highest threshold whose in-scope accuracy on the test split is still at
    least `inscope`, with that accuracy and the out-of-scope recall there, from
    `ask evaluate --threshold 0 --as` rows (predicted = best intent)."""
    import csv
    rows = [(r["expected"], r["predicted"], float(r["confidence"])) for r in csv.DictReader(open(path, encoding="utf-8"))]
    ins = [(e == p, c) for e, p, c in rows if e != "oos"]
    oos = [(p == "oos", c) for e, p, c in rows if e == "oos"]
    best = (0.0, float("nan"), float("nan"))
    for t in sorted({c for _, _, c in rows} | {0.0}):
        acc = sum(ok and c >= t for ok, c in ins) / len(ins)
        if acc < inscope:
            break
        best = (t, acc, sum(flag or c < t for flag, c in oos) / len(oos))
    return best

def verdict(ok):
    return "met" if ok else "NOT MET"

print("ask benchmark (release opsbench vs Python peers, same inputs, one run)")
print()
print("quality                              opsbench   scikit-learn   target")
print(f"Banking77 test accuracy              {ours_b77:8.4f}   {sk['banking77_accuracy']:12.4f}   {verdict(ours_b77 >= sk['banking77_accuracy'])}")
print(f"CLINC150 in-scope accuracy           {ours_in:8.4f}   {sk['clinc_inscope_accuracy']:12.4f}   {verdict(ours_in >= sk['clinc_inscope_accuracy'])}")
print(f"CLINC150 out-of-scope recall         {ours_oos:8.4f}   {sk['clinc_oos_recall']:12.4f}   {verdict(ours_oos >= sk['clinc_oos_recall'])}")
print(f"CLINC150 threshold (tuned on val)    {ours_t:8.4f}   {sk['clinc_threshold']:12.4f}")
matched_t, matched_in, matched_oos = matched_operating_point(work / "clinc_test_scores.csv", MATCHED_INSCOPE)
print(f"CLINC150 out-of-scope recall at in-scope {MATCHED_INSCOPE:.3f} (matched operating point, threshold {matched_t:.4f} on test):"
      f" {matched_oos:.4f} (in-scope {matched_in:.4f}); scikit-learn {sk.get('clinc_oos_recall_matched', float('nan')):.4f}")
print(f"train+evaluate, both sets (s)        {ours_seconds:8.1f}   {sk['banking77_seconds'] + sk['clinc_seconds']:12.1f}   (opsbench includes CSV loading)")
print(f"peak memory (MB)                     {rss_mb(work / 'quality.time'):8.0f}   {sk['peak_rss_mb']:12.0f}")
print()
print("Chinese paraphrases (right entry or hand-off, over all questions)")
print("set            measure                     opsbench   plain BM25 bigrams   bm25s   ratio to plain")
for name in ("faq", "grocery_faq", "val_mall", "val_digital", "new_beauty", "new_apparel", "s6_food", "s6_home"):
    block = evaluations((work / f"para_{name}.out").read_text())[0]
    p = peer(work / f"para_{name}.peer")
    default = metric(block, 'overall accuracy at threshold')
    print(f"{name:<14} accuracy, default threshold  {default:8.4f}   {'–':>18}   {'–':>5}   {default / p['plain_accuracy']:5.2f}x")
    print(f"{name:<14} accuracy, best threshold     {metric(block, 'overall accuracy at best'):8.4f}   {p['plain_accuracy']:18.4f}   {p.get('bm25s_accuracy', float('nan')):5.4f}")
    print(f"{name:<14} top-1 accuracy (in scope)    {metric(block, 'accuracy'):8.4f}   {p['plain_top1']:18.4f}   {'–':>5}")
    print(f"{name:<14} out-of-scope recall (dflt)   {metric(block, 'out-of-scope recall'):8.4f}   {p['plain_oos_recall']:18.4f}   {p.get('bm25s_oos_recall', float('nan')):5.4f}")
    print(f"{name:<14} calibration error (ECE)      {metric(block, 'calibration error (ECE)'):8.4f}")
print("(faq, grocery_faq: development sets; val_*, new_* (session 5), s6_* (session 6): examples/ask_validation,")
print(" each committed before its session tuned anything, their first scores are in docs/ask.md; peers' figures use")
print(" the best threshold on their raw scores, an upper bound for them; target on the held-out acceptance set: 0.85)")
print()
seg = (work / "segment.out").read_text()
ours_seg = float(re.search(r"segmented \d+ bytes in ([0-9.]+) s", seg).group(1))
ours_words = int(re.search(r"(\d+) words", seg).group(1))
js = peer(work / "segment.peer")
print("segmentation of 10 MB of Chinese (processor seconds)   opsbench    jieba   ratio")
print(f"time                                                  {ours_seg:8.2f}  {js['jieba_seconds']:7.2f}  {js['jieba_seconds'] / ours_seg:5.1f}x")
print(f"words                                                 {ours_words:8d}  {int(js['jieba_words']):7d}")
print(f"target: at least as fast as jieba — {verdict(ours_seg <= js['jieba_seconds'])}")
print()
print(f"speed (median of {repeats})                  opsbench      bm25s    ratio")
for size in (100000, 10000):
    build, p50, p99, top1, mem = [], [], [], [], []
    pb, pp50, pp99, ptop1, pmem = [], [], [], [], []
    for r in range(1, repeats + 1):
        out = (work / f"speed{size}.{r}.out").read_text()
        build.append(float(re.search(r"built in ([0-9.]+) s", out).group(1)))
        m = re.search(r"p50 ([0-9.]+) ms, p99 ([0-9.]+) ms", out)
        p50.append(float(m.group(1)))
        p99.append(float(m.group(2)))
        top1.append(metric(evaluations(out)[0], "accuracy"))
        mem.append(rss_mb(work / f"speed{size}.{r}.time"))
        p = peer(work / f"speed{size}.{r}.peer")
        pb.append(p[f"bm25s_build_{size}"])
        pp50.append(p[f"bm25s_p50_ms_{size}"])
        pp99.append(p[f"bm25s_p99_ms_{size}"])
        ptop1.append(p[f"bm25s_top1_{size}"])
        pmem.append(p["peak_rss_mb"])
    med = statistics.median
    print(f"{size:>7} entries: index build (s)     {med(build):8.3f}   {med(pb):8.3f}   {med(pb) / med(build):6.1f}x")
    print(f"{size:>7} entries: query p50 (ms)      {med(p50):8.3f}   {med(pp50):8.3f}   {med(pp50) / med(p50):6.1f}x")
    print(f"{size:>7} entries: query p99 (ms)      {med(p99):8.3f}   {med(pp99):8.3f}   {med(pp99) / med(p99):6.1f}x")
    print(f"{size:>7} entries: top-1 accuracy      {med(top1):8.4f}   {med(ptop1):8.4f}")
    print(f"{size:>7} entries: peak memory (MB)    {med(mem):8.0f}   {med(pmem):8.0f}   (opsbench includes CSV loading)")
print()
p99_10k = statistics.median(float(re.search(r"p99 ([0-9.]+) ms", (work / f"speed10000.{r}.out").read_text()).group(1)) for r in range(1, repeats + 1))
print(f"target p99 < 1 ms on 10,000 entries: {p99_10k:.3f} ms — {verdict(p99_10k < 1)}")
