#!/usr/bin/env bash
# stream-memory.sh: peak memory of the command-line tool on a long JSON Lines
# stream. It builds whosaid, generates a stream of SIZE bytes (default 1G)
# from the PolNeAR dev texts repeated under distinct ids, pipes it through
# `whosaid --input jsonl --format jsonl` under /usr/bin/time -v, and fails
# when the peak resident set size reaches LIMIT_KB (default 300000 kB).
#
# Usage: scripts/stream-memory.sh            (from the repository root)
#        SIZE=100M WORKERS=2 scripts/stream-memory.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
size=${SIZE:-1G}
limit_kb=${LIMIT_KB:-300000}
src=${SRC:-../shared/corpus/polnear/dev.jsonl}
workers=${WORKERS:-$(nproc)}

[ -r "$src" ] || { echo "stream-memory: $src not found" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "stream-memory: /usr/bin/time (GNU time) is needed" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/whosaid" ./cmd/whosaid
go build -o "$tmp/genjsonl" ./scripts/genjsonl

echo "stream: $size of JSON Lines from $src; whosaid --input jsonl --format jsonl --workers $workers"
start=$(date +%s.%N)
"$tmp/genjsonl" -src "$src" -size "$size" |
	/usr/bin/time -v -o "$tmp/time.txt" "$tmp/whosaid" --input jsonl --format jsonl --workers "$workers" |
	wc -lc >"$tmp/count.txt"
end=$(date +%s.%N)

peak_kb=$(awk -F': *' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
status=$(awk -F': *' '/Exit status/ {print $2}' "$tmp/time.txt")
read -r lines bytes <"$tmp/count.txt"
wall=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}')
echo "whosaid exit status: $status"
echo "output: $lines records, $bytes bytes"
echo "wall time: ${wall}s"
echo "peak RSS: ${peak_kb} kB ($((peak_kb / 1024)) MiB); limit ${limit_kb} kB"
if [ "$status" != 0 ]; then
	echo "FAIL: whosaid exited with status $status" >&2
	exit 1
fi
if [ "$peak_kb" -ge "$limit_kb" ]; then
	echo "FAIL: peak RSS ${peak_kb} kB >= ${limit_kb} kB" >&2
	exit 1
fi
echo "ok"
