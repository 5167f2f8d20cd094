"""Identity under load: 200 simultaneous sign-ins. No crash and no fail-open: every answer
is a session or a 503 with Retry-After (argon2 is bounded to the memory it has), identity
is still serving afterwards, its memory stayed within its budget, and a session that had
ended stayed ended throughout."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.security.callers import api_sign_in
from tests.security.conftest import BULK_PASSWORD, OWNER
from tests.stack import bearer

pytestmark = pytest.mark.security
SIMULTANEOUS = 200


def _peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_200_simultaneous_sign_ins_neither_crash_identity_nor_open_it(stack, http, bulk_students):
    identity = stack.running["identity-grpc"]
    ended = api_sign_in(http, OWNER)
    assert http.post("/api/v1/auth/logout", headers=bearer(ended)).status_code == 204
    start = threading.Barrier(SIMULTANEOUS + 1)
    stop = threading.Event()
    ended_answers: list[int] = []

    def sign_in(username: str) -> httpx.Response:
        with httpx.Client(base_url=stack.gateway_url(), timeout=60) as own:
            start.wait()
            return own.post("/api/v1/auth/login", headers={"X-Forwarded-For": f"10.9.{hash(username) % 250}.1"},
                            json={"username": username, "password": BULK_PASSWORD})

    def keep_trying_the_ended_session():
        while not stop.is_set():
            ended_answers.append(http.get("/api/v1/me/profile", headers=bearer(ended)).status_code)
            time.sleep(0.02)

    watcher = threading.Thread(target=keep_trying_the_ended_session)
    with ThreadPoolExecutor(SIMULTANEOUS) as pool:
        futures = [pool.submit(sign_in, u) for u in bulk_students[-SIMULTANEOUS:]]
        watcher.start()
        started = time.monotonic()
        start.wait()
        answers = [f.result() for f in futures]
        took = time.monotonic() - started
    stop.set()
    watcher.join()

    by_status: dict[int, int] = {}
    for answer in answers:
        by_status[answer.status_code] = by_status.get(answer.status_code, 0) + 1
    peak = _peak_rss_mib(identity.popen.pid)
    print(f"\n{SIMULTANEOUS} simultaneous sign-ins in {took:.1f} s: {by_status}; identity's peak RSS {peak:.0f} MiB; "
          f"the ended session tried {len(ended_answers)} times meanwhile")
    assert set(by_status) <= {200, 503}, by_status
    assert by_status.get(200, 0) > 0, "nobody signed in at all"
    busy = [a for a in answers if a.status_code == 503]
    assert all(a.headers.get("Retry-After", "").isdigit() for a in busy)
    # Busy hashing (identity's bound) or a sign-in that waited past the gateway's deadline.
    assert {a.json().get("code") for a in busy} <= {"HASHING_BUSY", "DEADLINE_EXCEEDED"}, busy[0].json()
    assert identity.popen.poll() is None, "identity crashed"
    assert ended_answers and set(ended_answers) == {401}, "an ended session was honoured under load"
    # Identity's hashing budget (IDENTITY_HASHING_MEMORY_MIB, 256) plus the process itself.
    assert peak < 256 + 200, f"identity's memory grew to {peak:.0f} MiB"
    # And it serves on: the next sign-in works.
    assert api_sign_in(http, bulk_students[0], BULK_PASSWORD)["access_token"]
