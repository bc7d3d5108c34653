#!/usr/bin/env bash
# The one command that runs every test. It installs and starts what the tests need, runs
# them, and cleans up after itself. CI runs exactly this (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Debian packages the tests need. Browser tests drive Debian's Chromium: no browser can be
# downloaded here, and Playwright 1.64 speaks to the Chromium 156 that Debian 12 ships.
need=()
command -v chromium >/dev/null || need+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
if ((${#need[@]})); then
  echo "== Installing ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "== Restoring tools and packages"
dotnet tool restore >/dev/null
dotnet restore CommerceGuard.slnx

echo "== Building (warnings are errors)"
dotnet build CommerceGuard.slnx --no-restore --configuration Release

# Screenshots, the printed term and the speed figures of this run land here.
rm -rf artifacts
mkdir -p artifacts

echo "== Running the tests"
status=0
dotnet test CommerceGuard.slnx --no-build --configuration Release 2>&1 | tee "$log" || status=$?

echo "== Artifacts: $(find artifacts -type f | wc -l) files in $(pwd)/artifacts"
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
