"""Slowloris stress for `airudder-sim receive` (driven by benchmarks/slowloris.sh).

Holds SLOW connections open, each with a partial request head that gains one header line every
INTERVAL seconds (a connection the server closes is opened again, as the attack does), and at the
same time posts the valid signed notifications of BODIES (one JSON per line), a fresh connection
each, spread over SPREAD seconds. Prints what it held, what it sent and how fast valid requests
were answered. Loopback only; ends by itself after the valid requests (bounded in time).
  usage: slowloris.py PORT BODIES SLOW INTERVAL SPREAD
"""
import asyncio, resource, sys, time

port, bodies_path = int(sys.argv[1]), sys.argv[2]
slow_count, interval, spread = int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
HOST = "127.0.0.1"
bodies = [line.strip().encode() for line in open(bodies_path) if line.strip()]

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, slow_count + len(bodies) + 512)), hard))

open_now = 0      # slow connections open right now
opened = 0        # slow connections opened in all (reopens included)
closed_by_server = 0
refused = 0
stop = asyncio.Event()


async def slow_connection(index):
    """One slow client for as long as the run lasts: reconnects when the server closes it."""
    global open_now, opened, closed_by_server, refused
    while not stop.is_set():
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), 10)
        except (OSError, asyncio.TimeoutError):
            refused += 1
            await asyncio.sleep(1)
            continue
        open_now += 1
        opened += 1
        connected = time.monotonic()
        try:
            writer.write(b"POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n")
            await writer.drain()
            line = 0
            # Stagger the trickle so the lines are spread over the interval.
            await asyncio.sleep((index % 100) * interval / 100)
            while not stop.is_set():
                try:
                    # Anything back (a 408/400, or the close) ends this connection.
                    data = await asyncio.wait_for(reader.read(4096), interval)
                    closed_by_server += 1
                    break
                except asyncio.TimeoutError:
                    pass
                line += 1
                writer.write(b"X-Slow-%d: %d\r\n" % (line, line))
                await writer.drain()
        except (OSError, ConnectionError):
            closed_by_server += 1
        finally:
            open_now -= 1
            writer.close()
        # Open again at once after a deadline, as the attack does; back off a little after a
        # connection the server shut at once, so "held open" counts connections that stay.
        if time.monotonic() - connected < 1:
            await asyncio.sleep(1)


async def valid_request(body):
    """One notification on a fresh connection: (status or None, seconds from connect to answer)."""
    start = time.monotonic()
    head = (
        "POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "User-Agent: Airudder\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body)
    ).encode()
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), 10)
        writer.write(head + body)
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), 10)
        writer.close()
        status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else None
    except (OSError, ConnectionError, asyncio.TimeoutError, ValueError, IndexError):
        status = None
    return status, time.monotonic() - start


async def main():
    slow = [asyncio.create_task(slow_connection(i)) for i in range(slow_count)]
    # Let every slow client connect and send its partial head (bounded).
    ramp_end = time.monotonic() + 30
    while open_now < slow_count and time.monotonic() < ramp_end:
        await asyncio.sleep(0.1)
    await asyncio.sleep(1)
    held_at_start = open_now
    held_samples = []
    results = []
    pending = []
    gap = spread / max(1, len(bodies))
    begin = time.monotonic()
    for n, body in enumerate(bodies):
        # Open loop: one request every `gap` seconds, however slowly the earlier ones end.
        delay = begin + n * gap - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        held_samples.append(open_now)
        pending.append(asyncio.create_task(valid_request(body)))
    results = await asyncio.gather(*pending)
    held_samples.append(open_now)
    stop.set()
    for task in slow:
        task.cancel()
    await asyncio.gather(*slow, return_exceptions=True)

    latencies = sorted(seconds for _, seconds in results)
    ok_fast = sum(1 for status, seconds in results if status == 200 and seconds <= 1.0)
    ok_all = sum(1 for status, _ in results if status == 200)
    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
    print("slow connections held open:  %d at start of the valid requests; while they ran min %d, mean %d, max %d (target %d)"
          % (held_at_start, min(held_samples), sum(held_samples) // len(held_samples), max(held_samples), slow_count))
    print("slow connections opened:     %d (closed by the server: %d, failed to connect: %d)" % (opened, closed_by_server, refused))
    print("valid sent:                  %d over %.1f s (a fresh connection each)" % (len(results), spread))
    print("answered 200:                %d" % ok_all)
    print("answered 200 within 1 s:     %d (%.1f%%)" % (ok_fast, 100.0 * ok_fast / max(1, len(results))))
    print("latency ms:                  p50 %.1f  p99 %.1f  max %.1f" % (pct(0.50), pct(0.99), latencies[-1] * 1000))


asyncio.run(asyncio.wait_for(main(), 120))
