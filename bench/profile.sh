#!/usr/bin/env bash
# Profiles a benchmark run with perf, the whole machine and the server process apart: samples of every thread (native PocketSphinx, espeak-ng and
# LAME frames by symbol; managed frames named through the JIT's perf map) while the scenario streams.
# Usage: bench/profile.sh [--after S] [--seconds S] SCENARIO [bench options]   e.g. bench/profile.sh speakers --speakers 3
# Writes bench/results/profile-SCENARIO.txt (CPU by library, by thread name and the top symbols) beside the bench's
# own report. Needs perf (Debian: linux-perf) and kernel.perf_event_paranoid <= 2 (the default) for one's own process.
set -euo pipefail
cd "$(dirname "$0")/.."
after=40 seconds=40
while [[ $# -gt 0 ]]; do
  case "$1" in
    --after) after="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    *) break ;;
  esac
done
[[ $# -ge 1 ]] || { echo "usage: bench/profile.sh [--after S] [--seconds S] SCENARIO [bench options]" >&2; exit 2; }
command -v perf >/dev/null || { echo "profile: perf not found (apt-get install linux-perf)" >&2; exit 2; }
scenario="$1"
out=bench/results
mkdir -p "$out"
export DOTNET_PerfMapEnabled=1
bench/run.sh "$@" --server process > "$out/profile-$scenario.log" 2>&1 &
bench=$!
# The bench builds first and then starts the server: wait for the server's process, then for the streaming to settle.
pid=""
for _ in $(seq 1 600); do
  pid=$(pgrep -n -f 'babelcast.dll --urls http://127.0.0.1' || true)
  [[ -n "$pid" ]] && break
  kill -0 "$bench" 2>/dev/null || break
  sleep 1
done
if [[ -z "$pid" ]]; then
  echo "profile: no server process appeared (see $out/profile-$scenario.log)" >&2
  wait "$bench" || true
  exit 1
fi
sleep "$after"
ps -eo pid=,args= > "$out/profile-$scenario.ps"
# The whole machine: Apertium runs as the server's child processes, and the bench's own clients share the cores.
perf record -q -a -F 99 -g -o "$out/profile-$scenario.data" -- sleep "$seconds" 2>/dev/null
wait "$bench" || echo "profile: the bench exited with $? (its report is still written)" >&2
{
  echo "# perf profile of the server during \`bench/run.sh $*\` ($(date -u '+%Y-%m-%d %H:%M UTC'), ${seconds} s from ${after} s)"
  echo
  echo "## CPU by process (whole machine; the server is $pid, Apertium's stages are its children)"
  perf script -i "$out/profile-$scenario.data" -F pid --hide-call-graph 2>/dev/null \
    | awk -v ps="$out/profile-$scenario.ps" 'BEGIN { while ((getline line < ps) > 0) { split(line, f, " "); name[f[1]] = substr(line, index(line, f[2]), 70) } }
        { n[$1]++; total++ } END { for (p in n) printf "%6.2f%%  %7s  %s\n", 100 * n[p] / total, p, (p in name ? name[p] : "(started later)") }' \
    | sort -rn | head -20
  echo
  echo "## CPU by command (Apertium stages by program name)"
  perf report -i "$out/profile-$scenario.data" --stdio --no-children --sort comm -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -25
  echo
  echo "## Server process: CPU by library"
  perf report -i "$out/profile-$scenario.data" --pid "$pid" --stdio --no-children --sort dso -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -25
  echo
  echo "## Server process: top symbols"
  perf report -i "$out/profile-$scenario.data" --pid "$pid" --stdio --no-children --sort dso,sym -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -60
} > "$out/profile-$scenario.txt"
echo "profile: $out/profile-$scenario.txt"
