"""Quality benchmark of `route solve` against PyVRP and OR-Tools (guided local
search) on the instances in ../shared/data/vrp, one instance at a time, with
the same time limits. Every solution (ours and the peers') is validated and
re-costed by `route check`. Driven by scripts/bench/route.
"""
import argparse
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run_timed(cmd, cwd):
    """Runs cmd under /usr/bin/time -v; returns (exit code, stdout, wall seconds, peak MiB)."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    return proc.returncode, proc.stdout, wall, int(peak.group(1)) / 1024 if peak else float("nan")


def check(opsbench, instance, routes_csv, work):
    """`route check` on a peer's CSV: (valid, cost)."""
    script = os.path.join(work, "check.opsb")
    with open(script, "w") as f:
        f.write(f"route import {instance} --as inst\nload peer {routes_csv}\nroute check peer --stops inst\n")
    proc = subprocess.run([opsbench, "run", script, "--workspace", os.path.join(work, "ws-check")],
                          capture_output=True, text=True)
    match = re.search(r"'peer' is valid: total distance ([0-9.]+)", proc.stdout)
    return (proc.returncode == 0 and match is not None), float(match.group(1)) if match else None


def run_ours(opsbench, instance, limit, work):
    script = os.path.join(work, "solve.opsb")
    with open(script, "w") as f:
        f.write(f"route import {instance} --as inst\n"
                f"route solve inst --time-limit {limit}s --seed 1 --as sol\n"
                f"route check sol --stops inst\n")
    code, out, wall, peak = run_timed([opsbench, "run", script, "--workspace", os.path.join(work, "ws")], work)
    match = re.search(r"'sol' is valid: total distance ([0-9.]+)", out)
    return dict(valid=code == 0 and match is not None, cost=float(match.group(1)) if match else None,
                seconds=wall, peak=peak)


def run_peer(python, solver, opsbench, instance, limit, work):
    out_csv = os.path.join(work, f"{solver}.csv")
    if os.path.exists(out_csv):
        os.remove(out_csv)
    code, out, wall, peak = run_timed(
        [python, os.path.join(HERE, "route_peers.py"), solver, instance, str(limit), out_csv], work)
    try:
        info = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        info = dict(feasible=False)
    if code != 0 or not info.get("feasible"):
        return dict(valid=False, cost=None, seconds=wall, peak=peak)
    valid, cost = check(opsbench, instance, out_csv, work)
    return dict(valid=valid, cost=cost, seconds=wall, peak=peak)


def group(name):
    if name[0] in "CR" and not name.startswith("X"):
        return "Solomon"
    return "X" if name.startswith("X") else "classic"


def gap(cost, bks):
    return None if cost is None else 100 * (cost - bks) / bks


def fmt(value, digits=2):
    return "-" if value is None else f"{value:.{digits}f}"


def report(title, rows, solvers):
    print(f"\n## {title}")
    header = ["instance", "BKS"] + [f"{s} cost  gap%  ok" for s in solvers]
    print("  ".join(f"{h:>24}" if i >= 2 else f"{h:>12}" for i, h in enumerate(header)))
    for row in rows:
        cells = [f"{row['instance']:>12}", f"{row['bks']:>12g}"]
        for s in solvers:
            r = row[s]
            cells.append(f"{fmt(r['cost'], 1):>10} {fmt(gap(r['cost'], row['bks'])):>7} {'yes' if r['valid'] else 'NO':>4}")
        print("  ".join(cells))
    print()
    for g in ["classic", "X", "Solomon"]:
        members = [r for r in rows if group(r["instance"]) == g]
        if not members:
            continue
        line = [f"mean gap {g:>8} ({len(members)})"]
        for s in solvers:
            gaps = [gap(r[s]["cost"], r["bks"]) for r in members]
            ok = [x for x in gaps if x is not None]
            invalid = len(gaps) - len(ok)
            line.append(f"{s}: {fmt(statistics.mean(ok) if ok else None)}%" + (f" ({invalid} invalid)" if invalid else ""))
        print("  ".join(line))
    for s in solvers:
        peaks = [row[s]["peak"] for row in rows]
        secs = [row[s]["seconds"] for row in rows]
        print(f"{s}: median wall {statistics.median(secs):.2f} s, median peak memory {statistics.median(peaks):.0f} MiB")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--opsbench", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--limit", type=float, default=5)
    parser.add_argument("--long", type=float, default=30, help="second limit for the X instances (0: skip)")
    parser.add_argument("--instances", default="", help="comma-separated names (default: all in bks.csv)")
    parser.add_argument("--peers", default="pyvrp,ortools", help="peers to run ('' for none)")
    args = parser.parse_args()
    args.opsbench = os.path.abspath(args.opsbench)
    with open(os.path.join(args.data, "bks.csv")) as f:
        bks = {row["instance"]: float(row["bks"]) for row in csv.DictReader(f)}
    names = [n for n in args.instances.split(",") if n] or list(bks)
    peers = [p for p in args.peers.split(",") if p]
    solvers = ["opsbench"] + peers

    def instance_path(name):
        for ext in (".vrp", ".txt"):
            path = os.path.join(args.data, name + ext)
            if os.path.exists(path):
                return path
        sys.exit(f"no instance file for {name} in {args.data}")

    def run_all(selected, limit):
        rows = []
        for name in selected:
            path = instance_path(name)
            with tempfile.TemporaryDirectory() as work:
                row = dict(instance=name, bks=bks[name], opsbench=run_ours(args.opsbench, path, limit, work))
                for peer in peers:
                    row[peer] = run_peer(args.python, peer, args.opsbench, path, limit, work)
            rows.append(row)
            print(f"  {name}: " + ", ".join(f"{s} {fmt(row[s]['cost'], 1)}" for s in solvers), file=sys.stderr, flush=True)
        return rows

    print(f"# route benchmark: {len(names)} instance(s), limit {args.limit:g} s, peers: {', '.join(peers) or 'none'}")
    report(f"{args.limit:g}-second limit", run_all(names, args.limit), solvers)
    long_names = [n for n in names if group(n) == "X"]
    if args.long > 0 and long_names:
        report(f"{args.long:g}-second limit, X instances", run_all(long_names, args.long), solvers)


if __name__ == "__main__":
    main()
