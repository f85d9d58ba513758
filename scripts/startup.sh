#!/usr/bin/env bash
# startup.sh: wall time of the command-line tool on a one-line input, model
# and lexicon loading included; the best of RUNS (20) runs. It fails when the
# best reaches LIMIT_MS (100).
#
# Usage: scripts/startup.sh                   (from the repository root)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${RUNS:-20}
limit_ms=${LIMIT_MS:-100}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/whosaid" ./cmd/whosaid
printf '%s\n' '{"id":"one","text":"“We will rebuild,” the mayor said on Tuesday."}' >"$tmp/one.jsonl"

"$tmp/whosaid" --input jsonl --format jsonl "$tmp/one.jsonl"
best="" all=""
for _ in $(seq "$runs"); do
	s=$(date +%s%N)
	"$tmp/whosaid" --input jsonl --format jsonl "$tmp/one.jsonl" >/dev/null
	e=$(date +%s%N)
	us=$(((e - s) / 1000))
	all="$all $((us / 1000))"
	if [ -z "$best" ] || [ "$us" -lt "$best" ]; then best=$us; fi
done
echo "runs (ms):$all"
echo "start-up on a one-line input: best $(awk -v b="$best" 'BEGIN {printf "%.1f", b / 1000}') ms of $runs runs (limit ${limit_ms} ms)"
if [ "$best" -ge $((limit_ms * 1000)) ]; then
	echo "FAIL: start-up >= ${limit_ms} ms" >&2
	exit 1
fi
echo "ok"
