"""The dashboard under load, next to a baseline measured in the same run.

    make bench                      # 20 s per endpoint, 16 concurrent clients
    python -m tests.perf.bench_dashboard --seconds 5 --concurrency 8

Starts the whole stack on PostgreSQL (as the e2e suite does), signs the demo student in,
then drives each endpoint with keep-alive clients for a fixed time and prints requests per
second and latency percentiles. The baseline is /healthz (the gateway alone, no fan-out);
the dashboard asks one RPC per tile (gateway.dashboard.TILES) in parallel. Load generator and stack share
this machine's cores, so the figures are a floor, comparable run to run on one machine.
"""
from __future__ import annotations

import argparse
import http.client
import json
import re
import statistics
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlparse

from gateway.dashboard import TILES


@dataclass
class Figures:
    name: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    def line(self) -> str:
        return (f"{self.name:<22} {self.rps:>9.1f} req/s  p50 {self.percentile(50):>7.1f} ms  "
                f"p99 {self.percentile(99):>7.1f} ms  mean {statistics.fmean(self.latencies_ms or [0]):>7.1f} ms  "
                f"n={self.requests} errors={self.errors}")


def drive(base_url: str, path: str, headers: dict, *, seconds: float, concurrency: int, name: str,
          choose=None) -> Figures:
    """`choose()`, if given, picks each request's (path, headers): many students, not one."""
    target = urlparse(base_url)
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency
    stop_at = time.perf_counter() + seconds

    def worker(i: int) -> None:
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
        while time.perf_counter() < stop_at:
            asked, sent = choose() if choose else (path, headers)
            started = time.perf_counter()
            try:
                connection.request("GET", asked, headers=sent)
                response = connection.getresponse()
                body = response.read()
                ok = response.status == 200 and _all_tiles_ok(name, body)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
                ok = False
            latencies[i].append((time.perf_counter() - started) * 1000)
            errors[i] += 0 if ok else 1
        connection.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    flat = [x for chunk in latencies for x in chunk]
    return Figures(name, len(flat), sum(errors), elapsed, flat)


def _all_tiles_ok(name: str, body: bytes) -> bool:
    if name == "dashboard":
        return all(t["status"] == "ok" for t in json.loads(body)["tiles"].values())
    if name == "dashboard page":
        return b'data-status="unavailable"' not in body and b'data-tile="profile"' in body
    return True


def page_session(base_url: str) -> str:
    """The portal's session cookie for the demo student, signed in through the form."""
    import httpx
    with httpx.Client(base_url=base_url) as portal:
        form = portal.get("/login").text
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
        signed_in = portal.post("/login", data={"csrf_token": token, "username": "22P-123456",
                                                "password": "Demo@2026"})
        assert signed_in.status_code == 303, signed_in.text[:300]
        return f"cms_session={portal.cookies['cms_session']}"


def page_weight(base_url: str, cookie: str) -> tuple[int, int]:
    """The dashboard page's first load, before compression: its HTML and its stylesheet."""
    import httpx
    html = httpx.get(f"{base_url}/student?lang=en", headers={"Cookie": cookie}).content
    css = sum(len(httpx.get(f"{base_url}{href.decode()}").content)
              for href in re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html))
    return len(html), css


def run(base_url: str, access_token: str, *, seconds: float, concurrency: int) -> list[Figures]:
    auth = {"Authorization": f"Bearer {access_token}"}
    cookie = {"Cookie": page_session(base_url)}
    drive(base_url, "/api/v1/me/dashboard", auth, seconds=1, concurrency=concurrency, name="warm-up")
    return [drive(base_url, "/healthz", {}, seconds=seconds, concurrency=concurrency, name="baseline /healthz"),
            drive(base_url, "/api/v1/me/dashboard", auth, seconds=seconds, concurrency=concurrency, name="dashboard"),
            drive(base_url, "/student", cookie, seconds=seconds, concurrency=concurrency, name="dashboard page")]


def report(figures: list[Figures], seconds: float, concurrency: int, weight: tuple[int, int] | None = None) -> str:
    baseline, dashboard, page = figures
    ratio = dashboard.rps / baseline.rps if baseline.rps else float("nan")
    lines = [f"dashboard benchmark: {concurrency} concurrent keep-alive clients, {seconds:.0f} s per endpoint",
             *[f.line() for f in figures],
             f"dashboard throughput is {ratio:.0%} of the baseline's ({len(TILES)} RPCs to "
             f"{len({t.service for t in TILES.values()})} services per dashboard)",
             f"the dashboard page serves {page.rps / dashboard.rps if dashboard.rps else float('nan'):.0%} "
             f"of the JSON dashboard's requests per second (the same calls, rendered as HTML)"]
    if weight:
        lines.append(f"dashboard page weight, uncompressed: HTML {weight[0] / 1024:.1f} KiB + CSS "
                     f"{weight[1] / 1024:.1f} KiB = {sum(weight) / 1024:.1f} KiB (fonts excepted)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    import httpx

    from tests.stack import running_stack
    with running_stack("bench", extra_env={"LOG_LEVEL": "WARNING"}) as stack:
        tokens = httpx.post(stack.gateway_url() + "/api/v1/auth/login",
                            json={"username": "22P-123456", "password": "Demo@2026"}).json()
        figures = run(stack.gateway_url(), tokens["access_token"], seconds=args.seconds, concurrency=args.concurrency)
        weight = page_weight(stack.gateway_url(), page_session(stack.gateway_url()))
        print(report(figures, args.seconds, args.concurrency, weight))


if __name__ == "__main__":
    main()
