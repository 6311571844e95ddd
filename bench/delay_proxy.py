#!/usr/bin/env python3
"""A loopback link with latency: forwards UDP and TCP to a target, delaying
every datagram and every chunk of a stream by DELAY_MS in each direction
(and a TCP connect by one round trip, as a real handshake would be).

For machines without `tc netem`:
  delay_proxy.py --listen-udp 127.0.0.1:P --udp-target 127.0.0.1:Q \\
                 --listen-tcp 127.0.0.1:R --tcp-target 127.0.0.1:S --delay-ms 10
Binds only what it is given; meant for 127.0.0.0/8.
"""
import argparse
import asyncio


def addr(text):
    host, port = text.rsplit(":", 1)
    return host, int(port)


class UdpRelay(asyncio.DatagramProtocol):
    def __init__(self, target, delay):
        self.target, self.delay, self.upstreams = target, delay, {}

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, client):
        loop = asyncio.get_running_loop()
        if client not in self.upstreams:
            relay = self

            class Back(asyncio.DatagramProtocol):
                def datagram_received(self, reply, _):
                    loop.call_later(relay.delay, relay.transport.sendto, reply, client)

            pending = []
            self.upstreams[client] = pending

            async def open_upstream():
                transport, _ = await loop.create_datagram_endpoint(Back, remote_addr=self.target)
                self.upstreams[client] = transport
                for d in pending:
                    transport.sendto(d)

            loop.create_task(open_upstream())

        def forward():
            up = self.upstreams[client]
            if isinstance(up, list):
                up.append(data)
            else:
                up.sendto(data)

        loop.call_later(self.delay, forward)


async def pipe(reader, writer, delay):
    queue = asyncio.Queue()
    loop = asyncio.get_running_loop()

    async def deliver():
        while True:
            due, chunk = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if chunk is None:
                writer.close()
                return
            writer.write(chunk)
            await writer.drain()

    task = loop.create_task(deliver())
    try:
        while True:
            chunk = await reader.read(65536)
            queue.put_nowait((loop.time() + delay, chunk or None))
            if not chunk:
                break
        await task
    except (ConnectionError, asyncio.CancelledError):
        task.cancel()
        writer.close()


async def tcp_client(reader, writer, target, delay):
    await asyncio.sleep(2 * delay)  # SYN, SYN-ACK
    try:
        up_reader, up_writer = await asyncio.open_connection(*target)
    except OSError:
        writer.close()
        return
    await asyncio.gather(pipe(reader, up_writer, delay), pipe(up_reader, writer, delay))


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("--listen-udp", type=addr)
    p.add_argument("--udp-target", type=addr)
    p.add_argument("--listen-tcp", type=addr, action="append", default=[])
    p.add_argument("--tcp-target", type=addr, action="append", default=[])
    p.add_argument("--delay-ms", type=float, default=10.0)
    a = p.parse_args()
    delay = a.delay_ms / 1000
    loop = asyncio.get_running_loop()
    if a.listen_udp:
        await loop.create_datagram_endpoint(lambda: UdpRelay(a.udp_target, delay), local_addr=a.listen_udp)
    servers = []
    for listen, target in zip(a.listen_tcp, a.tcp_target):
        servers.append(await asyncio.start_server(
            lambda r, w, t=target: tcp_client(r, w, t, delay), *listen))
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
