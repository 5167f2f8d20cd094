"""Fee collection: the banks' bill payments, from the bank's call to the request in process,
next to a floor measured in the same run.

    make bench                                          # 2,000 challans, 16 payments at a time
    python -m tests.perf.bench_collection --challans 200 --seconds 3 --concurrency 8

Starts the whole stack on PostgreSQL (as the e2e suite does), then:

1. Files `--challans` fee-bearing requests through the API, spread over the demo students,
   each with its challan from finance (not timed: filing is not what is measured).
2. The floor, once the banks' credentials are verified (bill inquiries; sign-in is not what
   is measured): /healthz (a bare Flask endpoint of the same gateway) for `--seconds`,
   `--concurrency` keep-alive clients.
3. The banks (ABL and HBL in turn) pay every challan once, `--concurrency` payments at once
   (1LINK bill payments, HTTP Basic): payments per second at the bank API and each call's
   latency, beside the floor. Then, for each payment, the time from the bank's call to its
   request in process (finance's transaction and outbox, its relay, RabbitMQ, requests'
   consumer), read from the requests database's status history (the time the consumer
   wrote the change, not when a poll saw it): p50/p99, and payments fully in process per
   second, from the first bank call to the last request in process.

Load generator and stack share this machine's cores: the figures are a floor, comparable
run to run on one machine."""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import http.client
import json
import queue
import threading
import time
from urllib.parse import urlparse

import sqlalchemy as sa

from campus import money
from tests.perf.bench_dashboard import Figures, drive
from tests.stack import bearer, login

#: The demo students who file the challans, in turn.
STUDENTS = ("22P-123456", "23L-204518", "24F-100001", "24F-100002")
BANKS = ("ABL", "HBL")
BANK_SECRET = "Demo@2026"
#: The banks' rate limit is not what is measured: this stack lifts it.
UNLIMITED_BANKS = {"GATEWAY_BANK_RATE_LIMIT": "1000000/minute"}
SUBTYPE = "course_change_fee"   # moves a request into process and nothing more: the bank path is measured


def _run(worker, concurrency: int) -> None:
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _todo(items) -> queue.Queue:
    todo: queue.Queue = queue.Queue()
    for item in items:
        todo.put(item)
    return todo


def file_challans(base_url: str, count: int, concurrency: int) -> list[dict]:
    """`count` fee-bearing requests filed through the API, the demo students in turn: each
    {request_number, consumer_number, amount}."""
    import httpx
    with httpx.Client(base_url=base_url, timeout=30) as client:
        heads = [bearer(login(client, student)) for student in STUDENTS]
    todo, filed = _todo(range(count)), []

    def worker():
        with httpx.Client(base_url=base_url, timeout=30) as client:
            while True:
                try:
                    i = todo.get_nowait()
                except queue.Empty:
                    return
                answer = client.post("/api/v1/me/requests", headers=heads[i % len(heads)], json={
                    "category": "other_fee_challan", "subtype": SUBTYPE, "details": f"collection bench {i}"})
                assert answer.status_code == 201, answer.text[:300]
                request = answer.json()
                filed.append({"request_number": request["request_number"],
                              "consumer_number": request["challan"]["consumer_number"],
                              "amount": request["challan"]["amount"]})

    _run(worker, concurrency)
    return filed


def payment_body(challan: dict, i: int) -> tuple[str, bytes]:
    """(bank, the 1LINK bill payment of this challan by it): now, Pakistan time."""
    bank = BANKS[i % len(BANKS)]
    now = dt.datetime.now(dt.timezone(dt.timedelta(hours=5)))
    return bank, json.dumps({"consumer_number": challan["consumer_number"], "bank_mnemonic": bank,
                             "tran_auth_id": f"C{i:05d}", "transaction_amount": money.to_one_link(challan["amount"]),
                             "tran_date": now.strftime("%Y%m%d"), "tran_time": now.strftime("%H%M%S")}).encode()


def _basic(bank: str) -> str:
    return "Basic " + base64.b64encode(f"{bank}:{BANK_SECRET}".encode()).decode()


def warm_banks(base_url: str, challan: dict, concurrency: int) -> None:
    """Bill inquiries by each bank on `concurrency` connections, so every gateway worker has
    verified both banks' credentials (identity, argon2) before anything is timed. Identity
    sheds concurrent hashing beyond its budget (503): such an inquiry is asked again."""
    import httpx
    failed: list[str] = []

    def worker():
        with httpx.Client(base_url=base_url, timeout=30) as client:
            for bank in BANKS:
                for attempt in range(20):
                    answer = client.post("/api/v1/bank/bill-inquiry", headers={"Authorization": _basic(bank)},
                                         json={"consumer_number": challan["consumer_number"], "bank_mnemonic": bank})
                    if answer.status_code != 503:
                        break
                    time.sleep(0.1 * (attempt + 1))
                if answer.status_code != 200 or answer.json().get("response_Code") != "00":
                    failed.append(answer.text[:300])

    _run(worker, concurrency)
    assert not failed, failed[:3]


def pay_all(base_url: str, challans: list[dict], concurrency: int) -> tuple[Figures, dict[str, float]]:
    """Every challan paid once, `concurrency` at a time; an answer other than 200 and `00` is
    an error. (Figures of the bank API, when each request's payment was sent: wall clock.)"""
    target = urlparse(base_url)
    basic = {bank: _basic(bank) for bank in BANKS}
    todo = _todo(enumerate(challans))
    latencies: list[float] = []
    sent_at: dict[str, float] = {}
    errors = [0]

    def worker():
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        while True:
            try:
                i, challan = todo.get_nowait()
            except queue.Empty:
                break
            bank, body = payment_body(challan, i)
            sent_at[challan["request_number"]] = time.time()
            started = time.perf_counter()
            try:
                connection.request("POST", "/api/v1/bank/bill-payment", body=body, headers={
                    "Authorization": basic[bank], "Content-Type": "application/json"})
                response = connection.getresponse()
                answer = response.read()
                ok = response.status == 200 and json.loads(answer).get("response_Code") == "00"
            except (OSError, http.client.HTTPException, ValueError):
                connection.close()
                connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                ok = False
            latencies.append((time.perf_counter() - started) * 1000)
            errors[0] += 0 if ok else 1
        connection.close()

    began = time.perf_counter()
    _run(worker, concurrency)
    return Figures("bill payments (POST)", len(latencies), errors[0], time.perf_counter() - began,
                   latencies), sent_at


def wait_in_process(requests_url: str, sent_at: dict[str, float], timeout: float) -> Figures:
    """Waits until every paid request is in process; each one's time from the bank's call to
    the consumer's change, from the status history. The figures' rate is payments fully in
    process per second, from the first bank call to the last request in process."""
    numbers = list(sent_at)
    engine = sa.create_engine(requests_url)
    deadline = time.monotonic() + timeout
    try:
        with engine.connect() as connection:
            while True:
                waiting = connection.execute(sa.text(
                    "SELECT count(*) FROM service_requests WHERE request_number = ANY(:n) AND status <> 'in_process'"),
                    {"n": numbers}).scalar()
                connection.rollback()
                if not waiting:
                    break
                if time.monotonic() > deadline:
                    raise AssertionError(f"{waiting} of {len(numbers)} paid requests still not in process "
                                         f"after {timeout:.0f} s")
                time.sleep(0.1)
            moved = connection.execute(sa.text(
                "SELECT r.request_number, min(h.changed_at), count(*) FROM status_history h "
                "JOIN service_requests r ON r.id = h.request_id "
                "WHERE r.request_number = ANY(:n) AND h.status = 'in_process' GROUP BY r.request_number"),
                {"n": numbers}).all()
    finally:
        engine.dispose()
    twice = sum(1 for _n, _at, times in moved if times != 1)
    latencies = [(at.timestamp() - sent_at[number]) * 1000 for number, at, _times in moved]
    span = max(at.timestamp() for _n, at, _t in moved) - min(sent_at.values())
    return Figures("payment → in process", len(moved), twice + len(numbers) - len(moved), span, latencies)


def run(stack, *, challans: int, seconds: float, concurrency: int) -> tuple[list[str], list[Figures]]:
    base_url = stack.gateway_url()
    started = time.perf_counter()
    filed = file_challans(base_url, challans, concurrency)
    filing = time.perf_counter() - started
    drive(base_url, "/healthz", {}, seconds=1, concurrency=concurrency, name="warm-up")
    warm_banks(base_url, filed[0], concurrency)
    floor = drive(base_url, "/healthz", {}, seconds=seconds, concurrency=concurrency, name="floor /healthz")
    paid, sent_at = pay_all(base_url, filed, concurrency)
    moved = wait_in_process(stack.env["REQUESTS_DATABASE_URL"], sent_at, timeout=60 + challans * 0.2)
    figures = [floor, paid, moved]
    lines = [f"fee collection: {challans:,} challans filed up front in {filing:.0f} s ({len(STUDENTS)} students, "
             f"not timed), then paid once each by {' and '.join(BANKS)}, {concurrency} payments at a time",
             *(f.line() for f in figures),
             f"the bank API records {paid.rps:,.0f} payments/s = {paid.rps / floor.rps:.1%} of the floor's "
             "requests per second (each: finance's transaction with the challan locked, the ledger, the audit "
             "chain and the outbox)",
             f"end to end {moved.rps:,.0f} payments/s fully in process = {moved.rps / floor.rps:.1%} of the floor "
             f"and {moved.rps / paid.rps:.0%} of the bank API's rate; each request in process p50 "
             f"{moved.percentile(50):,.0f} ms, p99 {moved.percentile(99):,.0f} ms after the bank's call "
             "(finance's relay, RabbitMQ, requests' consumer)"]
    return lines, figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--challans", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    from tests.stack import running_stack
    with running_stack("bench", extra_env={"LOG_LEVEL": "WARNING", **UNLIMITED_BANKS}) as stack:
        lines, _figures = run(stack, challans=args.challans, seconds=args.seconds, concurrency=args.concurrency)
        print("\n".join(lines))


if __name__ == "__main__":
    main()
