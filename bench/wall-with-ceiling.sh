#!/usr/bin/env bash
# The wall and ingest figures of bench/RESULTS.md in one run, the ingest next to its ceiling measured in the same run:
#   1. the ceiling: ../shared/ceilings/ingest.sh (or $CEILINGS/ingest.sh), its fixed rate as long as ours;
#   2. bench/Wall: the evaluator's tick (1,000 pairs, 1,000 inventory scopes), ingest at [rate] requests/s for [seconds]
#      after [steady] seconds at that rate unmeasured (the console's jobs are still being compiled again for minutes after
#      start; the timed part measures a console in its steady state),
#      ingest saturated as the ceiling saturates its own (wrk -t2 -c32 -d15s, 3 runs after a 30 s warm-up) with its
#      ratio to the ceiling's POST /ingest median of step 1, and committed raise to tile visible over [raises] raises
#      with [walls] wall connections open ([browsers] of them wall pages in Chromium).
# Everything listens on 127.0.0.1 only, is bounded, and is stopped by the tools themselves when they end.
# Usage: bash bench/wall-with-ceiling.sh [rate] [seconds] [raises] [walls] [browsers] [steady] | tee wall-run.log
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rate="${1:-200}" seconds="${2:-60}" raises="${3:-100}" walls="${4:-200}" browsers="${5:-20}" steady="${6:-120}"
. "$root/bench/ingest-ceiling-first.sh"
echo "## dotnet run -c Release --no-build --project bench/Wall -- tick"
dotnet run -c Release --no-build --project bench/Wall -- tick
echo "## dotnet run -c Release --no-build --project bench/Wall -- ingest $rate $seconds $steady"
dotnet run -c Release --no-build --project bench/Wall -- ingest "$rate" "$seconds" "$steady"
echo "## dotnet run -c Release --no-build --project bench/Wall -- saturate 15 3 $ceiling_rps"
dotnet run -c Release --no-build --project bench/Wall -- saturate 15 3 "$ceiling_rps"
echo "## dotnet run -c Release --no-build --project bench/Wall -- latency $raises $walls $browsers"
dotnet run -c Release --no-build --project bench/Wall -- latency "$raises" "$walls" "$browsers"
echo "# done $(date -u '+%F %T') UTC; load $(cut -d' ' -f1-3 /proc/loadavg)"
