#!/usr/bin/env bash
# Runs every test: unit, integration (real engines, real Kestrel on 127.0.0.1, real SQLite, a private PostgreSQL
# started by the tests themselves) and end-to-end
# (Debian's Chromium driven by Playwright). Test projects run one after another: the real engines need the cores.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
"$repo_root/scripts/setup.sh"
"$repo_root/.ci/install-e2e.sh"
dotnet build Babelcast.slnx -c Release -nologo -v quiet
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
for project in \
  test/Babelcast.Core.Tests test/Babelcast.Storage.Sqlite.Tests test/Babelcast.Storage.Postgres.Tests test/Babelcast.Audio.Lame.Tests \
  test/Babelcast.Engines.ESpeak.Tests test/Babelcast.Engines.Apertium.Tests test/Babelcast.Engines.HttpTranslation.Tests test/Babelcast.Engines.PocketSphinx.Tests test/Babelcast.Engines.Whisper.Tests \
  test/Babelcast.Cluster.Redis.Tests test/Babelcast.Scripture.Sword.Tests \
  test/Babelcast.Server.Tests test/Babelcast.EndToEnd.Tests; do
  echo "== $project"
  dotnet test "$project" -c Release --no-build -nologo --blame-hang-timeout 15m 2>&1 | tee -a "$log" || status=1
done
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
