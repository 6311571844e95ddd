#!/usr/bin/env bash
# Remote lookup latency: instance A resolves numbers only instance B knows
# (ENUM at B, then WebFinger at B) across a link with a 20 ms round trip.
# Cold cache: every number is asked once, A starts empty. Prints p50/p99
# and each in round trips of the link; the target is p50 <= 3 RTT (only the
# dependent steps — ENUM, then WebFinger — are sequential).
#
#   bench/lookup.sh [NUMBERS] [DELAY_MS]        defaults: 200 10
#
# The link is bench/delay_proxy.py on 127.0.0.1 (DELAY_MS each way, TCP
# connects cost one round trip), because `tc netem` needs the sch_netem
# kernel module, which not every machine has. Everything listens on
# 127.0.0.1; every loop is bounded.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
COUNT=${1:-200}
DELAY=${2:-10}
SUBJECTS=$((COUNT * 2 + 100))
WORK=/tmp/callsign-bench/lookup
rm -rf "$WORK" && mkdir -p "$WORK"
[ -f "$GEN" ] || die "missing $GEN (shared/ must sit beside the repository)"
command -v curl >/dev/null || die "curl is required"

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

build_release
python3 "$GEN" --subjects "$SUBJECTS" --format ndjson > "$WORK/b.ndjson"
# Numbers B publishes in ENUM: public, discoverable, with another public address.
python3 - "$WORK/b.ndjson" "$COUNT" > "$WORK/numbers" <<'PY'
import json, sys
out = []
for line in open(sys.argv[1]):
    s = json.loads(line)
    public = [a for a in s["addresses"] if a.get("visibility", "public") == "public"]
    for a in public:
        if a["uri"].startswith("tel:") and a.get("discoverable", True) and len(public) > 1:
            out.append(a["uri"])
for uri in out[: int(sys.argv[2])]:
    print(uri)
PY
DOMAINS=$(python3 -c 'import json,sys; print(" ".join(sorted({json.loads(l)["domain"] for l in open(sys.argv[1])})))' "$WORK/b.ndjson")
[ "$(wc -l < "$WORK/numbers")" -ge "$COUNT" ] || die "dataset has too few published numbers"

B_HTTP=$(free_port); B_DNS=$(free_port); P_HTTP=$(free_port); P_DNS=$(free_port); A_HTTP=$(free_port)
CALLSIGN_DATABASE_URL="sqlite://$WORK/b.db" "$CALLSIGN" import "$WORK/b.ndjson" >/dev/null 2>&1
# B's anonymous rate limit would throttle A's WebFinger fetches (A is one
# client IP asking hundreds of times a second): off for the measurement.
CALLSIGN_DATABASE_URL="sqlite://$WORK/b.db" CALLSIGN_LOG_FILTER=warn \
  CALLSIGN_WEBFINGER_RATE_PER_SECOND=0 \
  "$CALLSIGN" serve --http-listen "127.0.0.1:$B_HTTP" --dns-listen "127.0.0.1:$B_DNS" \
  > "$WORK/b.log" 2>&1 & PIDS+=($!)
python3 "$HERE/delay_proxy.py" --delay-ms "$DELAY" \
  --listen-udp "127.0.0.1:$P_DNS" --udp-target "127.0.0.1:$B_DNS" \
  --listen-tcp "127.0.0.1:$P_HTTP" --tcp-target "127.0.0.1:$B_HTTP" \
  > "$WORK/proxy.log" 2>&1 & PIDS+=($!)
HOSTS=$(for d in $DOMAINS; do printf '%s=http://127.0.0.1:%s,' "$d" "$P_HTTP"; done)
CALLSIGN_DATABASE_URL="sqlite://$WORK/a.db" CALLSIGN_LOG_FILTER=warn \
  CALLSIGN_WEBFINGER_RATE_PER_SECOND=0 \
  CALLSIGN_RESOLVER_ENUM_SERVERS="127.0.0.1:$P_DNS" \
  CALLSIGN_RESOLVER_WEBFINGER_HOSTS="${HOSTS%,}" \
  "$CALLSIGN" serve --http-listen "127.0.0.1:$A_HTTP" --dns-listen 127.0.0.1:0 \
  > "$WORK/a.log" 2>&1 & PIDS+=($!)
for port in $B_HTTP $A_HTTP; do
  for _ in $(seq 300); do
    curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
    sleep 0.1
  done
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || die "callsign on $port did not become ready"
done

# The link itself: one HTTP request on a new connection is 2 round trips.
LINK=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$P_HTTP/healthz")
echo "link: new-connection HTTP request through the proxy: $(python3 -c "print(f'{$LINK*1000:.1f}')") ms (expected ~$((4 * DELAY)) ms)"

: > "$WORK/times"
incomplete=0
while read -r number; do
  out=$(curl -s -m 10 -w '\n%{http_code} %{time_total}' "http://127.0.0.1:$A_HTTP/api/v1/lookup?address=$number")
  read -r code secs <<< "$(tail -1 <<< "$out")"
  [ "$code" = 200 ] || { echo "lookup $number: HTTP $code" >&2; incomplete=$((incomplete + 1)); continue; }
  grep -q '"complete":true' <<< "$out" || { incomplete=$((incomplete + 1)); head -1 <<< "$out" >> "$WORK/incomplete.ndjson"; }
  echo "$secs" >> "$WORK/times"
done < "$WORK/numbers"

python3 - "$WORK/times" "$DELAY" "$incomplete" <<'PY'
import sys
times = sorted(float(l) * 1000 for l in open(sys.argv[1]))
rtt = 2 * float(sys.argv[2])
def pct(p):
    return times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))]
p50, p99 = pct(50), pct(99)
print(f"remote tel -> every address, {len(times)} distinct numbers, cold cache, RTT {rtt:.0f} ms")
print(f"  p50 {p50:6.1f} ms = {p50 / rtt:.2f} RTT   (target <= 3 RTT)")
print(f"  p99 {p99:6.1f} ms = {p99 / rtt:.2f} RTT")
print(f"  incomplete or failed answers: {sys.argv[3]}")
PY
[ -s "$WORK/incomplete.ndjson" ] && { echo "first incomplete answer:"; head -1 "$WORK/incomplete.ndjson"; }
true
