#!/usr/bin/env python3
"""Segmentation peer for scripts/bench/ask.

  ask_segment_peer.py make DATA_DIR OUT.txt MB   writes ~MB megabytes of Chinese text: the
      sentences of the repository's example FAQs and paraphrases and zh_chatterbot,
      shuffled (seed 7) and repeated, one per line;
  ask_segment_peer.py jieba FILE                 times (processor time) jieba.cut(line) (default mode, HMM on)
      over every line, prints jieba_seconds, jieba_words."""
import csv, glob, os, random, sys, time

if sys.argv[1] == "make":
    data, out, mb = sys.argv[2], sys.argv[3], float(sys.argv[4])
    root = os.path.join(os.path.dirname(__file__), "../..")
    sentences = []
    for path in glob.glob(os.path.join(root, "examples/*faq*.csv")) + [os.path.join(data, "zh_chatterbot/zh_chatterbot.csv")]:
        for row in csv.reader(open(path, encoding="utf-8")):
            sentences += [c for c in row if any("\u4e00" <= ch <= "\u9fff" for ch in c)]
    rng = random.Random(7)
    size, lines = 0, []
    while size < mb * 1e6:
        s = rng.choice(sentences).replace("\n", " ")
        lines.append(s)
        size += len(s.encode("utf-8")) + 1
    open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n")
else:
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    lines = open(sys.argv[2], encoding="utf-8").read().split("\n")
    start = time.process_time()  # processor time, as opsbench reports it: fair on a busy machine
    words = sum(1 for line in lines if line for w in jieba.cut(line) if w.strip())
    print(f"jieba_seconds {time.process_time() - start:.3f}\njieba_words {words}")
