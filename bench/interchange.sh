#!/usr/bin/env bash
# Import and export of a generated glossary, through the real command line, on SQLite:
# time and peak memory (maximum resident set size) of each command, measured by /usr/bin/time.
#
#   bench/interchange.sh [terms] [text-scale]   (defaults 100000 and 0.45; needs /usr/bin/time: apt-get install time)
#
# Steps: generate a glossary of that many terms (not timed); export it as JSON and as CSV;
# import each file into a new, empty database. Every import must create every term. The
# generator's full-length terms make a 100,000-term JSON file of about 350 MB; at 0.45 of the length
# (the default here) it is about 195 MB, within the 200 MB an import takes.
set -euo pipefail
terms="${1:-100000}"
scale="${2:-0.45}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/commerceguard-interchange-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/CommerceGuard" -c Release -v quiet -nologo >/dev/null
dotnet build "$root/bench/CommerceGuard.Benchmarks" -c Release -v quiet -nologo >/dev/null
app="$root/src/CommerceGuard/bin/Release/net10.0/CommerceGuard.dll"

dotnet "$root/bench/CommerceGuard.Benchmarks/bin/Release/net10.0/CommerceGuard.Benchmarks.dll" \
  generate --terms "$terms" --seed 1 --database "$work/source.db" --text-scale "$scale"

# Runs the app's command line on a database; prints "seconds, peak MB" after its own output.
run() {
  local database="$1"; shift
  ConnectionStrings__Glossary="Data Source=$database" Logging__LogLevel__Default=Warning \
    /usr/bin/time -f "%e s, peak %M KB" -o "$work/time" dotnet "$app" "$@" 2>"$work/progress" | tail -n 1 || true
  sed "s/^/    progress: /" "$work/progress" | tail -n 4
  tail -n 1 "$work/time" | awk '{ printf "    %s s, peak %.0f MB\n", $1, $4 / 1024 }'
}

for format in json csv; do
  echo "export --format $format ($terms terms):"
  run "$work/source.db" export "$work/glossary.$format" --format "$format"
  ls -l "$work/glossary.$format" | awk '{ printf "    file: %.1f MB\n", $5 / 1048576 }'
done
for format in json csv; do
  echo "import glossary.$format into an empty database:"
  run "$work/target-$format.db" import "$work/glossary.$format"
done
