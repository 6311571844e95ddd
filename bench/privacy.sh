#!/usr/bin/env bash
# Hidden vs unknown keys by time: a key the caller may not use (discoverable
# by nobody) must answer like a key that does not exist, in time as in
# bytes. Loads N subjects into a release callsign on loopback, then asks
# WebFinger and the lookup API for hidden and unknown keys, interleaved at
# random on one keep-alive connection, and prints the median and p99 of
# each and the relative difference of the medians (target: within 5 %).
#
#   bench/privacy.sh [SUBJECTS] [REQUESTS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-10000}
REQUESTS=${2:-1000}
WORK=/tmp/callsign-bench/privacy-$N
mkdir -p "$WORK"

[ -x "$CALLSIGN" ] || build_release
# Subject i: a public number findable by everyone, and a public SIP
# address findable by nobody — the hidden key.
python3 - "$N" > "$WORK/subjects.ndjson" <<'PY'
import json, sys
for i in range(int(sys.argv[1])):
    print(json.dumps({
        "handle": f"u{i:07d}", "domain": "example.com",
        "addresses": [
            {"uri": f"tel:+1212{2000000 + i:07d}", "discoverable": "everyone"},
            {"uri": f"sip:u{i:07d}@example.com", "discoverable": "nobody"},
        ]}))
PY
rm -f "$WORK"/callsign.db*
RUST_LOG=warn CALLSIGN_DATABASE_URL="sqlite://$WORK/callsign.db" "$CALLSIGN" import "$WORK/subjects.ndjson" >/dev/null

PORT=$(free_port)
CALLSIGN_DATABASE_URL="sqlite://$WORK/callsign.db" CALLSIGN_HTTP_LISTEN="127.0.0.1:$PORT" \
  CALLSIGN_DNS_LISTEN=127.0.0.1:0 CALLSIGN_WEBFINGER_RATE_PER_SECOND=0 \
  CALLSIGN_RESOLVER_ENABLED=false RUST_LOG=warn \
  "$CALLSIGN" serve > "$WORK/callsign.log" 2>&1 &
CS_PID=$!
trap 'kill $CS_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null || die "callsign did not become ready"

python3 - "$PORT" "$N" "$REQUESTS" <<'PY'
import http.client, random, statistics, sys, time
port, n, count = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
deadline = time.monotonic() + 300
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)

def get(path):
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    return r.status, body

def paths(channel, key):
    if channel == "webfinger":
        return f"/.well-known/webfinger?resource={key}"
    return f"/api/v1/lookup?address={key}"

rng = random.Random(17)
def hidden():
    return f"sip:u{rng.randrange(n):07d}@example.com"
def unknown():
    # Same length and domain as a hidden key; never stored.
    return f"sip:x{rng.randrange(n):07d}@example.com"

for channel in ("webfinger", "lookup"):
    # The two must answer alike before anything is timed.
    h, u = hidden(), unknown()
    sh, bh = get(paths(channel, h))
    su, bu = get(paths(channel, u))
    if sh != su or bh.replace(h.encode(), b"KEY") != bu.replace(u.encode(), b"KEY"):
        sys.exit(f"{channel}: hidden {sh} {bh!r} differs from unknown {su} {bu!r}")
    for _ in range(200):  # warm-up, not timed
        get(paths(channel, hidden())); get(paths(channel, unknown()))
    order = ["hidden"] * count + ["unknown"] * count
    rng.shuffle(order)
    times = {"hidden": [], "unknown": []}
    for kind in order:
        if time.monotonic() > deadline:
            sys.exit("bench: out of time")
        path = paths(channel, hidden() if kind == "hidden" else unknown())
        t0 = time.perf_counter_ns()
        status, _ = get(path)
        times[kind].append((time.perf_counter_ns() - t0) / 1000)
        if status != sh:
            sys.exit(f"{channel}: {kind} answered {status}, expected {sh}")
    stats = {}
    for kind, t in times.items():
        t.sort()
        stats[kind] = (statistics.median(t), t[int(len(t) * 0.99) - 1])
        print(f"{channel:9} {kind:7}: median {stats[kind][0]:8.1f} us  p99 {stats[kind][1]:8.1f} us  (n={len(t)}, status {sh})")
    mh, mu = stats["hidden"][0], stats["unknown"][0]
    print(f"{channel:9} median difference (hidden - unknown) / unknown: {100 * (mh - mu) / mu:+.2f} % (target within 5 %)")
PY
