#!/usr/bin/env bash
# Installs Babelcast as a systemd service (idempotent; run as root):
#   publishes the server (Release) into the prefix, creates the system user, the data directory (0700, owned by the
#   user) and a sandboxed unit (Type=notify: .NET's systemd integration reports ready and logs in journal format),
#   then enables and starts it when systemd is running.
# Usage: sudo scripts/install-service.sh [options]
#   --prefix DIR       where the published server goes (default /opt/babelcast)
#   --data-dir DIR     database, keys and audio (default /var/lib/babelcast)
#   --urls URLS        what Kestrel binds (default http://0.0.0.0:5080: every interface, so phones on the LAN can join)
#   --user NAME        the system user (default babelcast)
#   --dotnet PATH      the dotnet host in ExecStart (default: the one on PATH)
#   --no-publish       keep the server already in the prefix (only rewrite user, directories and unit)
#   --dry-run          install nothing on this machine: write everything under a staging root (--root) instead,
#                      create no user, change no owner, touch no systemd (for packaging and tests)
#   --root DIR         the staging root of --dry-run (default ./babelcast-staging)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix=/opt/babelcast
data_dir=/var/lib/babelcast
urls=http://0.0.0.0:5080
user=babelcast
dotnet_path=""
publish=1
dry_run=0
root=""
unit_name=babelcast.service

die() { echo "install-service: $*" >&2; exit 1; }
say() { echo "install-service: $*"; }
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
    --data-dir) data_dir="${2:?--data-dir needs a directory}"; shift 2 ;;
    --urls) urls="${2:?--urls needs a value}"; shift 2 ;;
    --user) user="${2:?--user needs a name}"; shift 2 ;;
    --dotnet) dotnet_path="${2:?--dotnet needs a path}"; shift 2 ;;
    --no-publish) publish=0; shift ;;
    --dry-run) dry_run=1; shift ;;
    --root) root="${2:?--root needs a directory}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

for path in "$prefix" "$data_dir"; do
  case "$path" in
    /*) ;;
    *) die "$path must be an absolute path" ;;
  esac
  # The unit file takes these verbatim: no spaces, quotes or specifiers that systemd would reinterpret.
  [[ "$path" =~ ^/[A-Za-z0-9._/-]+$ ]] || die "$path: use only letters, digits, '.', '_', '-' and '/'"
  [ "$path" != "/" ] || die "refusing to use / as a directory"
done
[[ "$user" =~ ^[a-z_][a-z0-9_-]*$ ]] || die "$user is not a valid user name"
urls_pattern='^[][A-Za-z0-9:/.;*+_-]+$'
[[ "$urls" =~ $urls_pattern ]] || die "$urls: unexpected characters in --urls"

if [ -z "$dotnet_path" ]; then
  dotnet_path="$(command -v dotnet || true)"
  [ -n "$dotnet_path" ] || die "dotnet not found on PATH (install the .NET 10 SDK, or pass --dotnet PATH)"
fi
case "$dotnet_path" in /*) ;; *) die "--dotnet must be an absolute path" ;; esac
[ -x "$dotnet_path" ] || die "$dotnet_path is not executable"

if [ "$dry_run" -eq 1 ]; then
  root="${root:-$PWD/babelcast-staging}"
  mkdir -p "$root"
  root="$(cd "$root" && pwd)"
  say "dry run: staging everything under $root (no user, no owners, no systemd changes)"
else
  [ -z "$root" ] || die "--root is only for --dry-run"
  [ "$(id -u)" -eq 0 ] || die "run as root (sudo $0 ...), or try --dry-run"
fi

stage_prefix="${root}${prefix}"
stage_data="${root}${data_dir}"
stage_unit="${root}/etc/systemd/system/${unit_name}"

# 1. The server: published into a new directory that replaces the old one whole, so no stale file survives an update.
if [ "$publish" -eq 1 ]; then
  say "publishing the server (Release) into $prefix"
  mkdir -p "$(dirname "$stage_prefix")"
  rm -rf "${stage_prefix}.new"
  "$dotnet_path" publish "$repo_root/src/Babelcast.Server/Babelcast.Server.csproj" -c Release -nologo -v quiet \
    -o "${stage_prefix}.new" -p:UseAppHost=false
  rm -rf "${stage_prefix}.old"
  [ ! -e "$stage_prefix" ] || mv "$stage_prefix" "${stage_prefix}.old"
  mv "${stage_prefix}.new" "$stage_prefix"
  rm -rf "${stage_prefix}.old"
else
  [ -f "$stage_prefix/babelcast.dll" ] || die "--no-publish: $prefix/babelcast.dll does not exist"
fi
# Code is read-only for the service: owned by root, readable by everyone.
chmod -R u=rwX,go=rX "$stage_prefix"

# 2. The system user (no login, no home of its own but the data directory).
if [ "$dry_run" -eq 1 ]; then
  say "would create system user $user (home $data_dir, shell /usr/sbin/nologin) if missing"
elif getent passwd "$user" >/dev/null; then
  say "system user $user exists"
else
  say "creating system user $user"
  useradd --system --user-group --home-dir "$data_dir" --no-create-home --shell /usr/sbin/nologin \
    --comment "Babelcast server" "$user"
fi

# 3. The data directory: only the service user may enter it (the server creates its files 0600).
mkdir -p "$stage_data"
chmod 0700 "$stage_data"
if [ "$dry_run" -eq 1 ]; then
  say "would chown -R $user:$user $data_dir"
else
  chown -R "$user:$user" "$stage_data"
fi

# 4. The unit.
mkdir -p "$(dirname "$stage_unit")"
unit_tmp="$(mktemp "${stage_unit}.XXXXXX")"
trap 'rm -f "$unit_tmp"' EXIT
cat >"$unit_tmp" <<EOF
# Written by scripts/install-service.sh; rerun it to change these settings. Local additions belong in a drop-in
# (systemctl edit ${unit_name}), e.g. Environment=Babelcast__PublicBaseUrl=https://captions.example.org
[Unit]
Description=Babelcast live speech translation server
After=network-online.target
Wants=network-online.target

[Service]
Type=notify
User=${user}
Group=${user}
WorkingDirectory=${prefix}
ExecStart=${dotnet_path} ${prefix}/babelcast.dll
Environment=ASPNETCORE_URLS=${urls}
Environment=Babelcast__DataDirectory=${data_dir}
Environment=HOME=${data_dir}
Environment=DOTNET_NOLOGO=1
Environment=DOTNET_CLI_TELEMETRY_OPTOUT=1
# Optional settings and secrets (e.g. BABELCAST_ADMIN_PASSWORD for the first start), readable by root only.
EnvironmentFile=-/etc/babelcast/babelcast.env
Restart=on-failure
RestartSec=5s
TimeoutStartSec=300s
TimeoutStopSec=30s
UMask=0077
LimitNOFILE=65536

# Sandbox: the service writes only its data directory and its private /tmp, sees no home directories and cannot
# gain privileges. Apertium runs as child processes and reads /usr/share (read-only is enough); espeak-ng,
# PocketSphinx and LAME are libraries. MemoryDenyWriteExecute stays off: the .NET JIT writes executable code.
NoNewPrivileges=yes
ProtectSystem=strict
ReadWritePaths=${data_dir}
ProtectHome=yes
PrivateTmp=yes
PrivateDevices=yes
PrivateMounts=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
ProtectProc=invisible
CapabilityBoundingSet=
AmbientCapabilities=
# AF_NETLINK: listing the network interfaces (the LAN addresses in join links) uses a netlink socket.
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
LockPersonality=yes
RemoveIPC=yes
KeyringMode=private
SystemCallArchitectures=native
SystemCallFilter=@system-service
SystemCallErrorNumber=EPERM

[Install]
WantedBy=multi-user.target
EOF
chmod 0644 "$unit_tmp"
if [ -f "$stage_unit" ] && cmp -s "$unit_tmp" "$stage_unit"; then
  say "unit $stage_unit unchanged"
  rm -f "$unit_tmp"
else
  mv "$unit_tmp" "$stage_unit"
  say "wrote $stage_unit"
fi
trap - EXIT

# 5. Start it (only where systemd is the running init; containers and chroots get instructions instead).
next_steps="systemctl daemon-reload && systemctl enable --now ${unit_name}"
if [ "$dry_run" -eq 1 ]; then
  say "dry run done; on the target machine: $next_steps"
elif [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  systemctl daemon-reload
  systemctl enable "$unit_name" >/dev/null
  # restart, not start: a rerun after an update must load the new files.
  systemctl restart "$unit_name"
  say "started; status: systemctl status ${unit_name}; log: journalctl -u ${unit_name} -f"
else
  say "systemd is not running here; when it is: $next_steps"
fi
