#!/usr/bin/env bash
# workers-speedup.sh: how much faster `whosaid --input jsonl --workers 2` is
# than `--workers 1` on the PolNeAR train texts, and whether both write the
# same bytes. It uses hyperfine when installed, else the best of RUNS runs of
# each. It fails when the outputs differ or the ratio is below MIN (1.7).
#
# Usage: scripts/workers-speedup.sh           (from the repository root)
#        RUNS=5 scripts/workers-speedup.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
input=${INPUT:-../shared/corpus/polnear/train.jsonl}
runs=${RUNS:-3}
min=${MIN:-1.7}
[ -r "$input" ] || { echo "workers-speedup: $input not found" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/whosaid" ./cmd/whosaid
bin="$tmp/whosaid"

"$bin" --input jsonl --format jsonl --workers 1 "$input" >"$tmp/w1.jsonl"
"$bin" --input jsonl --format jsonl --workers 2 "$input" >"$tmp/w2.jsonl"
if ! cmp -s "$tmp/w1.jsonl" "$tmp/w2.jsonl"; then
	echo "FAIL: --workers 1 and --workers 2 outputs differ" >&2
	cmp "$tmp/w1.jsonl" "$tmp/w2.jsonl" >&2 || true
	exit 1
fi
echo "outputs byte-identical ($(wc -l <"$tmp/w1.jsonl") records, $(wc -c <"$tmp/w1.jsonl") bytes)"

# best prints the best wall time in seconds of $runs runs of its arguments.
best() {
	local b="" s e t
	for _ in $(seq "$runs"); do
		s=$(date +%s%N)
		"$@" >/dev/null
		e=$(date +%s%N)
		t=$(((e - s) / 1000000))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	done
	awk -v b="$b" 'BEGIN {printf "%.3f", b / 1000}'
}

if command -v hyperfine >/dev/null; then
	hyperfine --warmup 1 --runs "$runs" --export-json "$tmp/h.json" \
		"$bin --input jsonl --format jsonl --workers 1 $input" \
		"$bin --input jsonl --format jsonl --workers 2 $input"
	t1=$(grep -o '"min": *[0-9.e-]*' "$tmp/h.json" | sed -n 1p | awk '{print $2}')
	t2=$(grep -o '"min": *[0-9.e-]*' "$tmp/h.json" | sed -n 2p | awk '{print $2}')
else
	t1=$(best "$bin" --input jsonl --format jsonl --workers 1 "$input")
	t2=$(best "$bin" --input jsonl --format jsonl --workers 2 "$input")
fi
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
echo "load average after the runs: $load on $(nproc) CPUs (other work on the machine lowers the speed-up)"
ratio=$(awk -v a="$t1" -v b="$t2" 'BEGIN {printf "%.2f", a / b}')
mb=$(awk -v n="$(wc -c <"$input")" 'BEGIN {printf "%.1f", n / 1e6}')
echo "input: $input ($mb MB of JSON Lines), best of $runs"
echo "--workers 1: ${t1}s"
echo "--workers 2: ${t2}s"
echo "speed-up: ${ratio}x (target >= ${min}x on 2 idle cores)"
if awk -v r="$ratio" -v m="$min" 'BEGIN {exit !(r < m)}'; then
	echo "FAIL: speed-up ${ratio}x < ${min}x" >&2
	exit 1
fi
echo "ok"
