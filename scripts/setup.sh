#!/usr/bin/env bash
# Installs everything Babelcast needs on a fresh Debian 12 machine (idempotent): the offline engines
# (PocketSphinx + US English model, Apertium pairs, espeak-ng, LAME), sox, and the .NET SDK check.
# Usage: scripts/setup.sh            (engines only)
#        scripts/setup.sh --run      (then build and start the server on http://127.0.0.1:5080)
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"

packages=(
  pocketsphinx pocketsphinx-en-us libpocketsphinx3 libsphinxbase3
  apertium apertium-eng-spa apertium-eng-cat apertium-en-gl apertium-eo-en apertium-es-pt apertium-fr-es
  apertium-spa-ita apertium-fra-cat apertium-por-cat apertium-cat-ita apertium-spa-arg apertium-arg-cat apertium-oc-ca
  espeak-ng libespeak-ng1 libmp3lame0 lame sox
)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  ${sudo_cmd} apt-get update -qq
  DEBIAN_FRONTEND=noninteractive ${sudo_cmd} apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: engine packages already installed"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 1
fi

if [ "${1:-}" = "--run" ]; then
  cd "$repo_root"
  dotnet build -c Release src/Babelcast.Server -v quiet -nologo
  url="${BABELCAST_URL:-http://127.0.0.1:5080}"
  export Babelcast__DataDirectory="${Babelcast__DataDirectory:-$repo_root/data}"
  echo "setup: starting Babelcast on ${url} (speaker page: ${url}/ ; data in ${Babelcast__DataDirectory})"
  # The project directory is the content root: the pages (wwwroot) and appsettings.json live there.
  cd "$repo_root/src/Babelcast.Server"
  exec dotnet bin/Release/net10.0/babelcast.dll --urls "$url"
fi
