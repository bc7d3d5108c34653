#!/usr/bin/env bash
# The long fuzzing run: the property tests of tests/CommerceGuard.Tests/Fuzzing (slugs, Markdown
# that never holds active markup, linking that never changes a reader's text, importers that
# answer any mangled file with a report), each sampled for a number of seconds instead of the
# few hundred inputs ./test.sh gives them. A failure prints the smallest failing input and the
# seed that replays it: CsCheck_Seed=<seed> dotnet test ... --filter <the test>.
#
#   bench/fuzz.sh [seconds per property]   (default 300)
set -euo pipefail
seconds="${1:-300}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/tests/CommerceGuard.Tests"
dotnet build -c Release -v quiet -nologo >/dev/null
CsCheck_Time="$seconds" dotnet test -c Release --no-build --filter "FullyQualifiedName~Fuzzing" --logger "console;verbosity=normal"
