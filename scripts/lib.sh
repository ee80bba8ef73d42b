# Shared by scripts/run, scripts/test and scripts/size: idempotent installers
# that take everything from the package registries (crates.io, npm, Debian,
# PyPI) and skip whatever is already present. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

CARGO_LEPTOS_VERSION="0.3.10"

log() { printf '\n\033[1;36m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else
    echo "need root for: $*" >&2; return 1; fi
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return
  log "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_cargo_leptos() {
  if cargo leptos --version 2>/dev/null | grep -q " $CARGO_LEPTOS_VERSION"; then return; fi
  log "Building cargo-leptos $CARGO_LEPTOS_VERSION from crates.io (once per machine, ~11 min)"
  # no_downloads: it must find wasm-bindgen, tailwind and wasm-opt on PATH
  # instead of fetching them from the web.
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
}

ensure_wasm_bindgen() {
  local want
  want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"
  if wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then return; fi
  log "Building wasm-bindgen-cli $want (must equal the crate in Cargo.lock)"
  # Not --locked: its lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$want"
}

# npm install in $1 when node_modules is missing or the lock file changed.
ensure_npm() {
  local dir="$1" stamp="$1/node_modules/.trellis-lock-sha"
  local sum
  sum="$(sha256sum "$dir/package.json" "$dir/package-lock.json" 2>/dev/null | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then return; fi
  log "Installing npm packages in ${dir#"$ROOT"/}"
  # `npm install` rather than `npm ci`: the root lock lacks the non-Linux
  # tailwind binaries the registry no longer serves (see shared/TOOLCHAIN.md).
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error)
  sum="$(sha256sum "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -d' ' -f1)"
  echo "$sum" >"$stamp"
}

APT_UPDATED=""
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "Installing Debian packages: ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# A Python package at an exact version, from PyPI.
ensure_pip() {
  local module="$1" spec="$2"
  python3 -c "import $module" 2>/dev/null && return
  log "Installing $spec from PyPI"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "$spec"
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_npm "$ROOT"
  ensure_cargo_leptos
  ensure_wasm_bindgen
}

build_release() {
  log "Building the release (server + wasm + css)"
  cargo leptos build --release --precompress
}

# A throw-away PostgreSQL cluster on a private port, as a non-root user.
# Tests run it with fsync off; benchmarks set PG_FSYNC=on.
start_postgres() {
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_DIR=$(mktemp -d /tmp/trellis-pg.XXXXXX)
  # A free port, so a leftover or a developer's own server is never in the way.
  PG_PORT=${TRELLIS_TEST_PG_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
  local run=(bash -c)
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DIR"; run=(su postgres -s /bin/bash -c); fi
  "${run[@]}" "$pgbin/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8 >$PG_DIR/initdb.log 2>&1 &&
    $pgbin/pg_ctl -D $PG_DIR/data -l $PG_DIR/server.log -w \
      -o '-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=${PG_FSYNC:-off} -c max_connections=200' start >/dev/null" ||
    { cat "$PG_DIR"/*.log >&2; rm -rf "$PG_DIR"; return 1; }
  PG_STOP="$pgbin/pg_ctl -D $PG_DIR/data -m immediate stop"
  PG_RUN=("${run[@]}")
  export TRELLIS_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  export TRELLIS_REQUIRE_POSTGRES=1
}
stop_postgres() {
  if [ -n "${PG_STOP:-}" ]; then "${PG_RUN[@]}" "$PG_STOP" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; fi
}
