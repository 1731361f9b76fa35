# Sourced by the ingest benchmarks' scripts (wall-with-ceiling.sh, pack-ingest-with-ceiling.sh), with $root, $rate and
# $seconds set: installs what is missing (wrk, Chromium), builds the console and bench/Wall in Release, prints the machine line, runs the ingest ceiling
# ../shared/ceilings/ingest.sh (or $CEILINGS/ingest.sh) with its fixed rate as long as the bench's, and sets $ceiling_rps
# to its POST /ingest median, for the saturated ratio.
ceilings="${CEILINGS:-$root/../shared/ceilings}"
cd "$root"
scripts/prerequisites.sh postgres chromium wrk
dotnet build OpsConsole -c Release -nologo -v quiet >/dev/null
dotnet build bench/Wall -c Release -nologo -v quiet >/dev/null
echo "# $(date -u '+%F %T') UTC; $(nproc) cores; $(uname -sr); load $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD)"
echo "## ceiling: RATE=$rate RATE_SECONDS=$seconds bash $ceilings/ingest.sh"
ceiling_log="$(mktemp -t ingest-ceiling.XXXXXX)"
trap 'rm -f "$ceiling_log"' EXIT
RATE="$rate" RATE_SECONDS="$seconds" bash "$ceilings/ingest.sh" | tee "$ceiling_log"
# The medians' line "POST /ingest (HMAC + insert)   req/s   p99   errors".
ceiling_rps="$(awk '/^POST \/ingest \(HMAC \+ insert\)/ {print $(NF-2)}' "$ceiling_log")"
