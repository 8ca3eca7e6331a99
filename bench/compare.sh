#!/usr/bin/env bash
# Times, in one run on one machine: gazette's full build, the goldmark floor
# (plain goldmark converting the same bodies and writing one file each), and
# Hugo on the same corpus when `hugo` is on the PATH. Prints times, peak
# memory and ratios.
#
#   bench/compare.sh 10000          # corpus size, default 10000
#   NO_HUGO=1 bench/compare.sh 100000   # without Hugo
#   NO_SERVE=1 ...                      # without serve's latency
#
# Hugo installs with: go install github.com/gohugoio/hugo@v0.155.0 (later
# versions need a newer Go than this project's).
set -euo pipefail
n=${1:-10000}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/gazette" ./cmd/gazette
go build -o "$work/floor" ./internal/markup/floor
go run ./internal/tools/synth -n "$n" -out "$work/site"
hugo=""
if [ -z "${NO_HUGO:-}" ] && command -v hugo >/dev/null; then
  hugo=hugo
  go run ./internal/tools/synth -n "$n" -out "$work/hugo" -hugo
fi

# measure NAME CMD...: runs CMD under /usr/bin/time, prints wall time, CPU
# time (user + system: the file system's share of it varies from run to
# run on a shared machine) and peak RSS.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.err" || { cat "$work/$name.err"; exit 1; }
  read -r secs user sys kb < "$work/$name.time"
  printf '%-8s %8.2f s wall %8.2f s CPU (%.2f user) %6d MB\n' "$name" "$secs" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$user" $((kb / 1024))
  eval "${name}_s=$secs; ${name}_kb=$kb"
}

echo "corpus: $n reports"
measure floor "$work/floor" -C "$work/site" -out "$work/floor-out"
measure gazette "$work/gazette" build -C "$work/site" --out "$work/gazette-out" --no-cache
# Output on tmpfs, where the system has one: the file system's share apart.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  shm=$(mktemp -d /dev/shm/gazette-bench-XXXXXX)
  measure tmpfs "$work/gazette" build -C "$work/site" --out "$shm/out" --no-cache
  rm -rf "$shm"
fi

# Incremental builds (README, "Incremental builds"): the first build with
# the cache, then builds after no change, one report's text edited, one
# entity renamed (the busiest city, named on the most pages) and the
# theme changed (every page laid out again).
measure cached "$work/gazette" build -C "$work/site" --out "$work/inc-out"
measure nochange "$work/gazette" build -C "$work/site" --out "$work/inc-out"
report=$(ls "$work/site/content/reports" | sed -n "$((n / 2))p")
printf '\nOne more sentence, edited.\n' >> "$work/site/content/reports/$report"
measure edit "$work/gazette" build -C "$work/site" --out "$work/inc-out"
busiest=$(grep -ho 'city:city-[0-9]*' "$work/site/content/reports/"*.md | sort | uniq -c | sort -rn | sed -n 1p | sed 's/.*city://')
sed -i '0,/^name: .*/s//name: Renamed Place/' "$work/site/content/cities/$busiest.md"
measure rename "$work/gazette" build -C "$work/site" --out "$work/inc-out"
mkdir -p "$work/site/themes/default/static"
echo '/* changed */' > "$work/site/themes/default/static/extra.css"
measure theme "$work/gazette" build -C "$work/site" --out "$work/inc-out"
rm -r "$work/site/themes"
echo "renamed $busiest: on $(grep -l "city:$busiest" "$work/site/content/reports/"*.md | wc -l) reports' pages"
if [ -n "$hugo" ]; then
  measure hugo hugo --quiet -s "$work/hugo" -d "$work/hugo-out"
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
echo "gazette / floor time: $(ratio "$gazette_s" "$floor_s")"
echo "no change / full:     $(ratio "$nochange_s" "$gazette_s")"
echo "edit / full:          $(ratio "$edit_s" "$gazette_s")"
echo "rename / full:        $(ratio "$rename_s" "$gazette_s")"
echo "per report: $(awk -v s="$gazette_s" -v n="$n" 'BEGIN { printf "%.0f µs", s * 1e6 / n }')"
if [ -n "$hugo" ]; then
  echo "gazette / hugo time:  $(ratio "$gazette_s" "$hugo_s")"
  echo "gazette / hugo RSS:   $(ratio "$gazette_kb" "$hugo_kb")"
fi
# serve: a saved report in the browser (laid out against the last build),
# then every page it changes (the rebuild from the last build in memory).
if [ -z "${NO_SERVE:-}" ]; then
  GAZETTE_LATENCY_SITE="$work/site" go test ./internal/serve -run Latency -count=1 -v 2>&1 | grep -E 'reports: first build|edit to' | sed 's/^ *latency_test.go:[0-9]*: /serve: /'
fi
