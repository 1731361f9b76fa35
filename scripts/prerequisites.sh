#!/usr/bin/env bash
# Installs what the console and its tests need and a fresh machine may lack. Sourced by run.sh and test.sh.
# Usage: prerequisites.sh [postgres] [chromium] [smtp] [wrk]
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

have_postgres() {
  { command -v initdb && command -v pg_ctl; } >/dev/null 2>&1 && return 0
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

for need in "$@"; do
  case "$need" in
    postgres) have_postgres || { echo "Installing PostgreSQL server…"; apt_install postgresql; } ;;
    chromium) [ -x /usr/bin/chromium ] || { echo "Installing Chromium…"; apt_install chromium; } ;;
    smtp) python3 -c 'import aiosmtpd' >/dev/null 2>&1 || /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 \
            || { echo "Installing aiosmtpd…"; apt_install python3-aiosmtpd; } ;;
    wrk) command -v wrk >/dev/null || { echo "Installing wrk…"; apt_install wrk; } ;;
    *) echo "unknown prerequisite: $need" >&2; exit 2 ;;
  esac
done
command -v dotnet >/dev/null || { echo "The .NET 10 SDK (dotnet) is required and is not on PATH." >&2; exit 1; }
