#!/usr/bin/env bash
# ENUM DNS throughput: callsign against Knot DNS and PowerDNS (gpgsql) on
# the same synthetic data, alternating in the same run. Prints QPS and RSS
# of each server and callsign's ratios to them.
#
#   bench/dns.sh [SUBJECTS] [SECONDS] [ROUNDS]     defaults: 1000000 20 2
#   MODE=signed bench/dns.sh [SUBJECTS] [SECONDS] [ROUNDS]
#   MODE=blocks bench/dns.sh [SUBJECTS] [SECONDS] [ROUNDS]
#   RRL=RATE bench/dns.sh [SUBJECTS] [SECONDS] [ROUNDS]
#
# Targets: >= 2.0x the QPS of Knot DNS and of NSD, >= 15x PowerDNS's, RSS
# <= Knot's. With RRL=RATE, callsign (dns.rrl_rate), Knot DNS (mod-rrl) and
# NSD (rrl-ratelimit) all limit responses to RATE per second per client /24
# and the same ratios are measured; choose a RATE above the offered load
# (dnsperf asks from one address), so that the rounds time each limiter's
# bookkeeping on every answer rather than dropped answers. PowerDNS has no
# response rate limiting of its own and is left out then.
# Signed mode (every query with the DO bit, dnsperf -D): callsign signing
# (dns.dnssec, compact denial) against callsign unsigned and Knot DNS with
# mod-onlinesign on the same zone. Targets: signed >= 0.8x callsign
# unsigned, >= 1.5x Knot's online signing, RSS <= Knot's. callsign signs
# every published number's NAPTRs ahead, in the background after the load:
# the script waits until its /metrics say that is done
# (callsign_dnssec_presign_pending 0) before measuring, and prints how long
# it took. Misses (compact denials) are signed per query name, as Knot does.
# Blocks mode: the same subjects plus 100 k number blocks (+49 30 / +49 40,
# 4 open digits each, one template per block) with 10 k overriding numbers
# inside them; queries spread over single numbers (10 % of those misses),
# block numbers and overrides; callsign against Knot DNS serving callsign's
# own zone export (the blocks as RFC 4592 wildcards). Targets: >= 1.5x
# Knot's QPS, RSS <= Knot's.
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
SIGNED_PIDS=()
cleanup() {
  [ -n "$CS_PID" ] && kill "$CS_PID" 2>/dev/null || true
  for pid in "${SIGNED_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  bash "$PEERS" stop knot "$WORK" >/dev/null 2>&1 || true
  bash "$PEERS" stop pdns "$WORK" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# dig_ok PORT: does something answer the zone's SOA there?
# (dig reports timeouts on stdout as ";;" lines: look for a record line.)
dig_ok() { dig @127.0.0.1 -p "$1" e164.arpa SOA +time=1 +tries=1 +short 2>/dev/null | grep -q '^[^;]'; }

# Signed mode: three servers on the same data, all asked with DO.
SIGNED_CS_PORT=5304   # callsign, dns.dnssec = e164.arpa
UNSIGNED_CS_PORT=5300 # callsign, unsigned
KNOT_SIGN_PORT=5305   # Knot DNS with mod-onlinesign

SIGNED_CS_HTTP=127.0.0.1:8304 # the signed callsign's /metrics

# start_callsign PORT DNSSEC LOG [HTTP]: callsign on the bench database (or
# CS_DB); prints its PID.
start_callsign() {
  CALLSIGN_DATABASE_URL="sqlite://${CS_DB:-$WORK/callsign.db}" CALLSIGN_DNS_LISTEN="127.0.0.1:$1" \
    CALLSIGN_HTTP_LISTEN="${4:-127.0.0.1:0}" CALLSIGN_DNS_RRL_RATE=0 CALLSIGN_DNS_DNSSEC="$2" RUST_LOG=warn \
    "$CALLSIGN" serve > "$3" 2>&1 &
  echo $!
}

# metric NAME: its value in the signed callsign's /metrics (empty if absent).
metric() {
  curl -s --max-time 2 "http://$SIGNED_CS_HTTP/metrics" | awk -v m="$1" '$1 == m {print $2}'
}

# wait_presigned: until the signed callsign has signed every number ahead
# (600 s at most); prints how many and how long it took.
wait_presigned() {
  local started=$SECONDS pending done
  for _ in $(seq 1 1200); do
    pending=$(metric callsign_dnssec_presign_pending); done=$(metric callsign_dnssec_presigned)
    if [ "$pending" = 0 ] && [ -n "$done" ] && [ "$done" != 0 ]; then
      echo "pre-signed: $done NAPTR RRsets, $((SECONDS - started)) s after DNS answered"
      return 0
    fi
    sleep 0.5
  done
  die "pre-signing did not finish within 600 s (pending: ${pending:-none})"
}

start_knot_onlinesign() {
  local d=$WORK/knot-sign; mkdir -p "$d/db"
  cat > "$d/knot.conf" <<EOF
server:
    rundir: "$d"
    user: root:root
    listen: 127.0.0.1@$KNOT_SIGN_PORT
    udp-workers: 2
    tcp-workers: 1
    background-workers: 1
database:
    storage: "$d/db"
policy:
  - id: online
    algorithm: ecdsap256sha256
    single-type-signing: on
    nsec3: off
mod-onlinesign:
  - id: compact
    policy: online
template:
  - id: default
    storage: "$d"
    semantic-checks: off
    zonefile-sync: -1
    journal-content: none
zone:
  - domain: e164.arpa
    file: "$WORK/e164.zone"
    module: mod-onlinesign/compact
log:
  - target: stderr
    any: warning
EOF
  setsid knotd -c "$d/knot.conf" > "$d/log" 2>&1 < /dev/null &
  SIGNED_PIDS+=("$!")
}

# dnsperf_do PORT: NAPTR load with the DO bit; prints the QPS.
dnsperf_do() {
  dnsperf -D -s 127.0.0.1 -p "$1" -d "$WORK/queries.txt" -l "$SECS" -c 4 -T 1 -q 200 2>&1 \
    | tee "$WORK/dnsperf-do-$1.log" | awk '/Queries per second/ {printf "%d\n", $4}'
}

# wait_for PORT: until the zone's SOA is answered there (300 s at most).
wait_for() {
  for _ in $(seq 1 600); do dig_ok "$1" && return 0; sleep 0.5; done
  die "nothing answered DNS on port $1 within 300 s"
}

rss_mb() { ps -o rss= -p "$1" | awk '{printf "%d", $1 / 1024}'; }

signed_mode() {
  local port q
  for port in "$SIGNED_CS_PORT" "$UNSIGNED_CS_PORT" "$KNOT_SIGN_PORT"; do
    dig_ok "$port" && die "port $port is already answering DNS; stop that server first"
  done
  SIGNED_PIDS+=("$(start_callsign "$UNSIGNED_CS_PORT" "" "$WORK/callsign-unsigned.log")")
  wait_for "$UNSIGNED_CS_PORT"
  # Started second, so its key is made while nothing else writes.
  SIGNED_PIDS+=("$(start_callsign "$SIGNED_CS_PORT" e164.arpa "$WORK/callsign-signed.log" "$SIGNED_CS_HTTP")")
  wait_for "$SIGNED_CS_PORT"
  wait_presigned
  start_knot_onlinesign
  wait_for "$KNOT_SIGN_PORT"
  # Both signers must really sign: an RRSIG over the apex SOA.
  for port in "$SIGNED_CS_PORT" "$KNOT_SIGN_PORT"; do
    dig @127.0.0.1 -p "$port" e164.arpa SOA +dnssec +norec +short | grep -q '^SOA ' \
      || die "no RRSIG from port $port"
  done
  echo "measuring"
  declare -a sg us kn
  local signed_before; signed_before=$(metric callsign_dnssec_signatures_total)
  for port in "$SIGNED_CS_PORT" "$UNSIGNED_CS_PORT" "$KNOT_SIGN_PORT"; do SECS=3 dnsperf_do "$port" >/dev/null; done
  for r in $(seq 1 "$ROUNDS"); do
    q=$(dnsperf_do "$SIGNED_CS_PORT"); sg+=("$q"); echo "round $r callsign signed:   $q qps"
    q=$(dnsperf_do "$UNSIGNED_CS_PORT"); us+=("$q"); echo "round $r callsign unsigned: $q qps"
    q=$(dnsperf_do "$KNOT_SIGN_PORT"); kn+=("$q"); echo "round $r knot onlinesign:  $q qps"
  done
  echo "signatures callsign made at answer time during the rounds (denials, and the apex SOA):" \
    "$(( ${signed_before:-0} + 0 ))..$(metric callsign_dnssec_signatures_total)"
  python3 - "${sg[*]}" "${us[*]}" "${kn[*]}" "$(rss_mb "${SIGNED_PIDS[1]}")" \
    "$(rss_mb "${SIGNED_PIDS[2]}")" "$N" <<'PY'
import sys
sg, us, kn = [[float(x) for x in a.split()] for a in sys.argv[1:4]]
s, u, k = (sum(v) / len(v) for v in (sg, us, kn))
srss, krss, n = (int(x) for x in sys.argv[4:7])
print(f"{n} subjects, every query with DO, mean of {len(sg)} rounds")
print(f"callsign signed   {s:9.0f} qps  RSS {srss} MB")
print(f"callsign unsigned {u:9.0f} qps")
print(f"knot onlinesign   {k:9.0f} qps  RSS {krss} MB")
print(f"signed/unsigned {s / u:.2f}x (target >= 0.8)  signed/knot {s / k:.2f}x (target >= 1.5)  "
      f"RSS signed/knot {srss / krss:.2f} (target <= 1.0)")
PY
}

# Blocks mode (see the top): data, import, export, Knot on the export, rounds.
blocks_mode() {
  local B=$WORK/blocks
  mkdir -p "$B"
  if [ ! -s "$B/queries.txt" ]; then
    python3 - "$B" "$WORK/queries.txt" <<'PY'
import json, random, sys
out, singles = sys.argv[1], sys.argv[2]
rng = random.Random(20261207)
prefixes = ["4930%d" % (10000 + i) for i in range(90000)] + ["4940%d" % (10000 + i) for i in range(10000)]
with open(out + "/blocks.ndjson", "w") as f:
    overrides = []
    for k in range(10000):
        number = prefixes[k * 10] + "%04d" % rng.randrange(10000)
        overrides.append(number)
        f.write(json.dumps({"handle": "o%05d" % k, "domain": "example.org", "addresses": [
            {"uri": "tel:+" + number}, {"uri": "sip:o%05d@example.org" % k}]}) + "\n")
    for i, p in enumerate(prefixes):
        f.write(json.dumps({"block": {"prefix": "+" + p, "length": 13,
            "templates": [{"uri": "sip:\\1@pbx%d.example.com" % i}]}}) + "\n")
def name(digits):
    return ".".join(reversed(digits)) + ".e164.arpa NAPTR"
with open(singles) as f:
    lines = [l.rstrip("\n") for _, l in zip(range(1200000), f)]
lines += [name(rng.choice(prefixes) + "%04d" % rng.randrange(10000)) for _ in range(700000)]
lines += [name(rng.choice(overrides)) for _ in range(100000)]
rng.shuffle(lines)
with open(out + "/queries.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
PY
  fi
  # The database and its export are made once per data set (the import
  # is not what is measured here).
  if [ ! -s "$B/e164.zone" ] || [ "$B/blocks.ndjson" -nt "$B/e164.zone" ] \
    || [ "$WORK/subjects.ndjson" -nt "$B/e164.zone" ]; then
    rm -f "$B"/callsign.db* "$B/e164.zone"
    cat "$WORK/subjects.ndjson" "$B/blocks.ndjson" \
      | RUST_LOG=warn CALLSIGN_DATABASE_URL="sqlite://$B/callsign.db" "$CALLSIGN" import - \
      || die "import failed"
    CALLSIGN_DATABASE_URL="sqlite://$B/callsign.db" "$CALLSIGN" zone export e164.arpa > "$B/e164.zone.new"
    mv "$B/e164.zone.new" "$B/e164.zone"
  fi
  echo "export: $(grep -c NAPTR "$B/e164.zone") NAPTR records, $(grep -c '^\*' "$B/e164.zone") of them at wildcards"
  dig_ok "$CS_PORT" && die "port $CS_PORT is already answering DNS; stop that server first"
  CS_PID=$(CS_DB="$B/callsign.db" start_callsign "$CS_PORT" "" "$B/callsign.log")
  wait_for "$CS_PORT"
  bash "$PEERS" stop knot "$B" >/dev/null 2>&1 || true
  bash "$PEERS" start knot "$B"
  SIGNED_PIDS+=("$(cat "$B/knot/pid")")
  local mismatches=0 ours
  while read -r name _; do
    ours=$(dig @127.0.0.1 -p "$CS_PORT" "$name" NAPTR +norec +time=2 +tries=1 +noall +answer +nottlid | sort)
    [ "$ours" = "$(dig @127.0.0.1 -p 5301 "$name" NAPTR +norec +time=2 +tries=1 +noall +answer +nottlid | sort)" ] \
      || { echo "answers differ at $name"; mismatches=$((mismatches + 1)); }
  done < <(awk 'NR % 4999 == 1' "$B/queries.txt" | head -60)
  [ "$mismatches" = 0 ] || die "$mismatches answers differ between callsign and Knot"
  declare -a cs kn
  for port in "$CS_PORT" 5301; do bash "$PEERS" dns "$port" "$B" 3 >/dev/null; done
  for r in $(seq 1 "$ROUNDS"); do
    read -r _ q < <(bash "$PEERS" dns "$CS_PORT" "$B" "$SECS"); cs+=("$q"); echo "round $r callsign: $q qps"
    read -r _ q < <(bash "$PEERS" dns 5301 "$B" "$SECS"); kn+=("$q"); echo "round $r knot:     $q qps"
  done
  python3 - "${cs[*]}" "${kn[*]}" "$(rss_mb "$CS_PID")" "$(rss_mb "$(cat "$B/knot/pid")")" "$N" <<'PY'
import sys
cs, kn = [[float(x) for x in a.split()] for a in sys.argv[1:3]]
c, k = (sum(v) / len(v) for v in (cs, kn))
crss, krss, n = (int(x) for x in sys.argv[3:6])
print(f"{n} subjects + 100000 blocks + 10000 overrides, mean of {len(cs)} rounds")
print(f"callsign {c:9.0f} qps  RSS {crss} MB")
print(f"knot     {k:9.0f} qps  RSS {krss} MB (serving callsign's zone export)")
print(f"callsign/knot {c / k:.2f}x (target >= 1.5)  RSS callsign/knot {crss / krss:.2f} (target <= 1.0)")
PY
}

build_release
peer_data "$WORK" "$N"
if [ "${MODE:-}" = blocks ]; then blocks_mode; exit 0; fi
if [ "${MODE:-}" = signed ]; then signed_mode; exit 0; fi

dig_ok "$CS_PORT" && die "port $CS_PORT is already answering DNS; stop that server first"

RRL=${RRL:-0}
KNOT_PORT=5301 NSD_PORT=5303
[ "$RRL" != 0 ] && KNOT_PORT=5311 NSD_PORT=5313

# With RRL: Knot DNS and NSD configured as the peers script does, plus
# their response rate limiting at the same rate as callsign's.
start_knot_rrl() {
  local d=$WORK/knot-rrl; mkdir -p "$d/db"
  cat > "$d/knot.conf" <<EOF
server:
    rundir: "$d"
    user: root:root
    listen: 127.0.0.1@$KNOT_PORT
    udp-workers: 2
    tcp-workers: 1
    background-workers: 1
database:
    storage: "$d/db"
mod-rrl:
  - id: bench
    rate-limit: $RRL
    slip: 2
template:
  - id: default
    storage: "$d"
    semantic-checks: off
    zonefile-sync: -1
    journal-content: none
    global-module: mod-rrl/bench
zone:
  - domain: e164.arpa
    file: "$WORK/e164.zone"
log:
  - target: stderr
    any: warning
EOF
  setsid knotd -c "$d/knot.conf" > "$d/log" 2>&1 < /dev/null &
  echo $! > "$d/pid"
}
start_nsd_rrl() {
  local d=$WORK/nsd-rrl; mkdir -p "$d"
  cat > "$d/nsd.conf" <<EOF
server:
    ip-address: 127.0.0.1@$NSD_PORT
    server-count: 2
    username: ""
    zonesdir: "$WORK"
    database: ""
    pidfile: "$d/nsd.pid"
    xfrdfile: "$d/xfrd.state"
    zonelistfile: "$d/zone.list"
    logfile: "$d/log"
    rrl-ratelimit: $RRL
    rrl-slip: 2
remote-control:
    control-enable: no
zone:
    name: e164.arpa
    zonefile: e164.zone
EOF
  setsid nsd -d -c "$d/nsd.conf" > "$d/out" 2>&1 < /dev/null &
  echo $! > "$d/pid"
}
stop_rrl_peers() {
  local f
  for f in "$WORK/knot-rrl/pid" "$WORK/nsd-rrl/pid"; do
    [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
  done
}
trap 'cleanup; stop_rrl_peers; bash "$PEERS" stop nsd "$WORK" >/dev/null 2>&1 || true' EXIT

CALLSIGN_DATABASE_URL="sqlite://$WORK/callsign.db" CALLSIGN_DNS_LISTEN="127.0.0.1:$CS_PORT" \
  CALLSIGN_HTTP_LISTEN=127.0.0.1:0 CALLSIGN_DNS_RRL_RATE="$RRL" RUST_LOG=warn \
  "$CALLSIGN" serve > "$WORK/callsign.log" 2>&1 &
CS_PID=$!
for _ in $(seq 1 600); do
  dig_ok "$CS_PORT" && break
  kill -0 "$CS_PID" 2>/dev/null || die "callsign exited: $(tail -5 "$WORK/callsign.log")"
  sleep 0.5
done
dig_ok "$CS_PORT" || die "callsign did not answer DNS within 300 s"

for peer in knot nsd pdns; do bash "$PEERS" stop "$peer" "$WORK" >/dev/null 2>&1 || true; done
stop_rrl_peers
PEER_PORTS=("$KNOT_PORT" "$NSD_PORT")
if [ "$RRL" = 0 ]; then
  bash "$PEERS" start knot "$WORK"
  bash "$PEERS" start nsd "$WORK"
  bash "$PEERS" start pdns "$WORK"
  PEER_PORTS+=(5302)
else
  start_knot_rrl
  start_nsd_rrl
  wait_for "$KNOT_PORT"
  wait_for "$NSD_PORT"
  echo "knot (mod-rrl $RRL/s): 127.0.0.1:$KNOT_PORT  nsd (rrl-ratelimit $RRL/s): 127.0.0.1:$NSD_PORT"
fi

# Same questions, same answers: compare a sample before timing anything.
sample() {  # port name
  dig @127.0.0.1 -p "$1" "$2" NAPTR +norec +time=2 +tries=1 +noall +answer +nottlid 2>/dev/null | sort
}
mismatches=0
while read -r name _; do
  ours=$(sample "$CS_PORT" "$name")
  for port in "${PEER_PORTS[@]}"; do
    [ "$ours" = "$(sample "$port" "$name")" ] || { echo "answers differ at $name (port $port)"; mismatches=$((mismatches + 1)); }
  done
done < <(awk 'NR % 997 == 1' "$WORK/queries.txt" | head -30)
[ "$mismatches" = 0 ] || die "$mismatches answers differ between callsign and its peers"

echo "measuring"
declare -a cs kn ns pd
for port in "$CS_PORT" "${PEER_PORTS[@]}"; do bash "$PEERS" dns "$port" "$WORK" 3 >/dev/null; done  # warm up
for r in $(seq 1 "$ROUNDS"); do
  read -r _ q < <(bash "$PEERS" dns "$CS_PORT" "$WORK" "$SECS"); cs+=("$q"); echo "round $r callsign: $q qps"
  read -r _ q < <(bash "$PEERS" dns "$KNOT_PORT" "$WORK" "$SECS"); kn+=("$q"); echo "round $r knot:     $q qps"
  read -r _ q < <(bash "$PEERS" dns "$NSD_PORT" "$WORK" "$SECS"); ns+=("$q"); echo "round $r nsd:      $q qps"
  if [ "$RRL" = 0 ]; then
    read -r _ q < <(bash "$PEERS" dns 5302 "$WORK" "$SECS"); pd+=("$q"); echo "round $r pdns:     $q qps"
  fi
done
CS_RSS=$(rss_mb "$CS_PID")
if [ "$RRL" = 0 ]; then
  KN_RSS=$(rss_mb "$(cat "$WORK/knot/pid")")
  PD_RSS=$(rss_mb "$(cat "$WORK/pdns/pid")")
else
  KN_RSS=$(rss_mb "$(cat "$WORK/knot-rrl/pid")")
  PD_RSS=0
fi
python3 - "${cs[*]}" "${kn[*]}" "${ns[*]}" "${pd[*]:-}" "$CS_RSS" "$KN_RSS" "$PD_RSS" "$N" "$RRL" <<'PY'
import sys
cs, kn, ns, pd = [[float(x) for x in a.split()] for a in sys.argv[1:5]]
mean = lambda v: sum(v) / len(v)
c, k, d = mean(cs), mean(kn), mean(ns)
crss, krss, prss, n, rrl = (int(x) for x in sys.argv[5:10])
print(f"{n} subjects, mean of {len(cs)} rounds" + (f", RRL {rrl}/s on every server" if rrl else ""))
print(f"callsign {c:9.0f} qps  RSS {crss} MB")
print(f"knot     {k:9.0f} qps  RSS {krss} MB")
print(f"nsd      {d:9.0f} qps")
line = (f"callsign/knot {c / k:.2f}x (target >= 2.0)  callsign/nsd {c / d:.2f}x (target >= 2.0)  "
        f"RSS callsign/knot {crss / krss:.2f} (target <= 1.0)")
if pd:
    p = mean(pd)
    print(f"pdns     {p:9.0f} qps  RSS {prss} MB (pdns_server only; PostgreSQL not counted)")
    line += f"  callsign/pdns {c / p:.1f}x (target >= 15)"
print(line)
PY
