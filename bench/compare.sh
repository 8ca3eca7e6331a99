#!/usr/bin/env bash
# Times, in one run on one machine: gazette's full build, the goldmark floor
# (plain goldmark converting the same bodies and writing one file each), and
# Hugo on the same corpus when `hugo` is on the PATH. Prints times, peak
# memory and ratios.
#
#   bench/compare.sh 10000          # corpus size, default 10000
#
# Hugo installs with: go install github.com/gohugoio/hugo@latest
set -euo pipefail
n=${1:-10000}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/gazette" ./cmd/gazette
go build -o "$work/floor" ./internal/tools/floor
go run ./internal/tools/synth -n "$n" -out "$work/site"
go run ./internal/tools/synth -n "$n" -out "$work/hugo" -hugo

# measure NAME CMD...: runs CMD under /usr/bin/time, prints seconds and peak RSS.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.err" || { cat "$work/$name.err"; exit 1; }
  read -r secs kb < "$work/$name.time"
  printf '%-8s %8.2f s %8d MB\n' "$name" "$secs" $((kb / 1024))
  eval "${name}_s=$secs; ${name}_kb=$kb"
}

echo "corpus: $n reports"
measure floor "$work/floor" -C "$work/site" -out "$work/floor-out"
measure gazette "$work/gazette" build -C "$work/site" --out "$work/gazette-out"
if command -v hugo >/dev/null; then
  measure hugo hugo --quiet -s "$work/hugo" -d "$work/hugo-out"
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
echo "gazette / floor time: $(ratio "$gazette_s" "$floor_s")"
echo "per report: $(awk -v s="$gazette_s" -v n="$n" 'BEGIN { printf "%.0f µs", s * 1e6 / n }')"
if command -v hugo >/dev/null; then
  echo "gazette / hugo time:  $(ratio "$gazette_s" "$hugo_s")"
  echo "gazette / hugo RSS:   $(ratio "$gazette_kb" "$hugo_kb")"
fi
