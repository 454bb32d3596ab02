# Sourced by the benchmark scripts (bash). Provides:
#   shared_data FOLDER   the path of shared public data folder FOLDER: looked for in
#                        $OPSBENCH_SHARED/data, ../shared/data beside the repository,
#                        then ../../shared/data (a git worktree one level deeper)
#   opsbench_binary      the release opsbench: $OPSBENCH_BIN when set, else built now
#   report_start NAME    captures stdout into $out/output.log and starts $out/results.tsv
#                        with the column names given after NAME
#   result FIELD...      appends one row of the results table
#   report_finish [NOTE] writes docs/benchmarks/NAME.md (scripts/bench/report.py)
# The caller sets $root, $out and $python first.
shared_data() {
    local candidates=("${OPSBENCH_SHARED:+$OPSBENCH_SHARED/data/$1}" "$root/../shared/data/$1" "$root/../../shared/data/$1")
    for c in "${candidates[@]}"; do
        if [ -n "$c" ] && [ -d "$c" ]; then (cd "$c" && pwd); return 0; fi
    done
    echo "shared data '$1' not found (tried ${candidates[*]}); set OPSBENCH_SHARED to the folder holding data/" >&2
    exit 1
}

opsbench_binary() {
    if [ -n "${OPSBENCH_BIN:-}" ]; then echo "$OPSBENCH_BIN"; return; fi
    echo "building opsbench (release) ..." >&2
    (cd "$root" && swift build -c release --product opsbench >&2)
    echo "$(cd "$root" && swift build -c release --show-bin-path)/opsbench"
}

report_start() {
    bench_name="$1"; shift
    exec > >(tee "$out/output.log")
    (IFS=$'\t'; echo "$*") > "$out/results.tsv"
}

result() { (IFS=$'\t'; echo "$*") >> "$out/results.tsv"; }

report_finish() {
    sleep 0.2  # let tee write the last lines
    "$python" "$root/scripts/bench/report.py" "$bench_name" "$out/results.tsv" "$out/output.log" "${1:-}"
}
