#!/usr/bin/env bash
# The reading benchmark suite (issue 13): for each glossary size, the site published in Release
# and started twice on 127.0.0.1 (the page cache on, and off), a bare Kestrel serving one term
# page's bytes as a static file beside them (bench/Ceiling: the most this machine serves at all),
# and wrk measuring each case in turn, every case in every round, so that a noisy minute touches
# all of them alike. Medians of the rounds are reported, and each as a share of the ceiling's.
#
#   bench/run.sh [--sizes 1000,100000] [--duration 15] [--rounds 3] [--connections 32] [--seed 1]
#                [--no-record]
#
# The cases: 1. one term page, again and again; 2. term pages drawn at random from every term;
# 3. the A-Z page; 4. a category page; 5. search, queries made from 1,000 terms drawn once (a
# title, a word of it, that word misspelt, words of two titles, a word no term has); 6. suggestions
# from prefixes of those titles; 7. the API's term endpoint; 8. the ceiling. Requests ask for
# Brotli as browsers do; the ceiling serves case 1's bytes as the site sent them. Before the
# rounds, the cached site is asked for every term page once (the benchmarks' `warm` command).
# Also per size: seconds from starting the site to its first page and to its search index being
# ready, and each site's resident memory after the load.
#
# The figures are printed and, unless --no-record, written into bench/RESULTS.md (newest run
# first, below the marker line). Needs wrk (installed with apt-get when missing), curl and the SDK.
# A size takes about 5 + 15 x rounds x duration / 60 minutes: the defaults, both sizes, about 27.
set -euo pipefail
sizes=1000,100000
duration=15
rounds=3
connections=32
seed=1
record=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --no-record) record=""; shift ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/commerceguard-bench.XXXXXX)"
started_pids=()
cleanup() {
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started_pids[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  done
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi

# The code measured is the code published now: named before anything is built.
commit="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo ' (with changes not committed)')"
echo "== Publishing the site and the ceiling (Release) at commit $commit"
dotnet publish "$root/src/CommerceGuard" -c Release -o "$work/site" -v quiet -nologo >/dev/null
dotnet publish "$root/bench/Ceiling" -c Release -o "$work/ceiling" -v quiet -nologo >/dev/null
dotnet build "$root/bench/CommerceGuard.Benchmarks" -c Release -v quiet -nologo >/dev/null

free_port() { echo $((20000 + RANDOM % 20000)); }
now() { date +%s.%N; }
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Starts the published site on a copy of the glossary; sets site_pid. Extra settings follow.
start_site() {
  local folder="$1" port="$2"
  shift 2
  mkdir -p "$folder"
  cp "$glossary" "$folder/glossary.db"
  (cd "$work/site" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ConnectionStrings__Glossary="Data Source=$folder/glossary.db" Search__IndexPath="$folder/search-index" \
    Logging__LogLevel__Default=Warning \
    RateLimits__PublicWrites__PermitsPerWindow=100000 RateLimits__PublicWrites__WindowSeconds=1 \
    RateLimits__Searches__PermitsPerWindow=100000 RateLimits__Searches__WindowSeconds=1 \
    Api__RateLimit__AnonymousPermits=1000000 "$@" \
    dotnet CommerceGuard.dll >"$folder/site.log" 2>&1) &
  site_pid=$!
  site_log="$folder/site.log"
  started_pids+=("$site_pid")
}

# Waits for an address to answer 200, up to 20 minutes; shows the server's log if it stops.
wait_for() {
  local address="$1" pid="$2" log="${3:-/dev/null}" begun
  begun=$(date +%s)
  until curl -sf -o /dev/null "$address"; do
    kill -0 "$pid" 2>/dev/null || { echo "the server stopped before $address answered; its log:" >&2; tail -n 20 "$log" >&2; exit 1; }
    [ $(($(date +%s) - begun)) -lt 1200 ] || { echo "$address did not answer within 20 minutes" >&2; exit 1; }
    sleep 0.05
  done
}

# shellcheck source=bench/glossary-terms.sh
. "$root/bench/glossary-terms.sh"

# One wrk run; appends "size round case cache rps p50 p90 p95 p99 errors" to the results.
measure() {
  local size="$1" round="$2" name="$3" cache="$4" base="$5" terms="$6" only="$7" out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$root/bench/load-mix.lua" "$base" -- "$terms" "$only")
  figure() { awk -v name="$1" '/^== load-mix ==/ { on = 1; next } on && $1 == name { print $2 }' <<<"$out"; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$round" "$name" "$cache" \
    "$(figure requests_per_second)" "$(figure p50_ms)" "$(figure p90_ms)" "$(figure p95_ms)" "$(figure p99_ms)" \
    "$(($(figure not_2xx_3xx) + $(figure socket_errors)))" >>"$work/results.tsv"
  printf '  round %s  %-12s cache %-3s  %10s req/s  p99 %8s ms\n' "$round" "$name" "$cache" "$(figure requests_per_second)" "$(figure p99_ms)"
}

: >"$work/results.tsv"
: >"$work/sizes.tsv"
for size in ${sizes//,/ }; do
  echo "== $size terms (seed $seed)"
  glossary="$work/glossary-$size.db"
  dotnet "$root/bench/CommerceGuard.Benchmarks/bin/Release/net10.0/CommerceGuard.Benchmarks.dll" \
    generate --terms "$size" --seed "$seed" --database "$glossary" 2>/dev/null | tail -n 1

  # Start-up, timed on the cached site alone: to its first page, then to its search index being ready.
  cached_port=$(free_port)
  begun=$(now)
  start_site "$work/cached-$size" "$cached_port"
  cached_pid=$site_pid
  wait_for "http://127.0.0.1:$cached_port/" "$cached_pid" "$site_log"
  first_page=$(awk -v a="$(now)" -v b="$begun" 'BEGIN { printf "%.2f", a - b }')
  wait_for "http://127.0.0.1:$cached_port/health/ready" "$cached_pid" "$site_log"
  search_ready=$(awk -v a="$(now)" -v b="$begun" 'BEGIN { printf "%.2f", a - b }')
  echo "  first page after ${first_page} s, search ready after ${search_ready} s"

  uncached_port=$(free_port)
  start_site "$work/uncached-$size" "$uncached_port" PageCache__Enabled=false
  uncached_pid=$site_pid
  wait_for "http://127.0.0.1:$uncached_port/health/ready" "$uncached_pid" "$site_log"

  cached="http://127.0.0.1:$cached_port"
  uncached="http://127.0.0.1:$uncached_port"
  terms="$work/terms-$size.tsv"
  list_terms "$cached" >"$terms"
  shuf -n 1000 --random-source=<(yes "$seed") "$terms" >"$work/queries-$size.tsv"
  slug=$(head -n 1 "$terms" | cut -f 1)
  category=$(curl -sf "$cached/glossary/$slug" | grep -o 'href="/glossary/category/[^"/]*"' | head -n 1 | cut -d'"' -f2)
  echo "  $(wc -l <"$terms") terms listed; one term: /glossary/$slug; a category: $category"

  ceiling_port=$(free_port)
  mkdir -p "$work/ceiling-$size"
  curl -sf -H "Accept-Encoding: gzip, deflate, br, zstd" -o "$work/ceiling-$size/term.html" "$cached/glossary/$slug"
  (cd "$work/ceiling" && exec dotnet Ceiling.dll --folder "$work/ceiling-$size" --urls "http://127.0.0.1:$ceiling_port" >/dev/null 2>&1) &
  started_pids+=("$!")
  ceiling="http://127.0.0.1:$ceiling_port"
  wait_for "$ceiling/term.html" "$!"

  # Warm-up, not counted: every case once briefly on both sites, so that optimized code and the
  # automatic links' directory are in place before anything is measured.
  for base in "$cached" "$uncached"; do
    for only in "/glossary/$slug" term /glossary "$category" search suggest "/api/v1/terms/$slug"; do
      wrk -t1 -c2 -d2s --timeout 30s -s "$root/bench/load-mix.lua" "$base" -- "$terms" "$only" >/dev/null
    done
  done
  wrk -t1 -c2 -d2s --timeout 30s -s "$root/bench/load-mix.lua" "$ceiling" -- "$terms" /term.html >/dev/null
  # Every term page asked for once on the cached site, as its readers will have asked for them
  # once it has been up a while, so that "term-random, cache on" measures the page cache rather
  # than each page's first making (which "cache off" measures).
  echo "  every term page once on the cached site: $(dotnet "$root/bench/CommerceGuard.Benchmarks/bin/Release/net10.0/CommerceGuard.Benchmarks.dll" warm --site "$cached" --terms "$terms")"

  for round in $(seq 1 "$rounds"); do
    measure "$size" "$round" ceiling - "$ceiling" "$terms" /term.html
    for cache in on off; do
      base=$cached
      [ "$cache" = on ] || base=$uncached
      measure "$size" "$round" term-one "$cache" "$base" "$terms" "/glossary/$slug"
      measure "$size" "$round" term-random "$cache" "$base" "$terms" term
      measure "$size" "$round" a-z "$cache" "$base" "$terms" /glossary
      measure "$size" "$round" category "$cache" "$base" "$terms" "$category"
      measure "$size" "$round" search "$cache" "$base" "$work/queries-$size.tsv" search
      measure "$size" "$round" suggest "$cache" "$base" "$work/queries-$size.tsv" suggest
      measure "$size" "$round" api-term "$cache" "$base" "$terms" "/api/v1/terms/$slug"
    done
  done
  printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$first_page" "$search_ready" "$(rss_mb "$cached_pid")" "$(rss_mb "$uncached_pid")" >>"$work/sizes.tsv"
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started_pids[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  done
  started_pids=()
done

# The report: medians over the rounds, as Markdown.
report="$work/report.md"
{
  echo "### $(date -u '+%Y-%m-%d %H:%M') UTC, commit $commit"
  echo
  echo "\`bench/run.sh --sizes $sizes --duration $duration --rounds $rounds --connections $connections --seed $seed\`;" \
    "$(nproc) cores, $(awk '/^MemTotal:/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo) GiB, load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Medians of $rounds rounds; wrk -t2 -c$connections, ${duration} s a case; \"of ceiling\" is requests a second as a share of the ceiling's in the same run."
  echo
  awk -F'\t' -v rounds="$rounds" '
    function median(key,   n, i, j, t, v) {
      n = count[key]
      for (i = 1; i <= n; i++) v[i] = values[key, i]
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    {
      for (f = 5; f <= 10; f++) { key = $1 SUBSEP $3 SUBSEP $4 SUBSEP f; values[key, ++count[key]] = $f }
      if (!(($1, $3, $4) in seen)) { seen[$1, $3, $4] = 1; order[++rows] = $1 SUBSEP $3 SUBSEP $4 }
    }
    END {
      print "| terms | case | page cache | req/s | of ceiling | p50 / p90 / p95 / p99 (ms) | errors |"
      print "|---|---|---|---|---|---|---|"
      for (r = 1; r <= rows; r++) {
        split(order[r], k, SUBSEP)
        ceiling = median(k[1] SUBSEP "ceiling" SUBSEP "-" SUBSEP 5)
        rps = median(order[r] SUBSEP 5)
        printf "| %s | %s | %s | %.0f | %.2fx | %.2f / %.2f / %.2f / %.2f | %d |\n", k[1], k[2], k[3], rps, ceiling ? rps / ceiling : 0,
          median(order[r] SUBSEP 6), median(order[r] SUBSEP 7), median(order[r] SUBSEP 8), median(order[r] SUBSEP 9), median(order[r] SUBSEP 10)
      }
    }' "$work/results.tsv"
  echo
  echo "| terms | first page after start | search ready after start | RSS after the load, cache on / off |"
  echo "|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %.2f s | %.2f s | %s / %s MB |\n", $1, $2, $3, $4, $5 }' "$work/sizes.tsv"
  echo
} >"$report"
echo
cat "$report"

if [ -n "$record" ]; then
  marker='<!-- bench/run.sh writes each run below this line, newest first. -->'
  results="$root/bench/RESULTS.md"
  grep -qF "$marker" "$results" || printf '\n## The reading benchmark suite (issue 13, `bench/run.sh`)\n\n%s\n' "$marker" >>"$results"
  awk -v marker="$marker" -v report="$report" '
    { print }
    $0 == marker { print ""; while ((getline line < report) > 0) print line }' "$results" >"$work/RESULTS.md"
  cp "$work/RESULTS.md" "$results"
  echo "Written into bench/RESULTS.md."
fi
