# Shared helpers for the scripts in this folder. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
SITE_DIR="${BLANKETT_SITE_DIR:-$CARGO_TARGET_DIR/site}"
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
# Installs Debian packages that are missing.
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Installing Debian packages: ${missing[*]}"
  if [ "$APT_UPDATED" -eq 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; then
    # An interrupted install is repaired once, then retried.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get --fix-broken install -y -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

# The npm packages of the project (wasm-opt for the build; Playwright and
# axe-core for the browser tests), installed exactly as locked.
npm_install() {
  local stamp="$ROOT/end2end/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/end2end/package-lock.json" "$ROOT/end2end/node_modules/.blankett-lock"; then
    log "Installing npm packages (end2end/package-lock.json)"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$ROOT/end2end/package-lock.json" "$ROOT/end2end/node_modules/.blankett-lock"
  fi
}

# A TCP port on the loopback interface that is free right now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
