#!/usr/bin/env bash
# Runs one benchmark scenario in Release with a raised file-descriptor limit (the bench also raises it itself via
# setrlimit; this covers shells whose hard limit is low). Usage: bench/run.sh latency|speakers|fanout|stream [options]
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
exec dotnet run -c Release --project bench/Babelcast.Bench -- "$@"
