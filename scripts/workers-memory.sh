#!/usr/bin/env bash
# workers-memory.sh: peak memory of `whosaid --input jsonl` on large
# articles with few and with very many workers. It builds whosaid, makes
# 100 MB of articles of about 1 MiB (99 of them) from the project's
# annotated articles, runs --workers 2 and --workers 10000 (clamped to
# 256) under /usr/bin/time -v, and checks that both write the same bytes.
#
# Usage: scripts/workers-memory.sh            (from the repository root)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -x /usr/bin/time ] || { echo "workers-memory: /usr/bin/time (GNU time) is needed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/whosaid" ./cmd/whosaid
go run ./scripts/genjsonl -src testdata/articles/gold.jsonl -size 100M -article 1M >"$tmp/in.jsonl"
echo "input: $(wc -l <"$tmp/in.jsonl") articles, $(wc -c <"$tmp/in.jsonl") bytes"
for w in 2 10000; do
	/usr/bin/time -v -o "$tmp/time-$w.txt" "$tmp/whosaid" --input jsonl --workers "$w" "$tmp/in.jsonl" >"$tmp/out-$w.jsonl" 2>/dev/null
	peak_kb=$(awk -F': *' '/Maximum resident set size/ {print $2}' "$tmp/time-$w.txt")
	wall=$(awk '/Elapsed/ {print $NF}' "$tmp/time-$w.txt")
	echo "--workers $w: peak RSS $((peak_kb / 1024)) MiB, wall $wall"
done
cmp -s "$tmp/out-2.jsonl" "$tmp/out-10000.jsonl" && echo "same output" || { echo "FAIL: outputs differ" >&2; exit 1; }
