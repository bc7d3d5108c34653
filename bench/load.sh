#!/usr/bin/env bash
# Readers' load on the 100,000-term glossary (issue 11): the site as a real process on 127.0.0.1
# (Release, Production environment, SQLite, logging at Warning), loaded by wrk over loopback with a
# mix of term pages, the A-Z index, search, suggestions and votes (bench/load-mix.lua), 60 s at 64
# connections on 2 threads. It reports requests a second, latency percentiles, answers other than
# 2xx/3xx and socket errors, and the site's resident memory (VmRSS, sampled every second): at the
# start of the run, half-way, at the end, its peak, and its growth over the second half.
#
#   bench/load.sh [--duration 60] [--connections 64] [--only term|az|search|suggest|vote[,...]]
#                 [--database prepared.db] [--classes] [--slugs N] [--cold]
#
# Needs wrk (installed with apt-get when missing), curl and the .NET SDK. Without --database the
# glossary is generated (100,000 terms, seed 1, full-length text) into a throwaway folder, which
# takes about 2 minutes; --database copies one made earlier with the benchmarks' `generate`
# command instead. The site then builds its search index for every term before /health/ready
# answers 200 (about 100 s). Then every term page is asked for once (about 3 minutes at 100,000
# terms), as readers of a site that has been up a while have asked for them, so that the page
# cache holds them as a real site's does; --cold skips this and measures a site just started.
# --only sends one kind of request (or several, comma separated, in
# the mix's proportions), to find which one is slow.
# --classes also counts the answers by status class in wrk's Lua, which slows wrk down a great
# deal on the 9.5 MB A-Z page (see load-mix.lua); without it, errors are wrk's own count of
# answers of 400 and over. --slugs N is a diagnosis, not the benchmark: term pages, votes, search
# words and prefixes are drawn from N terms only (a fixed sample), each of whose pages is fetched
# once before the warm-up, so that term pages come from the page cache and the rest of the mix
# shows without the cost of making them (keep N small: each page takes about a second to make).
#
# The targets: no errors, p99 under 50 ms, and resident memory growing by no more than 5 % over
# the second half of the run (the slope of a straight line fitted to those samples). The script
# exits 1 when one is missed, after printing every figure.
set -euo pipefail
duration=60
connections=64
only=all
prepared=""
classes=""
slugs=""
cold=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --database) prepared="$2"; shift 2 ;;
    --classes) classes=classes; shift ;;
    --slugs) slugs="$2"; shift 2 ;;
    --cold) cold=cold; shift ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
for one in ${only//,/ }; do
  case "$one" in all|term|az|search|suggest|vote) ;; *) echo "--only takes term, az, search, suggest or vote, or several with commas" >&2; exit 2 ;; esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/commerceguard-load.XXXXXX)"
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
site=""
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  if [ -n "$site" ] && kill "$site" 2>/dev/null; then
    # It stops within seconds when idle; requests wrk gave up on may still be running in it.
    for _ in $(seq 1 30); do kill -0 "$site" 2>/dev/null || break; sleep 1; done
    kill -KILL "$site" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "wrk is missing: installing Debian's (apt-get install -y wrk)"
  apt-get install -y wrk >/dev/null
fi

echo "load before: $(uptime)"
dotnet build "$root/src/CommerceGuard" -c Release -v quiet -nologo >/dev/null
app="$root/src/CommerceGuard/bin/Release/net10.0/CommerceGuard.dll"
if [ -n "$prepared" ]; then
  cp "$prepared" "$work/glossary.db"
  echo "glossary: a copy of $prepared"
else
  dotnet build "$root/bench/CommerceGuard.Benchmarks" -c Release -v quiet -nologo >/dev/null
  dotnet "$root/bench/CommerceGuard.Benchmarks/bin/Release/net10.0/CommerceGuard.Benchmarks.dll" \
    generate --terms 100000 --seed 1 --database "$work/glossary.db" 2>/dev/null | tail -n 1
fi

# One loopback client stands for thousands of readers, so the per-address limits are raised
# for the run.
# Started as a simple command (no subshell), so that $! is the site's own process.
cd "$root/src/CommerceGuard"
env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
  ConnectionStrings__Glossary="Data Source=$work/glossary.db" Search__IndexPath="$work/search-index" \
  Logging__LogLevel__Default=Warning \
  RateLimits__PublicWrites__PermitsPerWindow=100000 RateLimits__PublicWrites__WindowSeconds=1 \
  RateLimits__Searches__PermitsPerWindow=100000 RateLimits__Searches__WindowSeconds=1 \
  Api__RateLimit__AnonymousPermits=1000000 \
  dotnet "$app" >"$work/site.log" 2>&1 &
site=$!
cd "$root"
started=$(date +%s)
until curl -sf -o /dev/null "$base/health/ready"; do
  if ! kill -0 "$site" 2>/dev/null; then echo "the site stopped; its log:" >&2; tail -n 30 "$work/site.log" >&2; exit 1; fi
  if [ $(($(date +%s) - started)) -gt 1200 ]; then echo "not ready after 20 minutes" >&2; exit 1; fi
  sleep 1
done
echo "ready (search index built) $(($(date +%s) - started)) s after start; process $site is $(cat "/proc/$site/comm")"

# Real slugs and titles, from the A-Z index as a reader finds them.
# shellcheck source=bench/glossary-terms.sh
. "$root/bench/glossary-terms.sh"
list_terms "$base" >"$work/terms.tsv"
echo "terms listed on the A-Z index: $(wc -l <"$work/terms.tsv")"
if [ -n "$slugs" ]; then
  shuf -n "$slugs" --random-source=<(yes) "$work/terms.tsv" >"$work/sample.tsv"
  mv "$work/sample.tsv" "$work/terms.tsv"
  echo "DIAGNOSIS, not the benchmark: requests drawn from $slugs of them only, whose pages are made now"
  cut -f 1 "$work/terms.tsv" | while read -r one; do curl -s -o /dev/null --max-time 120 "$base/glossary/$one"; done
fi

# Every term page asked for once, as readers will have asked for them once the site has been up
# a while: the page cache then holds them, as it holds a real site's. --cold leaves it empty.
if [ -z "$cold" ]; then
  dotnet build "$root/bench/CommerceGuard.Benchmarks" -c Release -v quiet -nologo >/dev/null
  echo "every term page once: $(dotnet "$root/bench/CommerceGuard.Benchmarks/bin/Release/net10.0/CommerceGuard.Benchmarks.dll" warm --site "$base" --terms "$work/terms.tsv")"
fi

# CPU seconds the site has used (user and system), from /proc.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f\n", ($12 + $13) / hz }' "/proc/$site/stat"; }
# Waits (up to 2 minutes) until the site has used less than a fifth of a core for 2 seconds:
# wrk stops waiting for its requests when its time is up, and the site finishes them anyway.
settle() {
  local before after waited=0
  while [ "$waited" -lt 120 ]; do
    before=$(cpu_seconds); sleep 2; after=$(cpu_seconds); waited=$((waited + 2))
    awk -v a="$after" -v b="$before" 'BEGIN { exit !(a - b < 0.4) }' && break
  done
  echo "site idle again after ${waited} s"
}

# Warm-up: one request of each kind alone (the first term page builds the automatic links'
# directory), then 10 s of the same mix, so that the JIT's optimized code and the caches are in
# place. Not counted.
slug=$(head -n 1 "$work/terms.tsv" | cut -f 1)
for path in "/glossary/$slug" /glossary "/search?q=${slug%%-*}" "/api/v1/search/suggest?q=${slug:0:3}"; do
  curl -s -o /dev/null --max-time 120 "$base$path"
done
wrk -t2 -c"$connections" -d10s --timeout 30s -s "$root/bench/load-mix.lua" "$base" -- "$work/terms.tsv" "$only" "$classes" \
  | awk '/^== load-mix ==/ { on = 1; next } on && /^(requests_per_second|p99_ms|not_2xx_3xx|socket_errors) / { printf "warm-up %s %s\n", $1, $2 }'
settle

# Resident memory every second while wrk runs: "epoch-seconds kilobytes", with the shell's own
# clock and reads, so that a busy machine does not starve the sampling of forks.
logged=$(wc -l <"$work/site.log")
begun=$EPOCHREALTIME
(
  while [ -r "/proc/$site/status" ]; do
    while read -r key value _; do
      [ "$key" = VmRSS: ] && echo "$EPOCHREALTIME $value"
    done <"/proc/$site/status"
    sleep 1
  done
) >"$work/rss" &
sampler=$!
echo "running: wrk -t2 -c$connections -d${duration}s --timeout 30s -s bench/load-mix.lua ($only${classes:+, classes})"
wrk -t2 -c"$connections" -d"${duration}s" --timeout 30s -s "$root/bench/load-mix.lua" "$base" -- "$work/terms.tsv" "$only" "$classes" >"$work/wrk.out"
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
sampler=""
echo "load after: $(uptime)"

figure() { awk -v name="$1" '/^== load-mix ==/ { on = 1; next } on && $1 == name { print $2 }' "$work/wrk.out"; }
sed -n '1,/^== load-mix ==/p' "$work/wrk.out" | grep -v '^== load-mix ==' | sed 's/^/  wrk: /'
requests=$(figure requests); rate=$(figure requests_per_second); megabytes=$(figure megabytes_per_second)
p50=$(figure p50_ms); p90=$(figure p90_ms); p99=$(figure p99_ms); max=$(figure max_ms)
bad=$(figure not_2xx_3xx); sockets=$(figure socket_errors)
echo
echo "requests:        $requests in ${duration} s, $rate a second ($megabytes MB/s)"
echo "latency:         p50 $p50 ms, p90 $p90 ms, p99 $p99 ms, max $max ms"
if [ -n "$classes" ]; then
  echo "answers:         2xx $(figure status_2xx), 3xx $(figure status_3xx), 4xx $(figure status_4xx), 5xx $(figure status_5xx), other $(figure status_other)"
fi
echo "errors:          $bad answers of 400 or more"
echo "socket errors:   connect $(figure socket_connect), read $(figure socket_read), write $(figure socket_write), timeout $(figure socket_timeout)"
echo "site log:        $(tail -n +"$((logged + 1))" "$work/site.log" | grep -c '^\(fail\|crit\)' || true) error entries during the run"

# Memory: start, half-way, end, peak; the second half's trend by least squares.
read -r rss_start rss_half rss_end rss_max slope growth <<<"$(awk -v begun="$begun" -v half="$((duration / 2))" '
  { t[NR] = $1 - begun; mb[NR] = $2 / 1024; if (mb[NR] > peak) peak = mb[NR] }
  END {
    for (i = 1; i <= NR; i++) if (t[i] <= half) at_half = mb[i]
    for (i = 1; i <= NR; i++) if (t[i] >= half) { n++; sx += t[i]; sy += mb[i]; sxx += t[i] * t[i]; sxy += t[i] * mb[i] }
    slope = n > 1 ? (n * sxy - sx * sy) / (n * sxx - sx * sx) : 0
    # Growth over the second half: the fitted line rises slope * (duration/2) MB, against the half-way figure.
    printf "%.0f %.0f %.0f %.0f %.1f %.1f\n", mb[1], at_half, mb[NR], peak, slope * 60, 100 * slope * half / at_half
  }' "$work/rss")"
echo "resident memory: start $rss_start MB, half-way $rss_half MB, end $rss_end MB, peak $rss_max MB ($(wc -l <"$work/rss") samples)"
echo "second half:     $slope MB/min fitted, $growth % of the half-way figure over the last $((duration / 2)) s"

failed=0
verdict() { if [ "$2" = held ]; then echo "  held:   $1"; else echo "  MISSED: $1"; failed=1; fi; }
echo
echo "targets:"
verdict "no errors ($bad answers other than 2xx/3xx, $sockets socket errors)" "$([ "$bad" -eq 0 ] && [ "$sockets" -eq 0 ] && echo held)"
verdict "p99 under 50 ms ($p99 ms)" "$(awk -v p="$p99" 'BEGIN { if (p < 50) print "held" }')"
verdict "memory flat: second-half growth within 5 % ($growth %)" "$(awk -v g="$growth" 'BEGIN { if (g <= 5) print "held" }')"
exit "$failed"
