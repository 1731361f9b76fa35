#!/usr/bin/env bash
# Starts the console with demo data on the embedded PostgreSQL: http://127.0.0.1:5080
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh postgres
dotnet build OpsConsole/OpsConsole.csproj -c Release -nologo -v quiet
cat <<MSG

  OpsConsole is starting on http://127.0.0.1:5080 with demo data.
  Sign in as admin@demo.local (or operator@, manager@, top@, remediator@, viewer@demo.local)
  with the password Demo-pass-1. Stop with Ctrl+C.

MSG
export Demo__Enabled=true
exec dotnet run --project OpsConsole/OpsConsole.csproj -c Release --no-build --no-launch-profile "$@"
