#!/usr/bin/env bash
# The pack approval ingest figures of bench/RESULTS.md in one run, next to the ingest ceiling measured in the same run:
#   1. the ceiling: ../shared/ceilings/ingest.sh (or $CEILINGS/ingest.sh), its fixed rate as long as ours;
#   2. bench/Wall pack-ingest: POST /notifications/pack-approvals at [rate] requests/s for [seconds] after [steady] seconds
#      at that rate unmeasured (as the wall script's ingest), each a new PackApprovalRequested that opens its approval
#      request, with what the console and PostgreSQL spent per request;
#   3. bench/Wall pack-saturate: the same endpoint saturated as the ceiling saturates its own (wrk -t2 -c32 -d15s, 3 runs
#      after a 30 s warm-up), with its ratio to the ceiling's POST /ingest median of step 1.
# With OPS_BENCH_PROFILE=1 in the environment, step 2 also counts each kind of statement (which slows it).
# Everything listens on 127.0.0.1 only, is bounded, and is stopped by the tools themselves when they end.
# Usage: bash bench/pack-ingest-with-ceiling.sh [rate] [seconds] [steady] | tee pack-ingest-run.log
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rate="${1:-200}" seconds="${2:-60}" steady="${3:-120}"
. "$root/bench/ingest-ceiling-first.sh"
echo "## dotnet run -c Release --no-build --project bench/Wall -- pack-ingest $rate $seconds $steady"
dotnet run -c Release --no-build --project bench/Wall -- pack-ingest "$rate" "$seconds" "$steady"
echo "## dotnet run -c Release --no-build --project bench/Wall -- pack-saturate 15 3 $ceiling_rps"
dotnet run -c Release --no-build --project bench/Wall -- pack-saturate 15 3 "$ceiling_rps"
echo "# done $(date -u '+%F %T') UTC; load $(cut -d' ' -f1-3 /proc/loadavg)"
