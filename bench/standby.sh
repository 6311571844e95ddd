#!/usr/bin/env bash
# Read scaling on a PostgreSQL hot standby: REPLICAS release `callsign serve`
# processes started at once, first all on the primary alone, then all with
# `database.read_url` on a streaming standby of it (pg_basebackup). For each
# round: the time until every replica answers /readyz 200, and the CPU time
# the primary's server processes (and the standby's) spent meanwhile, from
# /proc (utime+stime of the postmaster and its live children, plus what
# the postmaster reaped: cutime+cstime).
#
#   bench/standby.sh [SUBJECTS] [REPLICAS] [WORKDIR]   defaults: 100000 8 /tmp/callsign-bench
#   DATA=/path/subjects.ndjson bench/standby.sh ...    import that file instead
#
# Each setup runs once unmeasured first (both servers' caches warm), then
# measured. Everything listens on 127.0.0.1 only; every wait is bounded.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SUBJECTS=${1:-100000}
REPLICAS=${2:-8}
WORK=${3:-/tmp/callsign-bench}/standby
[ "$REPLICAS" -ge 1 ] && [ "$REPLICAS" -le 32 ] || die "REPLICAS must be 1..32"
mkdir -p "$WORK"

PIDS=()
STANDBY_DIR=
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$STANDBY_DIR" ] && "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$STANDBY_DIR/data" -m fast stop >/dev/null 2>&1 || true
  stop_pg
}
trap cleanup EXIT

[ -x "$CALLSIGN" ] || build_release
if [ -n "${DATA:-}" ]; then
  FILE=$DATA
else
  dataset "$WORK/data-$SUBJECTS" "$SUBJECTS"
  FILE=$WORK/data-$SUBJECTS/subjects.ndjson
fi
[ -s "$FILE" ] || die "no dataset at $FILE"

start_pg "$WORK"
PRIMARY_PORT=${PG_URL##*:}; PRIMARY_PORT=${PRIMARY_PORT%%/*}
echo "importing $FILE into the primary"
started=$(date +%s.%N)
RUST_LOG=warn CALLSIGN_DATABASE_URL="$PG_URL" "$CALLSIGN" import "$FILE" >/dev/null
echo "import: $(python3 -c "import sys,time; print(f'{time.time()-float(sys.argv[1]):.1f} s')" "$started")"

# The standby: a base backup streaming the primary's WAL, on a port of its own.
STANDBY_DIR=$WORK/pg-standby
rm -rf "$STANDBY_DIR"
mkdir -p "$STANDBY_DIR"
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$STANDBY_DIR"
STANDBY_PORT=$(free_port)
"${PG_AS[@]}" "$PG_BIN/pg_basebackup" -D "$STANDBY_DIR/data" -h 127.0.0.1 -p "$PRIMARY_PORT" \
  -U postgres -R -X stream --checkpoint=fast
"${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$STANDBY_DIR/data" -l "$STANDBY_DIR/log" -w -t 120 \
  -o "-p $STANDBY_PORT -k $STANDBY_DIR -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c hot_standby_feedback=on" \
  start >/dev/null
STANDBY_URL="postgres://postgres@127.0.0.1:$STANDBY_PORT/postgres"
PG_PSQL="$PG_BIN/psql"
[ -x "$PG_PSQL" ] || PG_PSQL=psql
target=$("$PG_PSQL" -XAtq "$PG_URL" -c "SELECT pg_current_wal_lsn()")
for _ in $(seq 1 600); do
  [ "$("$PG_PSQL" -XAtq "$STANDBY_URL" -c "SELECT pg_last_wal_replay_lsn() >= '$target'")" = t ] && break
  sleep 0.1
done
[ "$("$PG_PSQL" -XAtq "$STANDBY_URL" -c "SELECT pg_last_wal_replay_lsn() >= '$target'")" = t ] \
  || die "the standby did not replay the import within 60 s"
echo "primary $PG_URL; standby $STANDBY_URL"

# cpu_seconds DATADIR: CPU time of that cluster's server processes so far.
cpu_seconds() {
  python3 - "$(head -1 "$1/postmaster.pid")" <<'PY'
import os, sys
root = sys.argv[1]
tick = os.sysconf("SC_CLK_TCK")
def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()
total = 0
for pid in os.listdir("/proc"):
    if not pid.isdigit():
        continue
    try:
        s = stat(pid)
    except OSError:
        continue
    # Fields after the command: state ppid ...; utime stime cutime cstime
    # are fields 14-17 of stat(5), here 11-14.
    if pid == root:
        total += sum(int(x) for x in s[11:15])
    elif s[1] == root:
        total += int(s[11]) + int(s[12])
print(f"{total / tick:.2f}")
PY
}

TOKEN="bench-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"

# round LABEL READ_URL: start REPLICAS replicas at once; print the time
# until all are ready and the CPU seconds both servers spent meanwhile.
round() {
  local label=$1 read_url=$2 ports=() pids=()
  local p0 s0 t0
  p0=$(cpu_seconds "$PG_DIR/data"); s0=$(cpu_seconds "$STANDBY_DIR/data")
  t0=$(date +%s.%N)
  for i in $(seq 1 "$REPLICAS"); do
    local http; http=$(free_port)
    ports+=("$http")
    env CALLSIGN_DATABASE_URL="$PG_URL" ${read_url:+CALLSIGN_DATABASE_READ_URL="$read_url"} \
      CALLSIGN_ADMIN_TOKEN="$TOKEN" CALLSIGN_HTTP_LISTEN="127.0.0.1:$http" \
      CALLSIGN_DNS_LISTEN="127.0.0.1:0" CALLSIGN_DNS_UDP_SOCKETS=1 \
      RUST_LOG=warn "$CALLSIGN" serve > "$WORK/replica-$i.log" 2>&1 &
    pids+=("$!")
    PIDS+=("$!")
  done
  local waiting=("${ports[@]}")
  for _ in $(seq 1 3000); do
    local still=()
    for port in "${waiting[@]}"; do
      curl -sf -o /dev/null "http://127.0.0.1:$port/readyz" || still+=("$port")
    done
    waiting=("${still[@]}")
    [ "${#waiting[@]}" -eq 0 ] && break
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || die "a replica exited: $(tail -5 "$WORK"/replica-*.log)"
    done
    sleep 0.1
  done
  [ "${#waiting[@]}" -eq 0 ] || die "$label: ${#waiting[@]} replicas not ready within 300 s"
  local t1 p1 s1
  t1=$(date +%s.%N)
  p1=$(cpu_seconds "$PG_DIR/data"); s1=$(cpu_seconds "$STANDBY_DIR/data")
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  python3 - "$label" "$REPLICAS" "$t0" "$t1" "$p0" "$p1" "$s0" "$s1" <<'PY'
import sys
label, n, t0, t1, p0, p1, s0, s1 = sys.argv[1], sys.argv[2], *map(float, sys.argv[3:])
print(f"{label:<22} {n} replicas all ready in {t1 - t0:6.1f} s; "
      f"primary CPU {p1 - p0:6.2f} s, standby CPU {s1 - s0:6.2f} s")
PY
}

echo "warm-up (not measured):"
round "primary alone" "" >/dev/null
round "primary + standby" "$STANDBY_URL" >/dev/null
echo "measured:"
round "primary alone" ""
round "primary + standby" "$STANDBY_URL"
