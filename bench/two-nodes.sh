#!/usr/bin/env bash
# Two nodes of the site as real processes on one PostgreSQL and one Redis (both throwaway, on
# 127.0.0.1), and a third process, the import command, writing a term: how long until each
# node lists it, links it from a term that mentions it, and finds it misspelt; and what share of
# the readers' page requests the shared cache answered.
#
#   bench/two-nodes.sh [rounds]   (default 5; needs Debian's postgresql, redis-server and curl)
set -euo pipefail
rounds="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/commerceguard-two-nodes.XXXXXX)"
redis_port=$((20000 + RANDOM % 20000))
nodes=()

# shellcheck source=../tests/throwaway-postgres.sh
. "$root/tests/throwaway-postgres.sh"
cleanup() {
  for node in "${nodes[@]}"; do kill "$node" 2>/dev/null || true; done
  wait 2>/dev/null || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build "$root/src/CommerceGuard" -c Release -v quiet -nologo >/dev/null
app="$root/src/CommerceGuard/bin/Release/net10.0/CommerceGuard.dll"
start_postgres >/dev/null
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --logfile "$work/redis.log"

export Database__Provider=Postgres ConnectionStrings__Glossary="$POSTGRES_TEST_SERVER;Database=bench"
export Redis__Configuration="127.0.0.1:$redis_port" Logging__LogLevel__Default=Warning
start_node() {
  (cd "$root/src/CommerceGuard" && ASPNETCORE_URLS="http://127.0.0.1:$1" Search__IndexPath="$work/index-$1" \
    exec dotnet "$app" >"$work/node-$1.log" 2>&1) &
  nodes+=($!)
  until curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null; do sleep 0.2; done
}
start_node 5181
start_node 5182

# Seconds since $1 (an epoch time with nanoseconds), to the millisecond.
since() { echo "$(date +%s.%N) $1" | awk '{ printf "%.3f", $1 - $2 }'; }

echo "round  node  listed, linked and found (s after the import command returned)"
for round in $(seq 1 "$rounds"); do
  mkdir -p "$work/import-$round"
  # Round N adds "Ledger Term N", and rewrites "Ledger Notes" to mention it, in one import.
  printf -- '---\ntitle: Ledger Term %s\nslug: ledger-term-%s\nlanguage: en\nstatus: published\n---\nA record the bench writes in round %s.\n' \
    "$round" "$round" "$round" >"$work/import-$round/ledger-term-$round.md"
  printf -- '---\ntitle: Ledger Notes\nslug: ledger-notes\nlanguage: en\nstatus: published\n---\nThis note mentions the ledger term %s by name.\n' \
    "$round" >"$work/import-$round/ledger-notes.md"
  for port in 5181 5182; do curl -s -o /dev/null "http://127.0.0.1:$port/glossary"; done
  (cd "$root/src/CommerceGuard" && dotnet "$app" import "$work/import-$round" --format markdown >/dev/null)
  saved=$(date +%s.%N)
  for port in 5181 5182; do
    until curl -s "http://127.0.0.1:$port/glossary" | grep -q "href=\"/glossary/ledger-term-$round\"" \
       && curl -s "http://127.0.0.1:$port/glossary/ledger-notes" | grep -q "href=\"/glossary/ledger-term-$round\"" \
       && curl -s "http://127.0.0.1:$port/search?q=ledgr+term+$round" | grep -q "href=\"/glossary/ledger-term-$round\""; do
      sleep 0.05
    done
    echo "$round      $port  $(since "$saved")"
  done
done

# Readers: every public page type, on both nodes, as after a quiet spell.
for port in 5181 5182; do
  for path in / /glossary /glossary/ledger-notes /glossary/balance-billing /about /donate /feed.atom /sitemap.xml; do
    for _ in 1 2 3 4 5; do curl -s -o /dev/null "http://127.0.0.1:$port$path"; done
  done
done
for port in 5181 5182; do
  curl -s "http://127.0.0.1:$port/metrics" | awk -v port="$port" '
    /^commerceguard_page_cache_lookups_total/ { if ($0 ~ /result="hit"/) hit = $NF; else miss = $NF }
    END { printf "node %s page cache: %d hits, %d misses (%.0f%% hits)\n", port, hit, miss, 100 * hit / (hit + miss) }'
done
