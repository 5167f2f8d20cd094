"""Password spraying: one address, one password, many account names. Throttled before 50
tries - at the gateway and, asked directly, at identity - while 1,000 real students signing
in normally from one carrier address (carrier-grade NAT) are never throttled."""
from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from campus import auth
from campus.errors import TooManyAttempts, Unauthenticated
from cms.identity.v1 import identity_pb2 as pb
from tests.security.callers import fresh_address
from tests.security.conftest import BULK_PASSWORD as CARRIER_PASSWORD
from tests.stack import service_clients as clients_as

pytestmark = pytest.mark.security
SPRAYED = "Pakistan@123"
TARGETS = [f"24F-{n:06d}" for n in random.Random(7).sample(range(1_000_000), 500)]


def _first_throttled(answers: list[int]) -> int | None:
    return next((i for i, status in enumerate(answers) if status == 429), None)


def test_one_address_spraying_500_accounts_is_throttled_before_50_tries(http):
    address = {"X-Forwarded-For": fresh_address()}
    answers = []
    for username in TARGETS:
        answers.append(http.post("/api/v1/auth/login", headers=address,
                                 json={"username": username, "password": SPRAYED}).status_code)
        if len(answers) >= 60 and answers[-1] == 429:
            break
    first = _first_throttled(answers)
    print(f"\ngateway: first 429 after {first} tries of one password from one address")
    assert first is not None and first < 50, answers
    assert set(answers[first:]) == {429}, "once throttled, the address stays throttled"
    assert set(answers[:first]) == {401}


def test_identity_throttles_a_spraying_address_itself(stack):
    """Identity does not rely on the gateway: a caller reaching it some other way, spraying
    from one client address, runs out too."""
    clients = clients_as(stack, "gateway")
    client = pb.ClientInfo(ip=fresh_address(), user_agent="spray")
    public = auth.Caller(kind=auth.PUBLIC, subject="")
    throttled_at = None
    for n, username in enumerate(TARGETS, start=1):
        try:
            clients.call("identity", "Login", pb.LoginRequest(username=username, password=SPRAYED, client=client),
                         caller=public)
        except Unauthenticated:
            continue
        except TooManyAttempts:
            throttled_at = n
            break
    print(f"\nidentity: throttled at try {throttled_at}")
    assert throttled_at is not None and throttled_at < 50


CARRIER = "39.32.0.1"  # one address for all: a mobile carrier's NAT


def _typo(username: str) -> str:
    """Her own slip of the finger: a character of the right password changed, where in it
    depending on who she is (people do not mistype alike)."""
    at = int(username[-3:]) % len(CARRIER_PASSWORD)
    return CARRIER_PASSWORD[:at] + "q" + CARRIER_PASSWORD[at + 1:]


def test_1000_students_behind_one_carrier_address_are_never_throttled(http, bulk_students):
    carrier_students = bulk_students
    """Result day on one carrier: every student signs in; one in twenty mistypes first."""
    typo = set(carrier_students[::20])

    def sign_in(username: str) -> list[int]:
        answers = []
        if username in typo:
            answers.append(http.post("/api/v1/auth/login", headers={"X-Forwarded-For": CARRIER},
                                     json={"username": username, "password": _typo(username)}).status_code)
        answers.append(http.post("/api/v1/auth/login", headers={"X-Forwarded-For": CARRIER},
                                 json={"username": username, "password": CARRIER_PASSWORD}).status_code)
        return answers

    # Four at a time: what identity's hashing budget admits at once on this machine.
    with ThreadPoolExecutor(4) as pool:
        answers = dict(zip(carrier_students, pool.map(sign_in, carrier_students), strict=True))
    throttled = sorted(u for u, a in answers.items() if 429 in a)
    failed = sorted(u for u, a in answers.items() if a[-1] != 200)
    print(f"\ncarrier: {len(answers)} students, {len(typo)} mistyped first; throttled {len(throttled)}, "
          f"not signed in {len(failed)}")
    assert throttled == [] and failed == [], {u: answers[u] for u in (throttled + failed)[:10]}
