#!/usr/bin/env bash
# The one command that runs every test. It installs and starts what the tests need, runs
# them, and cleans up after itself. CI runs exactly this (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== Restoring tools and packages"
dotnet tool restore >/dev/null
dotnet restore CommerceGuard.slnx

echo "== Building (warnings are errors)"
dotnet build CommerceGuard.slnx --no-restore --configuration Release

echo "== Running the tests"
status=0
dotnet test CommerceGuard.slnx --no-build --configuration Release 2>&1 | tee "$log" || status=$?

# One plain closing line for whoever reads the log.
awk '/(Passed|Failed)! +- +Failed: /{
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i + 1) + 0
         if ($i == "Passed:") p += $(i + 1) + 0
         if ($i == "Skipped:") s += $(i + 1) + 0
       }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
