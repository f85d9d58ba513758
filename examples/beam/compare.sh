#!/usr/bin/env bash
# compare.sh [FILE.jsonl]: run the Beam pipeline (prism) and the command-line
# tool (whosaid --input jsonl --format jsonl) on the same JSON Lines file and
# check that their records, sorted, are byte-identical. Every record line
# starts with {"id":..., so sorting the lines sorts them by id.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
in=$(realpath "${1:-$here/../../../shared/corpus/polnear/dev.jsonl}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$here" && go build -o "$tmp/beam" .)
(cd "$here/../.." && go build -o "$tmp/whosaid" ./cmd/whosaid)

start=$(date +%s.%N)
"$tmp/beam" --input "$in" --output "$tmp/out" 2>"$tmp/beam.log" || { cat "$tmp/beam.log" >&2; exit 1; }
end=$(date +%s.%N)
grep '^beam: ' "$tmp/beam.log" || true
"$tmp/whosaid" --input jsonl --format jsonl "$in" >"$tmp/cli.jsonl"

cat "$tmp"/out/records-*.jsonl | LC_ALL=C sort >"$tmp/beam.sorted"
LC_ALL=C sort "$tmp/cli.jsonl" >"$tmp/cli.sorted"
if cmp "$tmp/beam.sorted" "$tmp/cli.sorted"; then
	printf 'identical: %d records, %d bytes (pipeline %.1fs)\n' \
		"$(wc -l <"$tmp/cli.sorted")" "$(wc -c <"$tmp/cli.sorted")" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')"
else
	echo "DIFFERENT: pipeline $(wc -l <"$tmp/beam.sorted") lines, CLI $(wc -l <"$tmp/cli.sorted") lines" >&2
	exit 1
fi
