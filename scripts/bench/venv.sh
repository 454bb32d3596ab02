#!/usr/bin/env bash
# Makes (once) a throwaway Python venv with the peers the benchmarks compare
# against, and prints its python path. Location: $OPSBENCH_BENCH_VENV, default
# .venv-bench in the repository (git-ignored). Arguments, when given, name the
# only packages to make sure of (e.g. `venv.sh numpy duckdb`).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${OPSBENCH_BENCH_VENV:-$root/.venv-bench}"
packages=(numpy pandas scikit-learn scipy implicit statsforecast pyvrp ortools bm25s threadpoolctl duckdb polars openpyxl jieba)
if [ $# -gt 0 ]; then packages=("$@"); fi
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" >&2
fi
missing=()
for p in "${packages[@]}"; do
    "$venv/bin/python" -m pip show -q "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} into $venv ..." >&2
    "$venv/bin/python" -m pip install -q "${missing[@]}" >&2
fi
echo "$venv/bin/python"
