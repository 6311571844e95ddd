#!/usr/bin/env python3
"""Slow clients against a running callsign: how many connections it holds.

    bench/slowloris.py PID HTTP_ADDR DNS_ADDR [CONNECTIONS] [SECONDS]

Opens CONNECTIONS (default 1000) HTTP connections that send a request head
one header line per second and never finish it, spread over the loopback
sources 127.0.0.2-127.0.0.5, plus as many DNS TCP connections that never
send a query; every second prints how many of each the server still holds,
the server's RSS, and whether /healthz (from 127.0.0.9) and a DNS TCP query
(from 127.0.0.10) are answered. Runs for SECONDS (default 15), loopback only.
"""

import os
import socket
import struct
import sys
import time

SOURCES = ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"]


def addr(text):
    host, port = text.rsplit(":", 1)
    return host, int(port)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def open_from(source, target):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((source, 0))
    s.settimeout(2)
    s.connect(target)
    s.setblocking(False)
    return s


def still_open(s):
    """False once the server closed the connection."""
    try:
        return s.recv(4096) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def healthz(target):
    try:
        with socket.create_connection(target, timeout=2, source_address=("127.0.0.9", 0)) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            return s.recv(64).split(b" ")[1].decode()
    except OSError as e:
        return type(e).__name__


def dns_query(target):
    # NAPTR query for 0.0.1.0.5.5.5.2.1.2.1.e164.arpa.
    name = b"".join(bytes([len(l)]) + l.encode() for l in "0.0.1.0.5.5.5.2.1.2.1.e164.arpa".split(".")) + b"\0"
    msg = struct.pack(">HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + name + struct.pack(">HH", 35, 1)
    try:
        with socket.create_connection(target, timeout=2, source_address=("127.0.0.10", 0)) as s:
            s.sendall(struct.pack(">H", len(msg)) + msg)
            head = s.recv(2)
            return "answered" if len(head) == 2 else "closed"
    except OSError as e:
        return type(e).__name__


def main():
    pid, http, dns = int(sys.argv[1]), addr(sys.argv[2]), addr(sys.argv[3])
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
    seconds = int(sys.argv[5]) if len(sys.argv) > 5 else 15
    rss_before = rss_mb(pid)
    slow, idle = [], []
    for i in range(n):
        source = SOURCES[i % len(SOURCES)]
        for target, group in ((http, slow), (dns, idle)):
            try:
                group.append(open_from(source, target))
            except OSError:
                pass
    for s in slow:
        try:
            s.send(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        except OSError:
            pass
    print(f"opened {len(slow)} slow HTTP and {len(idle)} idle DNS TCP connections; RSS before {rss_before:.1f} MB")
    start = time.monotonic()
    for second in range(1, seconds + 1):
        time.sleep(max(0.0, start + second - time.monotonic()))
        for s in slow:
            try:
                s.send(b"X-Slow: 1\r\n")
            except OSError:
                pass
        slow = [s for s in slow if still_open(s)]
        idle = [s for s in idle if still_open(s)]
        print(f"t={second:3d}s  HTTP held {len(slow):5d}  DNS held {len(idle):5d}  "
              f"RSS {rss_mb(pid):7.1f} MB  healthz {healthz(http)}  dns {dns_query(dns)}",
              flush=True)
    for s in slow + idle:
        s.close()


if __name__ == "__main__":
    main()
