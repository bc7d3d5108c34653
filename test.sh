#!/usr/bin/env bash
# The one command that runs every test. It installs and starts what the tests need, runs
# them, and cleans up after itself. CI runs exactly this (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
browser_log=""
trap 'rm -f "$log"' EXIT

# Debian packages the tests need. Browser tests drive Debian's Chromium: no browser can be
# downloaded here, and Playwright 1.64 speaks to the Chromium 156 that Debian 12 ships.
need=()
command -v chromium >/dev/null || need+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
# The HTTP tests run a second time on PostgreSQL: Debian's server, started below on a throwaway folder.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
# Tests of several servers sharing a cache start their own redis-server on a free port.
command -v redis-server >/dev/null || need+=(redis-server)
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

echo "== Checking the packages for known vulnerabilities"
# NuGet's advisories for every package, transitive ones too; one of high or critical severity
# fails the run. The registry is reachable wherever the packages are.
advisories=$(dotnet list CommerceGuard.slnx package --vulnerable --include-transitive --format json)
if grep -Eq '"severity": *"(High|Critical)"' <<<"$advisories"; then
  echo "$advisories"
  echo "A package has a known vulnerability of high or critical severity: update it." >&2
  exit 1
fi

echo "== Building (warnings are errors)"
dotnet build CommerceGuard.slnx --no-restore --configuration Release

# Screenshots, the printed term and the speed figures of this run land here.
rm -rf artifacts
mkdir -p artifacts

# shellcheck source=tests/throwaway-postgres.sh
. tests/throwaway-postgres.sh
browser=""
# Set before anything starts, so that an interrupted or failed run still stops what it started.
trap 'stop_postgres; [ -z "$browser" ] || kill "$browser" 2>/dev/null || true; rm -f "$log" "$browser_log"' EXIT
echo "== Starting a throwaway PostgreSQL"
start_postgres

echo "== Running the tests"
# Without profile-guided optimisation: a run starts a couple of hundred short-lived apps, and
# instrumenting their start-up code cost a quarter of the CPU (the test projects set it too, for
# runs from an editor; this reaches the test runner's own processes as well).
export DOTNET_TieredPGO=0
# Two lanes, one a core. In one, the browser tests: the accessibility checks of every page type
# (steady under load), then the journeys; in the other, the HTTP tests on SQLite, then the same
# tests again on PostgreSQL, leaving out the few that never touch a database (pure properties,
# the repository's files, the raw-socket server limits). The browser lane's output follows when
# both are done.
browser_log=$(mktemp)
# The journeys run even when an accessibility check fails, so that one run reports both.
(lane=0
 dotnet test tests/CommerceGuard.BrowserTests --no-build --configuration Release \
   --filter "FullyQualifiedName~AccessibilityTests" || lane=$?
 dotnet test tests/CommerceGuard.BrowserTests --no-build --configuration Release \
   --filter "FullyQualifiedName!~AccessibilityTests" || lane=$?
 exit $lane) >"$browser_log" 2>&1 &
browser=$!
status=0
dotnet test tests/CommerceGuard.Tests --no-build --configuration Release 2>&1 | tee "$log" || status=$?
echo "== The HTTP tests again, on PostgreSQL"
# Left out here: suites that never reach the database (Markdown properties, the repository's
# files, Kestrel's limits, security headers, compression, comment stamps); they ran above.
COMMERCEGUARD_TEST_POSTGRES="$POSTGRES_TEST_SERVER" \
  dotnet test tests/CommerceGuard.Tests --no-build --configuration Release \
  --filter "FullyQualifiedName!~Fuzzing.ContentProperties&FullyQualifiedName!~RepositorySecretsTests&FullyQualifiedName!~ServerLimitsTests&FullyQualifiedName!~SecurityHeadersTests&FullyQualifiedName!~CompressionTests&FullyQualifiedName!~CommentStampTests" \
  2>&1 | tee -a "$log" || status=$?
echo "== The browser tests: accessibility checks, then journeys"
wait "$browser" || status=$?
tee -a "$log" < "$browser_log"

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
