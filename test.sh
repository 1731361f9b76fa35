#!/usr/bin/env bash
# Installs what is missing, builds, runs every test project, and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh postgres chromium smtp || exit 1
dotnet build OpsConsole.sln -c Debug -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

results=$(mktemp -d)
status=0
# A test that hangs is stopped after 10 minutes and named, instead of holding the run until its time is up; the longest
# test takes about a minute.
for project in OpsConsole.Tests OpsConsole.E2E; do
  echo "== $project"
  dotnet test "$project/$project.csproj" --no-build -nologo --logger "console;verbosity=normal" \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    --results-directory "$results/$project" 2>&1 | tee "$results/$project.log" | grep -vE '^\s+Passed ' || true
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

sum() { grep -hoE "$1: +[0-9]+" "$results"/*.log | awk '{ n += $2 } END { print n + 0 }'; }
passed=$(sum Passed); failed=$(sum Failed)
passed=${passed:-0}; failed=${failed:-0}
[ "$failed" -eq 0 ] || status=1
[ "$passed" -gt 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
