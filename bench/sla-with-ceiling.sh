#!/usr/bin/env bash
# The SLA figures of bench/RESULTS.md in one run, each next to its raw-SQL ceiling measured in the same run:
#   1. the ceiling (../shared/ceilings/due-batch.sh, or $CEILINGS/due-batch.sh);
#   2. bench/Sla: empty ticks, the due job three times, the sweep, lateness over [minutes] (default 10) with two console
#      processes, then again with one killed halfway;
#   3. bench/Sla with OPS_BENCH_PROFILE=1, the due job alone, for what each statement costs;
#   4. bench/DeadLetters.
# Usage: bash bench/sla-with-ceiling.sh [lateness minutes] [steps] | tee sla-run.log
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ceilings="${CEILINGS:-$root/../shared/ceilings}"
minutes="${1:-10}" steps="${2:-1000}"
cd "$root"
dotnet build bench/Sla -c Release -nologo -v quiet >/dev/null
dotnet build bench/DeadLetters -c Release -nologo -v quiet >/dev/null
echo "# $(date -u '+%F %T') UTC; $(nproc) cores; $(uname -sr); load $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD)"
echo "## ceiling: bash $ceilings/due-batch.sh"
bash "$ceilings/due-batch.sh"
echo "## dotnet run -c Release --no-build --project bench/Sla -- $minutes 301 $steps"
dotnet run -c Release --no-build --project bench/Sla -- "$minutes" 301 "$steps"
echo "## OPS_BENCH_PROFILE=1 dotnet run -c Release --no-build --project bench/Sla -- due 10000 100000"
OPS_BENCH_PROFILE=1 dotnet run -c Release --no-build --project bench/Sla -- due 10000 100000
echo "## dotnet run -c Release --no-build --project bench/DeadLetters"
dotnet run -c Release --no-build --project bench/DeadLetters
echo "# done $(date -u '+%F %T') UTC; load $(cut -d' ' -f1-3 /proc/loadavg)"
