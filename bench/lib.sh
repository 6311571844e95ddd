# Shared helpers for the benchmark scripts (sourced, not run).
# Everything listens on 127.0.0.1 only.

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
# shared/ sits beside the repository; a worktree elsewhere names it in SHARED.
SHARED="${SHARED:-$(cd "$ROOT/../shared" 2>/dev/null && pwd || true)}"
PEERS="$SHARED/bench/peers.sh"
GEN="$SHARED/tools/gen_dataset.py"
CALLSIGN="${CARGO_TARGET_DIR:-$ROOT/target}/release/callsign"

die() { echo "bench: $*" >&2; exit 2; }

build_release() {
  (cd "$ROOT" && cargo build --release --quiet) || die "release build failed"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start_pg DIR: a throwaway PostgreSQL cluster in DIR; sets PG_URL, PG_DIR, PG_BIN.
start_pg() {
  local dir=$1
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$PG_BIN" ] || die "PostgreSQL server binaries not installed (apt-get install postgresql)"
  PG_DIR=$dir/pg
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR"
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres:postgres "$PG_DIR"
    as=(setpriv --reuid=postgres --regid=postgres --init-groups)
  fi
  local port; port=$(free_port)
  "${as[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust >/dev/null
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min" start >/dev/null
  PG_AS=("${as[@]}")
  PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

stop_pg() {
  [ -n "${PG_DIR:-}" ] && "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
}

# data DIR N: the shared dataset (NDJSON etc.), generated once per size.
dataset() {
  local dir=$1 n=$2
  if [ ! -s "$dir/subjects.ndjson" ] || [ "$(cat "$dir/.size" 2>/dev/null)" != "$n" ]; then
    mkdir -p "$dir"
    python3 "$GEN" --subjects "$n" --format ndjson > "$dir/subjects.ndjson"
    echo "$n" > "$dir/.size"
  fi
}

# peer_data DIR N: the peers' data (zone, queries, PowerDNS rows) and a
# callsign SQLite database of the same N subjects, made once per size.
peer_data() {
  local dir=$1 n=$2
  if [ ! -s "$dir/queries.txt" ] || [ ! -s "$dir/e164.zone" ] || [ "$(cat "$dir/.size" 2>/dev/null)" != "$n" ]; then
    bash "$PEERS" data "$dir" "$n"
    rm -f "$dir"/callsign.db*
    echo "$n" > "$dir/.size"
  fi
  if [ ! -s "$dir/callsign.db" ]; then
    RUST_LOG=warn CALLSIGN_DATABASE_URL="sqlite://$dir/callsign.db" "$CALLSIGN" import "$dir/subjects.ndjson"
  fi
}
