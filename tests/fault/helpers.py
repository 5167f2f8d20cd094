"""Shared steps of the fault suite: file a fee-bearing request, pay it, read the databases."""
from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import sqlalchemy as sa

from campus import money
from tests.stack import bearer, login

BANK = ("ABL", "Demo@2026")
_keys = itertools.count(1)


#: A fee whose payment moves a request into process and nothing more: the suite loads the bank
#: path, not the tracking of documents a paid verification fee also opens (an application each).
FEE_SUBTYPE = "course_change_fee"


def tran_auth_id(prefix: str) -> str:
    return f"{prefix}{next(_keys):04d}"[-6:].rjust(6, "0")


def file_fee_request(http, subtype: str = FEE_SUBTYPE) -> tuple[dict, dict]:
    student = bearer(login(http, "22P-123456"))
    request = http.post("/api/v1/me/requests", headers=student, json={
        "category": "other_fee_challan", "subtype": subtype, "details": "fault suite"})
    assert request.status_code == 201, request.text
    return student, request.json()


def payment(request: dict, key: str, amount: int | None = None) -> dict:
    now = dt.datetime.now(dt.timezone(dt.timedelta(hours=5)))
    return {"consumer_number": request["challan"]["consumer_number"], "bank_mnemonic": "ABL", "tran_auth_id": key,
            "transaction_amount": money.to_one_link(request["challan"]["amount"] if amount is None else amount),
            "tran_date": now.strftime("%Y%m%d"), "tran_time": now.strftime("%H%M%S")}


def status_of(http, student: dict, request: dict) -> str:
    return http.get(f"/api/v1/me/requests/{request['request_number']}", headers=student).json()["status"]


def query(stack, service: str, statement: str, **params):
    engine = sa.create_engine(stack.env[f"{service.upper()}_DATABASE_URL"])
    try:
        with engine.connect() as connection:
            return connection.execute(sa.text(statement), params).all()
    finally:
        engine.dispose()


def rabbitmq(*args: str) -> None:
    subprocess.run(["rabbitmqctl", *args], check=True, capture_output=True, timeout=120)


def _in_threads(base_url: str, work, items: list, threads: int) -> list:
    """`work(client, item)` for every item, `threads` at a time, each thread with its own
    keep-alive client; the answers in the items' order."""
    local, clients = threading.local(), []

    def one(item):
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base_url, timeout=60)
            clients.append(local.client)
        return work(local.client, item)

    try:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            return list(pool.map(one, items))
    finally:
        for client in clients:
            client.close()


def file_fee_requests(stack, count: int, *, username: str, threads: int = 16,
                      subtype: str = FEE_SUBTYPE) -> tuple[dict, list[dict]]:
    """`count` fee-bearing requests of one student, filed through the API `threads` at a time."""
    with httpx.Client(base_url=stack.gateway_url(), timeout=30) as http:
        student = bearer(login(http, username))

    def file(client, i):
        filed = client.post("/api/v1/me/requests", headers=student, json={
            "category": "other_fee_challan", "subtype": subtype, "details": f"fault suite, request {i}"})
        assert filed.status_code == 201, filed.text
        return filed.json()

    return student, _in_threads(stack.gateway_url(), file, list(range(count)), threads)


def pay_all(stack, bodies: list[dict], *, threads: int = 32, auth=BANK) -> list[tuple[int, dict]]:
    """Every payment sent to the bank API, `threads` at once: (HTTP status, answer) each."""
    def pay(client, body):
        answer = client.post("/api/v1/bank/bill-payment", auth=auth, json=body)
        return answer.status_code, answer.json()

    return _in_threads(stack.gateway_url(), pay, bodies, threads)


def outbox_events(stack, service: str, event_type: str, **match: str) -> list[tuple[dict, bool]]:
    """`service`'s outbox rows of `event_type` whose data has the `match` fields: (envelope,
    published?) each, oldest first."""
    rows = query(stack, service, "SELECT envelope, published_at IS NOT NULL FROM outbox "
                                 "WHERE event_type = :t ORDER BY id", t=event_type)
    events = [(json.loads(envelope), published) for envelope, published in rows]
    return [(e, published) for e, published in events if all(e["data"].get(k) == v for k, v in match.items())]


def history_of(stack, request_number: str) -> list[str]:
    """The request's status history, from the requests database."""
    return [status for (status,) in query(
        stack, "requests", "SELECT h.status FROM status_history h JOIN service_requests r ON r.id = h.request_id "
                           "WHERE r.request_number = :n ORDER BY h.id", n=request_number)]


@contextlib.contextmanager
def listening(stack, source: str, event_type: str):
    """A queue of our own bound to `source`'s events of `event_type` in the stack's vhost:
    yields a function that takes what has arrived so far (envelopes)."""
    import pika
    connection = pika.BlockingConnection(pika.URLParameters(stack.env["AMQP_URL"]))
    try:
        channel = connection.channel()
        queue = channel.queue_declare("", exclusive=True).method.queue
        channel.queue_bind(queue, f"{source}.events", routing_key=event_type)
        seen: list[dict] = []

        def arrived() -> list[dict]:
            while True:
                method, _properties, body = channel.basic_get(queue, auto_ack=True)
                if method is None:
                    return seen
                seen.append(json.loads(body))

        yield arrived
    finally:
        if connection.is_open:
            connection.close()
