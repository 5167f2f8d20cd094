"""Shared steps of the fault suite: file a fee-bearing request, pay it, read the databases."""
from __future__ import annotations

import datetime as dt
import itertools
import subprocess

import sqlalchemy as sa

from campus import money
from tests.stack import bearer, login

BANK = ("ABL", "Demo@2026")
_keys = itertools.count(1)


def tran_auth_id(prefix: str) -> str:
    return f"{prefix}{next(_keys):04d}"[-6:].rjust(6, "0")


def file_fee_request(http, subtype: str = "document_verification_fee") -> tuple[dict, dict]:
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
