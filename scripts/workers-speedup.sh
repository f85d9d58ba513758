#!/usr/bin/env bash
# workers-speedup.sh: how much faster `whosaid --input jsonl --workers 2` is
# than `--workers 1` on the PolNeAR train texts, and whether both write the
# same bytes. It uses hyperfine when installed, else the best of RUNS runs of
# each, run in turn. It fails when the outputs differ or the ratio is below
# MIN (1.7).
#
# Usage: scripts/workers-speedup.sh           (from the repository root)
#        RUNS=5 scripts/workers-speedup.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
input=${INPUT:-../shared/corpus/polnear/train.jsonl}
runs=${RUNS:-5}
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

# ms prints the wall time in milliseconds of one run of its arguments.
ms() {
	local s e
	s=$(date +%s%N)
	"$@" >/dev/null
	e=$(date +%s%N)
	echo $(((e - s) / 1000000))
}

if command -v hyperfine >/dev/null; then
	hyperfine --warmup 1 --runs "$runs" --export-json "$tmp/h.json" \
		"$bin --input jsonl --format jsonl --workers 1 $input" \
		"$bin --input jsonl --format jsonl --workers 2 $input"
	t1=$(grep -o '"min": *[0-9.e-]*' "$tmp/h.json" | sed -n 1p | awk '{print $2}')
	t2=$(grep -o '"min": *[0-9.e-]*' "$tmp/h.json" | sed -n 2p | awk '{print $2}')
else
	# The runs of the two alternate, so that a spell of load from other
	# processes weighs on both; the best of each is kept.
	b1="" b2=""
	for _ in $(seq "$runs"); do
		t=$(ms "$bin" --input jsonl --format jsonl --workers 1 "$input")
		if [ -z "$b1" ] || [ "$t" -lt "$b1" ]; then b1=$t; fi
		t=$(ms "$bin" --input jsonl --format jsonl --workers 2 "$input")
		if [ -z "$b2" ] || [ "$t" -lt "$b2" ]; then b2=$t; fi
	done
	t1=$(awk -v b="$b1" 'BEGIN {printf "%.3f", b / 1000}')
	t2=$(awk -v b="$b2" 'BEGIN {printf "%.3f", b / 1000}')
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
