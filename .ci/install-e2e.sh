#!/usr/bin/env bash
# Installs what the integration and browser tests need on a fresh Debian 12:
# Debian's Chromium (Playwright drives /usr/bin/chromium and never downloads a browser), fonts, sox, flite,
# nginx and caddy (reverse-proxy tests start a private one on loopback), mpg123 (decodes the MP3 stream in tests),
# redis-server (cluster tests start a private one on a loopback port),
# and axe-core extracted to test/Babelcast.EndToEnd.Tests/node_modules/axe-core (not committed).
# Idempotent: re-running skips whatever is already in place.
set -euo pipefail

AXE_VERSION="4.14.1"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
axe_dir="${repo_root}/test/Babelcast.EndToEnd.Tests/node_modules/axe-core"

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd="sudo"
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
command -v sox >/dev/null 2>&1 || missing+=(sox)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v flite >/dev/null 2>&1 || missing+=(flite)
command -v mpg123 >/dev/null 2>&1 || missing+=(mpg123)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
[ -x /usr/bin/caddy ] || missing+=(caddy)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-e2e: apt-get install ${missing[*]}"
  ${sudo_cmd} apt-get update -qq
  DEBIAN_FRONTEND=noninteractive ${sudo_cmd} apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # Debian's caddy package starts a system Caddy on port 80; the proxy tests run their own on loopback ports.
  if [[ " ${missing[*]} " == *" caddy "* ]] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    ${sudo_cmd} systemctl disable --now caddy.service || true
  fi
fi

if [ -f "${axe_dir}/axe.min.js" ] && grep -q "\"version\": \"${AXE_VERSION}\"" "${axe_dir}/package.json" 2>/dev/null; then
  echo "install-e2e: axe-core ${AXE_VERSION} already at ${axe_dir}"
else
  tmp="$(mktemp -d)"
  trap 'rm -rf "${tmp}"' EXIT
  (cd "${tmp}" && npm pack --silent "axe-core@${AXE_VERSION}" >/dev/null)
  rm -rf "${axe_dir}"
  mkdir -p "${axe_dir}"
  tar -xzf "${tmp}/axe-core-${AXE_VERSION}.tgz" -C "${axe_dir}" --strip-components=1
  echo "install-e2e: axe-core ${AXE_VERSION} extracted to ${axe_dir}"
fi

echo "install-e2e: chromium $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
