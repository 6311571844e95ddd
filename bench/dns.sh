#!/usr/bin/env bash
# ENUM DNS throughput: callsign against Knot DNS and PowerDNS (gpgsql) on
# the same synthetic data, alternating in the same run. Prints QPS and RSS
# of each server and callsign's ratios to them.
#
#   bench/dns.sh [SUBJECTS] [SECONDS] [ROUNDS]     defaults: 1000000 20 2
#
# Targets: >= 1.0x Knot's QPS, >= 15x PowerDNS's, RSS <= Knot's.
# Everything listens on 127.0.0.1 only; the work directory is reused
# between runs of the same size (/tmp/callsign-bench/dns-SUBJECTS).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-1000000}
SECS=${2:-20}
ROUNDS=${3:-2}
WORK=/tmp/callsign-bench/dns-$N
CS_PORT=5300
mkdir -p "$WORK"
[ -x "$PEERS" ] || [ -f "$PEERS" ] || die "missing $PEERS (shared/ must sit beside the repository)"
command -v dnsperf >/dev/null && command -v knotd >/dev/null && command -v pdns_server >/dev/null || bash "$PEERS" setup

CS_PID=
cleanup() {
  [ -n "$CS_PID" ] && kill "$CS_PID" 2>/dev/null || true
  bash "$PEERS" stop knot "$WORK" >/dev/null 2>&1 || true
  bash "$PEERS" stop pdns "$WORK" >/dev/null 2>&1 || true
}
trap cleanup EXIT

build_release
peer_data "$WORK" "$N"

# dig_ok PORT: does something answer the zone's SOA there?
# (dig reports timeouts on stdout as ";;" lines: look for a record line.)
dig_ok() { dig @127.0.0.1 -p "$1" e164.arpa SOA +time=1 +tries=1 +short 2>/dev/null | grep -q '^[^;]'; }
dig_ok "$CS_PORT" && die "port $CS_PORT is already answering DNS; stop that server first"

CALLSIGN_DATABASE_URL="sqlite://$WORK/callsign.db" CALLSIGN_DNS_LISTEN="127.0.0.1:$CS_PORT" \
  CALLSIGN_HTTP_LISTEN=127.0.0.1:0 CALLSIGN_DNS_RRL_RATE=0 RUST_LOG=warn \
  "$CALLSIGN" serve > "$WORK/callsign.log" 2>&1 &
CS_PID=$!
for _ in $(seq 1 600); do
  dig_ok "$CS_PORT" && break
  kill -0 "$CS_PID" 2>/dev/null || die "callsign exited: $(tail -5 "$WORK/callsign.log")"
  sleep 0.5
done
dig_ok "$CS_PORT" || die "callsign did not answer DNS within 300 s"

bash "$PEERS" stop knot "$WORK" >/dev/null 2>&1 || true
bash "$PEERS" stop pdns "$WORK" >/dev/null 2>&1 || true
bash "$PEERS" start knot "$WORK"
bash "$PEERS" start pdns "$WORK"

# Same questions, same answers: compare a sample before timing anything.
sample() {  # port name
  dig @127.0.0.1 -p "$1" "$2" NAPTR +norec +time=2 +tries=1 +noall +answer +nottlid 2>/dev/null | sort
}
mismatches=0
while read -r name _; do
  ours=$(sample "$CS_PORT" "$name")
  for port in 5301 5302; do
    [ "$ours" = "$(sample "$port" "$name")" ] || { echo "answers differ at $name (port $port)"; mismatches=$((mismatches + 1)); }
  done
done < <(awk 'NR % 997 == 1' "$WORK/queries.txt" | head -30)
[ "$mismatches" = 0 ] || die "$mismatches answers differ between callsign and its peers"

rss_mb() { ps -o rss= -p "$1" | awk '{printf "%d", $1 / 1024}'; }
declare -a cs kn pd
for port in "$CS_PORT" 5301 5302; do bash "$PEERS" dns "$port" "$WORK" 3 >/dev/null; done  # warm up
for r in $(seq 1 "$ROUNDS"); do
  read -r _ q < <(bash "$PEERS" dns "$CS_PORT" "$WORK" "$SECS"); cs+=("$q"); echo "round $r callsign: $q qps"
  read -r _ q < <(bash "$PEERS" dns 5301 "$WORK" "$SECS"); kn+=("$q"); echo "round $r knot:     $q qps"
  read -r _ q < <(bash "$PEERS" dns 5302 "$WORK" "$SECS"); pd+=("$q"); echo "round $r pdns:     $q qps"
done
CS_RSS=$(rss_mb "$CS_PID")
KN_RSS=$(rss_mb "$(cat "$WORK/knot/pid")")
PD_RSS=$(rss_mb "$(cat "$WORK/pdns/pid")")
python3 - "${cs[*]}" "${kn[*]}" "${pd[*]}" "$CS_RSS" "$KN_RSS" "$PD_RSS" "$N" <<'PY'
import sys
cs, kn, pd = [[float(x) for x in a.split()] for a in sys.argv[1:4]]
c, k, p = (sum(v) / len(v) for v in (cs, kn, pd))
crss, krss, prss, n = (int(x) for x in sys.argv[4:8])
print(f"{n} subjects, mean of {len(cs)} rounds")
print(f"callsign {c:9.0f} qps  RSS {crss} MB")
print(f"knot     {k:9.0f} qps  RSS {krss} MB")
print(f"pdns     {p:9.0f} qps  RSS {prss} MB (pdns_server only; PostgreSQL not counted)")
print(f"callsign/knot {c / k:.2f}x (target >= 1.0)  callsign/pdns {c / p:.1f}x (target >= 15)  "
      f"RSS callsign/knot {crss / krss:.2f} (target <= 1.0)")
PY
