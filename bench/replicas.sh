#!/usr/bin/env bash
# Replica convergence: two release `callsign serve` replicas (A, B) on one
# throwaway PostgreSQL. For each of WRITES admin writes on A (in turn a new
# subject with a public number and SIP address, a new public SIP address on
# the previous subject, and a new number block with a SIP template), the
# time from A's HTTP response until B's DNS (NAPTR over UDP) and B's
# WebFinger answer show the new address (for a block: at a number inside
# it), polled about every millisecond. Prints p50/p99/max of both, and of
# the block writes alone.
#
#   bench/replicas.sh [WRITES] [WORKDIR]     defaults: 300 /tmp/callsign-bench
#
# Target: p99 < 100 ms on both channels. B's safety-net poll is set to a
# minute, so everything it shows came through the change feed
# (LISTEN/NOTIFY). Everything listens on 127.0.0.1 only; every loop is
# bounded in count and time.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
WRITES=${1:-300}
WORK=${2:-/tmp/callsign-bench}/replicas
mkdir -p "$WORK"
[ "$WRITES" -ge 1 ] || die "WRITES must be at least 1"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  stop_pg
}
trap cleanup EXIT

build_release
start_pg "$WORK"
TOKEN="bench-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"

# start_replica NAME: sets HTTP_PORT and DNS_PORT, waits for /readyz.
start_replica() {
  local name=$1
  HTTP_PORT=$(free_port)
  DNS_PORT=$(free_port)
  CALLSIGN_DATABASE_URL="$PG_URL" CALLSIGN_ADMIN_TOKEN="$TOKEN" \
    CALLSIGN_HTTP_LISTEN="127.0.0.1:$HTTP_PORT" CALLSIGN_DNS_LISTEN="127.0.0.1:$DNS_PORT" \
    CALLSIGN_WEBFINGER_RATE_PER_SECOND=0 CALLSIGN_DIRECTORY_POLL_INTERVAL_MS=60000 \
    RUST_LOG=warn "$CALLSIGN" serve > "$WORK/$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || die "replica $name exited: $(tail -5 "$WORK/$name.log")"
    sleep 0.2
  done
  die "replica $name not ready within 60 s: $(tail -5 "$WORK/$name.log")"
}

start_replica a
A_HTTP=$HTTP_PORT
start_replica b
B_HTTP=$HTTP_PORT
B_DNS=$DNS_PORT
echo "PostgreSQL $PG_URL; replica A http :$A_HTTP; replica B http :$B_HTTP dns :$B_DNS"

status=0
python3 - "$A_HTTP" "$B_HTTP" "$B_DNS" "$TOKEN" "$WRITES" <<'PY' || status=$?
import http.client, json, random, socket, struct, sys, time

a_http, b_http, b_dns, token, writes = sys.argv[1:6]
writes = int(writes)
WAIT = 5.0            # longest wait for one write to show on B, seconds
BUDGET = 600.0        # the whole run, seconds
POLL = 0.001          # between polls of B, seconds

a = http.client.HTTPConnection("127.0.0.1", int(a_http), timeout=10)
b = http.client.HTTPConnection("127.0.0.1", int(b_http), timeout=10)
dns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
dns.connect(("127.0.0.1", int(b_dns)))
dns.settimeout(0.05)
admin = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}

def call(conn, method, path, body=None, headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    return r.status, r.read()

def naptr_query(e164):
    qid = random.randrange(65536)
    labels = list(reversed(e164.lstrip("+"))) + ["e164", "arpa"]
    name = b"".join(bytes([len(l)]) + l.encode() for l in labels) + b"\0"
    return qid, struct.pack(">HHHHHH", qid, 0, 1, 0, 0, 0) + name + struct.pack(">HH", 35, 1)

def dns_shows(e164, needle):
    qid, q = naptr_query(e164)
    dns.send(q)
    deadline = time.perf_counter() + 0.2
    while time.perf_counter() < deadline:
        try:
            answer = dns.recv(4096)
        except socket.timeout:
            return False
        if answer[:2] == struct.pack(">H", qid):
            return needle in answer
    return False

def webfinger_shows(e164, uri):
    status, body = call(b, "GET", "/.well-known/webfinger?resource=tel:" + e164)
    return status == 200 and uri in json.loads(body)["aliases"]

dns_ms, wf_ms, write_ms, missed = [], [], [], 0
block_dns_ms, block_wf_ms = [], []
started = time.perf_counter()
subject_id = e164 = None
for i in range(writes):
    if time.perf_counter() - started > BUDGET:
        print(f"stopped after {i} writes: over the {BUDGET:.0f} s budget")
        break
    kind = ("subject", "address", "block")[i % 3]
    if kind == "subject":
        e164 = "+1617%03d%04d" % (300 + i // 10000, i % 10000)
        uri = "sip:bench%05d@example.org" % i
        body = {"handle": "bench%05d" % i, "domain": "example.org",
                "addresses": [{"uri": "tel:" + e164}, {"uri": uri}]}
        path = "/api/v1/subjects"
    elif kind == "address":  # on the subject just made: same number
        uri = "sip:bench%05d-desk@example.org" % i
        body = {"uri": uri, "label": "desk"}
        path = "/api/v1/subjects/%s/addresses" % subject_id
    else:
        prefix = "+4989%05d" % (10000 + i)
        host = "blk%05d.example.org" % i
        body = {"prefix": prefix, "length": 13, "templates": [{"uri": "sip:\\1@" + host}]}
        path = "/api/v1/blocks"
        e164, uri = prefix + "1234", "sip:1234@" + host
    # NAPTR regexps carry a number's URI as plain bytes ("!^.*$!<uri>!"); a
    # block's refers back to the digits ("…!sip:\1@<host>!").
    needle = (b"@" + host.encode() if kind == "block" else b"!" + uri.encode()) + b"!"
    sent = time.perf_counter()
    status, reply = call(a, "POST", path, json.dumps(body), admin)
    done = time.perf_counter()
    if status != 201:
        sys.exit(f"write {i} on A: HTTP {status}: {reply[:200]!r}")
    if kind == "subject":
        subject_id = json.loads(reply)["id"]
    write_ms.append((done - sent) * 1000)
    seen_dns = seen_wf = None
    while (seen_dns is None or seen_wf is None) and time.perf_counter() - done < WAIT:
        if seen_dns is None and dns_shows(e164, needle):
            seen_dns = time.perf_counter()
        if seen_wf is None and webfinger_shows(e164, uri):
            seen_wf = time.perf_counter()
        time.sleep(POLL)
    if seen_dns is None or seen_wf is None:
        missed += 1
        continue
    dns_ms.append((seen_dns - done) * 1000)
    wf_ms.append((seen_wf - done) * 1000)
    if kind == "block":
        block_dns_ms.append(dns_ms[-1])
        block_wf_ms.append(wf_ms[-1])

def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]

def line(label, values):
    if not values:
        return f"{label:<28} no samples"
    return (f"{label:<28} p50 {pct(values, 50):7.2f} ms  p99 {pct(values, 99):7.2f} ms  "
            f"max {max(values):7.2f} ms  (n={len(values)})")

print(line("write on A (HTTP 201)", write_ms))
print(line("A response -> B DNS", dns_ms))
print(line("A response -> B WebFinger", wf_ms))
print(line("  block writes -> B DNS", block_dns_ms))
print(line("  block writes -> B WebFinger", block_wf_ms))
if missed:
    print(f"{missed} writes did not show on B within {WAIT:.0f} s")
worst = max(pct(dns_ms, 99), pct(wf_ms, 99)) if dns_ms and wf_ms else float("inf")
print(f"target: p99 < 100 ms on both channels: {'met' if worst < 100 and not missed else 'NOT met'}")
sys.exit(1 if missed or worst >= 100 else 0)
PY

cat <<'EOF'

For comparison (not run here; what the same write would need elsewhere):
  PowerDNS (gpgsql backend, servers sharing one PostgreSQL): every server
    reads the database, but its packet cache (cache-ttl, default 20 s), query
    cache (query-cache-ttl, 20 s) and negative cache (negquery-cache-ttl,
    60 s) hide a change until they expire, so a new number can take up to a
    minute; turning the caches off costs most of its throughput. WebFinger
    is not part of it.
  Knot DNS (zone files, secondaries): the change must reach the primary's
    zone (edit + `knotc zone-reload`, or a dynamic update), then NOTIFY and
    an IXFR to every secondary; without NOTIFY, secondaries wait for the SOA
    refresh (callsign's default 3600 s). WebFinger needs a pipeline of its own.
EOF
exit "$status"
