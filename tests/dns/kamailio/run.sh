#!/bin/sh
# Inside a network namespace of its own (loopback only) whose resolver is
# callsign on 127.0.0.1:53: start callsign on the seeded database and
# Kamailio, then ask Kamailio to route each number given, printing
# "NUMBER STATUS CONTACT" per line.
set -eu
DIR=$1; shift
ip link set lo up
mount --bind "$DIR/resolv.conf" /etc/resolv.conf
CALLSIGN_DATABASE_URL="sqlite://$DIR/callsign.db" \
CALLSIGN_HTTP_LISTEN=127.0.0.1:8080 CALLSIGN_DNS_LISTEN=127.0.0.1:53 \
CALLSIGN_DNS_CALLER_NAME=true CALLSIGN_WEBFINGER_PUBLIC_BASE_URL=https://example.com \
CALLSIGN_LOG_FILTER=warn "$CALLSIGN" serve > "$DIR/callsign.log" 2>&1 &
CS=$!
trap 'kill $CS ${KAM:-} 2>/dev/null || true' EXIT
i=0
until dig @127.0.0.1 e164.arpa SOA +short +time=1 +tries=1 | grep -q '^[^;]'; do
  i=$((i + 1)); [ $i -lt 100 ] || { echo "callsign did not answer DNS" >&2; cat "$DIR/callsign.log" >&2; exit 1; }
  sleep 0.1
done
# What the numbers publish besides SIP, for the test to see it is there.
for name in 0.0.1.0.5.5.5.2.1.2.1 3.2.1.0.5.5.5.2.1.2.1; do
  dig @127.0.0.1 "$name.e164.arpa" NAPTR +short
  dig @127.0.0.1 "$name.e164.arpa" TXT +short
done > "$DIR/records.txt"
kamailio -f "$DIR/kamailio.cfg" -Y "$DIR" -P "$DIR/kamailio.pid" -DD -E > "$DIR/kamailio.log" 2>&1 &
KAM=$!
KAM=$KAM python3 - "$@" <<'PY'
import os, socket, sys
def ask(number):
    call = "c%s@test" % number.strip("+")
    msg = ("OPTIONS sip:%s@127.0.0.1 SIP/2.0\r\n"
           "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK%s;rport\r\n"
           "Max-Forwards: 70\r\nTo: <sip:%s@127.0.0.1>\r\n"
           "From: <sip:test@127.0.0.1>;tag=t1\r\nCall-ID: %s\r\nCSeq: 1 OPTIONS\r\n"
           "Content-Length: 0\r\n\r\n") % (number, number.strip("+"), number, call)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    s.settimeout(0.5)
    for _ in range(40):  # Kamailio may still be starting
        if not os.path.exists("/proc/" + os.environ["KAM"]):
            return "%s kamailio-exited -" % number
        s.sendto(msg.encode(), ("127.0.0.1", 5060))
        try:
            reply = s.recv(65535).decode()
        except socket.timeout:
            continue
        lines = reply.split("\r\n")
        status = lines[0].split(" ")[1]
        contact = next((l.split(":", 1)[1].strip() for l in lines if l.lower().startswith("contact:")), "-")
        return "%s %s %s" % (number, status, contact)
    return "%s timeout -" % number
for number in sys.argv[1:]:
    print(ask(number), flush=True)
PY
