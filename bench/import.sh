#!/usr/bin/env bash
# Import N subjects (default 1,000,000) from gen_dataset.py into SQLite and
# into PostgreSQL with `callsign import`; print time and rows/s for each.
#
#   bench/import.sh [SUBJECTS] [WORKDIR]
#
# BACKENDS="postgres" (or "sqlite") times one backend only.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-1000000}
BACKENDS=${BACKENDS:-sqlite postgres}
WORK=${2:-/tmp/callsign-bench}
mkdir -p "$WORK"
trap stop_pg EXIT

build_release
dataset "$WORK/data-$N" "$N"
FILE="$WORK/data-$N/subjects.ndjson"
ADDRS=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["addresses"]) for l in open(sys.argv[1])))' "$FILE")
echo "dataset: $N subjects, $ADDRS addresses"

run() {  # label url
  local start end secs
  start=$(date +%s.%N)
  RUST_LOG=warn CALLSIGN_DATABASE_URL=$2 "$CALLSIGN" import "$FILE" >/dev/null
  end=$(date +%s.%N)
  awk -v l="$1" -v s="$start" -v e="$end" -v n="$N" -v a="$ADDRS" 'BEGIN {
    t = e - s
    printf "%-10s %8.1f s  %9.0f subjects/s  %9.0f rows/s (subjects + addresses + change log)\n", l, t, n / t, (2 * n + a) / t
  }'
}

for backend in $BACKENDS; do
  case $backend in
    sqlite)
      rm -f "$WORK/import.db" "$WORK/import.db-wal" "$WORK/import.db-shm"
      run sqlite "sqlite://$WORK/import.db"
      ;;
    postgres)
      start_pg "$WORK"
      run postgres "$PG_URL"
      ;;
    *) die "unknown backend $backend (sqlite, postgres)" ;;
  esac
done
