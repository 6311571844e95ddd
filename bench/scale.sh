#!/usr/bin/env bash
# Scale: cold start of `callsign serve` (process start to /readyz 200) and
# its resident memory once ready, beside Knot DNS's RSS for the same zone.
#
#   bench/scale.sh [SUBJECTS] [RUNS] [BACKEND]   defaults: 1000000 3 sqlite
#
# BACKEND is sqlite or postgres (a throwaway cluster the dataset is imported
# into first). Target: ready in <= 5 s, RSS callsign/knot <= 1.0. The SQLite
# database and dataset are shared with bench/dns.sh
# (/tmp/callsign-bench/dns-SUBJECTS). "Cold" is the process: the database
# may sit in the page cache, as it does after any restart of a running host.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-1000000}
RUNS=${2:-3}
BACKEND=${3:-sqlite}
case "$BACKEND" in sqlite | postgres) ;; *) die "BACKEND is sqlite or postgres, not $BACKEND" ;; esac
WORK=/tmp/callsign-bench/dns-$N
CS_PORT=5300
mkdir -p "$WORK"
[ -f "$PEERS" ] || die "missing $PEERS (shared/ must sit beside the repository)"
command -v knotd >/dev/null && command -v dig >/dev/null || bash "$PEERS" setup

CS_PID=
cleanup() {
  [ -n "$CS_PID" ] && kill "$CS_PID" 2>/dev/null || true
  bash "$PEERS" stop knot "$WORK" >/dev/null 2>&1 || true
  stop_pg
  [ "$BACKEND" = postgres ] && rm -rf "$WORK/pg"  # gigabytes of WAL
  return 0
}
trap cleanup EXIT

build_release
peer_data "$WORK" "$N"
DB_URL="sqlite://$WORK/callsign.db"
if [ "$BACKEND" = postgres ]; then
  start_pg "$WORK"
  RUST_LOG=warn CALLSIGN_DATABASE_URL=$PG_URL "$CALLSIGN" import "$WORK/subjects.ndjson" >/dev/null
  DB_URL=$PG_URL
fi

rss_mb() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
now() { date +%s.%N; }

declare -a ready rss hwm
for r in $(seq 1 "$RUNS"); do
  HTTP_PORT=$(free_port)
  start=$(now)
  CALLSIGN_DATABASE_URL="$DB_URL" CALLSIGN_DNS_LISTEN="127.0.0.1:$CS_PORT" \
    CALLSIGN_HTTP_LISTEN="127.0.0.1:$HTTP_PORT" RUST_LOG=info \
    "$CALLSIGN" serve > "$WORK/scale.log" 2>&1 &
  CS_PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/readyz"; do
    kill -0 "$CS_PID" 2>/dev/null || die "callsign exited: $(tail -5 "$WORK/scale.log")"
    sleep 0.05
  done
  t=$(python3 -c "print(f'{$(now) - $start:.2f}')")
  # Let the DNS side finish starting before reading memory.
  for _ in $(seq 1 100); do
    dig @127.0.0.1 -p "$CS_PORT" e164.arpa SOA +time=1 +tries=1 +short 2>/dev/null | grep -q . && break
    sleep 0.1
  done
  ready+=("$t"); rss+=("$(rss_mb "$CS_PID")"); hwm+=("$(hwm_mb "$CS_PID")")
  echo "run $r: ready in $t s, RSS ${rss[-1]} MB (peak ${hwm[-1]} MB); $(grep -o 'directory loaded.*' "$WORK/scale.log" | tr -d '\033' | sed 's/\[[0-9;]*m//g')"
  kill "$CS_PID"; wait "$CS_PID" 2>/dev/null || true; CS_PID=
done

bash "$PEERS" stop knot "$WORK" >/dev/null 2>&1 || true
kstart=$(now)
bash "$PEERS" start knot "$WORK" >/dev/null
kt=$(python3 -c "print(f'{$(now) - $kstart:.2f}')")
KN_RSS=$(rss_mb "$(cat "$WORK/knot/pid")")

python3 - "${ready[*]}" "${rss[*]}" "${hwm[*]}" "$KN_RSS" "$kt" "$N" "$BACKEND" <<'PY'
import sys
ready, rss, hwm = [[float(x) for x in a.split()] for a in sys.argv[1:4]]
krss, kt, n = int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
best, med = min(ready), sorted(ready)[len(ready) // 2]
r = sorted(rss)[len(rss) // 2]
print(f"{n} subjects, {len(ready)} runs, {sys.argv[7]}")
print(f"callsign ready {med:.2f} s (median; best {best:.2f} s)  RSS {r:.0f} MB (peak {max(hwm):.0f} MB)")
print(f"knot     answering {kt:.2f} s  RSS {krss} MB")
print(f"RSS callsign/knot {r / krss:.2f} (target <= 1.0)  ready {med:.2f} s (target <= 5)")
PY
