"""One benchmark run against LUMNISAI_BASE_URL, for whichever lumnisai this interpreter has
(ours or the official SDK). Prints one JSON line of results last."""

import asyncio
import json
import resource
import statistics
import sys
import time

import lumnisai

N = 1000


def main() -> None:
    client = lumnisai.Client()
    user = client.create_user(email="bench@example.com", first_name="Bench")
    for i in range(99):
        client.create_user(email=f"bench{i}@example.com")

    client.get_user(user.id)
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(N):
        client.get_user(user.id)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu

    # Each user's id is read too: a model converts its fields when first read.
    listing = []
    for _ in range(20):
        t = time.perf_counter()
        ids = [u.id for u in client.list_users(page_size=100).users]
        listing.append(time.perf_counter() - t)
    assert len(ids) == 100

    invokes = []
    for _ in range(3):
        t = time.perf_counter()
        client.invoke("bench", user_id="bench@example.com", show_progress=False)
        invokes.append(time.perf_counter() - t)

    async def concurrent() -> float:
        aclient = lumnisai.AsyncClient()
        await aclient.get_user(str(user.id))
        t = time.perf_counter()
        for _ in range(N // 100):
            await asyncio.gather(*(aclient.get_user(str(user.id)) for _ in range(100)))
        return N / (time.perf_counter() - t)

    rate = asyncio.run(concurrent())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "seq_ms": wall / N * 1000,
        "cpu_ms": cpu / N * 1000,
        "list_ms": statistics.median(listing) * 1000,
        "invoke_s": statistics.median(invokes),
        "rate": rate,
        "rss_mib": rss,
    }))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
