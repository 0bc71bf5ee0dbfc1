#!/usr/bin/env bash
# Installs everything Babelcast needs on a fresh Debian 12 machine (idempotent): the offline engines
# (PocketSphinx + US English model, Apertium pairs, espeak-ng, LAME), sox, PostgreSQL 15 (the cluster-mode store;
# its tests start a private server, the Debian cluster is not used), and the .NET SDK check.
# Usage: scripts/setup.sh            (engines only)
#        scripts/setup.sh --run      (then build and start the server on every interface, port 5080, so that
#                                     phones on the LAN can join; BABELCAST_URL=http://127.0.0.1:5080 or
#                                     --run --urls URL chooses another address, e.g. loopback only)
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"

packages=(
  pocketsphinx pocketsphinx-en-us libpocketsphinx3 libsphinxbase3
  apertium apertium-eng-spa apertium-eng-cat apertium-en-gl apertium-eo-en apertium-es-pt apertium-fr-es
  apertium-spa-ita apertium-fra-cat apertium-por-cat apertium-cat-ita apertium-spa-arg apertium-arg-cat apertium-oc-ca
  espeak-ng libespeak-ng1 libmp3lame0 lame sox
  postgresql-15
  diatheke sword-text-web sword-text-kjv sword-text-sparv
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
  shift
  # All interfaces by default: phones in the room must reach the server (docs/deployment.md).
  url="${BABELCAST_URL:-http://0.0.0.0:5080}"
  while [ "$#" -gt 0 ]; do
    case "$1" in
      --urls) url="${2:?--urls needs a URL}"; shift 2 ;;
      --urls=*) url="${1#--urls=}"; shift ;;
      *) echo "setup: unknown option $1 (use --run [--urls URL])" >&2; exit 2 ;;
    esac
  done
  cd "$repo_root"
  dotnet build -c Release src/Babelcast.Server -v quiet -nologo
  export Babelcast__DataDirectory="${Babelcast__DataDirectory:-$repo_root/data}"
  echo "setup: starting Babelcast on ${url} (data in ${Babelcast__DataDirectory}); the log lists the speaker page and the addresses phones can use"
  # The project directory is the content root: the pages (wwwroot) and appsettings.json live there.
  cd "$repo_root/src/Babelcast.Server"
  exec dotnet bin/Release/net10.0/babelcast.dll --urls "$url"
fi
