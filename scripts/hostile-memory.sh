#!/usr/bin/env bash
# hostile-memory.sh: peak memory and processor time of `whosaid` on one
# hostile article of each kind the reliability probe wrote (straight quote
# marks, words each in quote marks, “...” said X repeated, capitalised names
# with cues, the same in one paragraph) at its full size (1x) and ten times
# it (10x), and on 8 MiB of real news text (PolNeAR train and dev, which must be in
# ../shared/corpus). The bounds of --max-bytes and --max-tokens are lifted,
# so that the whole of every article is read; then every hostile article at
# 10x goes through the command at its default bounds, which cut it.
#
# Usage: scripts/hostile-memory.sh            (from the repository root)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -x /usr/bin/time ] || { echo "hostile-memory: /usr/bin/time (GNU time) is needed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/whosaid" ./cmd/whosaid
for scale in 1 10; do
	go test -run '^TestAdversarialWrite$' -count 1 . -args -adv.write "$tmp/$scale" -adv.scale "$scale" >/dev/null
done
run() { # run FILE LABEL [FLAGS...]
	file=$1 label=$2
	shift 2
	/usr/bin/time -v -o "$tmp/time.txt" "$tmp/whosaid" "$@" --format jsonl "$file" >"$tmp/out.jsonl" 2>/dev/null
	peak_kb=$(awk -F': *' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
	cpu=$(awk -F': *' '/User time/ {u=$2} /System time/ {s=$2} END {t=u+s; if (t < 0.01) t=0.01; printf "%.2f", t}' "$tmp/time.txt")
	size=$(wc -c <"$file")
	printf '%-28s %6.1f MB  %6s s cpu  %6.2f MB/s  peak RSS %5d MiB  %5.1f bytes per input byte\n' \
		"$label" "$(echo "$size / 1000000" | bc -l)" "$cpu" "$(echo "$size / 1000000 / $cpu" | bc -l)" \
		"$((peak_kb / 1024))" "$(echo "$peak_kb * 1024 / $size" | bc -l)"
}
for name in straight-marks quoted-words said-x names-cues names-cues-one-paragraph; do
	for scale in 1 10; do
		run "$tmp/$scale/$name.txt" "$name ${scale}x" --max-bytes 1000000000 --max-tokens 1000000000
	done
done
run "$tmp/1/news.txt" "news, 8 MiB"
echo "at the default bounds (--max-bytes 8 MiB, --max-tokens 2 Mi; MB/s and bytes per byte count the whole file, of which the bounds read a part):"
for f in "$tmp"/10/*.txt; do
	name=$(basename "$f" .txt)
	[ "$name" = news ] || run "$f" "$name 10x"
done
