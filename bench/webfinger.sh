#!/usr/bin/env bash
# WebFinger throughput and p99 latency: callsign against nginx serving the
# same JRDs as static files, alternating in the same run.
#
#   bench/webfinger.sh [SUBJECTS] [SECONDS] [ROUNDS]
#
# WORKERS=N runs callsign with N runtime threads (worker_threads); unset:
# one per CPU.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-20000}
SECS=${2:-10}
ROUNDS=${3:-2}
WORK=/tmp/callsign-bench/webfinger-$N
mkdir -p "$WORK"
command -v wrk >/dev/null && command -v nginx >/dev/null || "$PEERS" setup

build_release
[ -s "$WORK/resources.txt" ] || "$PEERS" data "$WORK" "$N" >/dev/null
rm -f "$WORK"/callsign.db*
RUST_LOG=warn CALLSIGN_DATABASE_URL="sqlite://$WORK/callsign.db" "$CALLSIGN" import "$WORK/subjects.ndjson"

PORT=$(free_port)
[ -n "${WORKERS:-}" ] && export CALLSIGN_WORKER_THREADS=$WORKERS
CALLSIGN_DATABASE_URL="sqlite://$WORK/callsign.db" CALLSIGN_HTTP_LISTEN="127.0.0.1:$PORT" \
  CALLSIGN_DNS_LISTEN=127.0.0.1:0 CALLSIGN_WEBFINGER_RATE_PER_SECOND=0 RUST_LOG=warn \
  "$CALLSIGN" serve > "$WORK/callsign.log" 2>&1 &
CS_PID=$!
"$PEERS" stop nginx "$WORK" 2>/dev/null || true
"$PEERS" start nginx "$WORK" >/dev/null
trap 'kill $CS_PID 2>/dev/null; "$PEERS" stop nginx "$WORK" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null || die "callsign did not become ready"

# Both must answer the same resource with 200 before we time anything.
first=$(head -1 "$WORK/resources.txt")
curl -sf "http://127.0.0.1:$PORT/.well-known/webfinger?resource=$first" >/dev/null || die "callsign: $first"
curl -sf "http://127.0.0.1:8401/.well-known/webfinger?resource=$first" >/dev/null || die "nginx: $first"

declare -a cs_rps ng_rps cs_p99 ng_p99
for r in $(seq 1 "$ROUNDS"); do
  read -r _ rps _ p99 _ non2xx < <("$PEERS" http "http://127.0.0.1:$PORT" "$WORK" "$SECS")
  echo "round $r callsign: $rps req/s p99 $p99 non-2xx $non2xx"
  cs_rps+=("$rps"); cs_p99+=("$p99")
  read -r _ rps _ p99 _ non2xx < <("$PEERS" http "http://127.0.0.1:8401" "$WORK" "$SECS")
  echo "round $r nginx:    $rps req/s p99 $p99 non-2xx $non2xx"
  ng_rps+=("$rps"); ng_p99+=("$p99")
done
python3 - "${cs_rps[*]}" "${ng_rps[*]}" "${cs_p99[*]}" "${ng_p99[*]}" <<'PY'
import sys
def ms(t):
    for unit, f in (("us", 1e-3), ("ms", 1.0), ("s", 1e3)):
        if t.endswith(unit) and t[:-len(unit)].replace(".", "").isdigit():
            return float(t[:-len(unit)]) * f
    return float("nan")
cs, ng = [list(map(float, a.split())) for a in sys.argv[1:3]]
cp, np_ = [[ms(t) for t in a.split()] for a in sys.argv[3:5]]
c, n = sum(cs) / len(cs), sum(ng) / len(ng)
print(f"callsign {c:.0f} req/s p99 {max(cp):.2f} ms | nginx {n:.0f} req/s p99 {max(np_):.2f} ms | "
      f"ratio {c / n:.2f}x (target >= 0.8x, p99 <= nginx)")
PY
