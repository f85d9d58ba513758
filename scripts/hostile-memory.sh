#!/usr/bin/env bash
# hostile-memory.sh: peak memory and processor time of `whosaid` on one
# hostile article of each kind the reliability probe wrote (straight quote
# marks, words each in quote marks, “...” said X repeated, capitalised names
# with cues, the same in one paragraph) at its full size (1x) and ten times
# it (10x), and on 8 MiB of real news text (PolNeAR dev, which must be in
# ../shared/corpus). The bounds of --max-bytes and --max-tokens are lifted,
# so that the whole of every article is read.
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
run() { # run FILE LABEL
	/usr/bin/time -v -o "$tmp/time.txt" "$tmp/whosaid" --max-bytes 1000000000 --max-tokens 1000000000 \
		--format jsonl "$1" >"$tmp/out.jsonl" 2>/dev/null
	peak_kb=$(awk -F': *' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
	cpu=$(awk -F': *' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$tmp/time.txt")
	size=$(wc -c <"$1")
	printf '%-28s %6.1f MB  %6s s cpu  %6.2f MB/s  peak RSS %5d MiB  %5.1f bytes per input byte\n' \
		"$2" "$(echo "$size / 1000000" | bc -l)" "$cpu" "$(echo "$size / 1000000 / $cpu" | bc -l)" \
		"$((peak_kb / 1024))" "$(echo "$peak_kb * 1024 / $size" | bc -l)"
}
for name in straight-marks quoted-words said-x names-cues names-cues-one-paragraph; do
	for scale in 1 10; do
		run "$tmp/$scale/$name.txt" "$name ${scale}x"
	done
done
run "$tmp/1/news.txt" "news, 8 MiB"
