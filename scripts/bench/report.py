"""Writes a benchmark's results as docs/benchmarks/NAME.md: the machine, date,
commit and load, a markdown table made from a tab-separated results file (its
first line names the columns), and the script's full output below it.

Usage: report.py NAME RESULTS.tsv OUTPUT.log [NOTE]
Each benchmark script appends its result rows to RESULTS.tsv as it goes, so the
table holds exactly the figures the same run printed."""
import datetime
import os
import platform
import subprocess
import sys

name, results, log = sys.argv[1], sys.argv[2], sys.argv[3]
note = sys.argv[4] if len(sys.argv) > 4 else ""
root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def run(*command):
    try:
        return subprocess.run(command, cwd=root, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gb():
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 2**20:.0f} GB"
    except OSError:
        pass
    return "?"


commit = run("git", "rev-parse", "--short", "HEAD")
dirty = " (with uncommitted changes)" if run("git", "status", "--porcelain", "--untracked-files=no") else ""
swift = run("swift", "--version").splitlines()
rows = [line.rstrip("\n").split("\t") for line in open(results, encoding="utf-8") if line.strip()]
header, body = rows[0], rows[1:]
lines = [
    f"# Benchmark: {name}",
    "",
    f"Written by `scripts/bench/{name}` (release build, peers in the same run). "
    "Ratios are opsbench's time over the peer's unless the column says otherwise.",
    "",
    f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
    f"- commit: {commit}{dirty}"
    + (f"; binary given by OPSBENCH_BIN: {os.environ['OPSBENCH_BIN']}" if os.environ.get("OPSBENCH_BIN") else ""),
    f"- machine: {cpu()}, {os.cpu_count()} cores, {memory_gb()}; load average at the end "
    f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}",
    f"- toolchain: {swift[0] if swift else '?'}",
]
if note:
    lines += [f"- note: {note}"]
lines += ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
lines += ["| " + " | ".join(row + [""] * (len(header) - len(row))) + " |" for row in body]
lines += ["", "## Full output", "", "```text", open(log, encoding="utf-8").read().rstrip(), "```", ""]
path = os.path.join(root, "docs", "benchmarks", f"{name}.md")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
print(f"wrote {os.path.relpath(path, root)}", file=sys.stderr)
