"""Argon2 bounded by memory: identity with room for one hash at a time, under many
simultaneous sign-ins (through its real gRPC server and the gateway), answers the
overflow with RESOURCE_EXHAUSTED / 503 and Retry-After: never a 500, never a token for a
wrong password, and never more hashes at once than the budget holds."""
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from campus import testing
from campus.definition import resolve
from campus.errors import DomainError, TooManyAttempts
from cms.identity.v1 import identity_pb2 as pb
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.context import Gateway
from services import demo
from services.identity.bootstrap import SERVICE

TINY = {"argon2_time_cost": 2, "argon2_memory_kib": 8192, "argon2_parallelism": 1,
        "hashing_memory_mib": 8, "hashing_wait_seconds": 0.05, "hashing_retry_after_seconds": 3}
LOGINS = 40


class Watched:
    """An argon2 hasher that records how many hashes ran at once."""

    def __init__(self, hasher):
        self._hasher, self._lock, self.now, self.most = hasher, threading.Lock(), 0, 0

    def _counted(self, work, *args):
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)
        try:
            return work(*args)
        finally:
            with self._lock:
                self.now -= 1

    def hash(self, *args):
        return self._counted(self._hasher.hash, *args)

    def verify(self, *args):
        return self._counted(self._hasher.verify, *args)

    def check_needs_rehash(self, *args):
        return self._hasher.check_needs_rehash(*args)


@pytest.fixture(scope="module")
def busy_identity(tmp_path_factory):
    with testing.service_runtime(SERVICE, testing.TestUsers(), var_dir=tmp_path_factory.mktemp("busy"),
                                 **TINY) as runtime:
        runtime.access = resolve(SERVICE.access_verifier)(runtime)
        SERVICE.seed_function()(runtime)
        with testing.grpc_server(SERVICE, runtime) as address:
            yield address


@pytest.fixture
def watched(monkeypatch):
    from services.identity import passwords
    made = []
    real_init = passwords.Passwords.__init__

    def init(self, **kwargs):
        real_init(self, **kwargs)
        self._hasher = Watched(self._hasher)
        made.append(self)

    monkeypatch.setattr(passwords.Passwords, "__init__", init)
    return made


def _login(clients, password):
    try:
        clients.call("identity", "Login", pb.LoginRequest(username="22P-123456", password=password,
                                                          client=pb.ClientInfo(ip="203.0.113.50")), timeout=20)
        return "OK", None
    except DomainError as error:
        return error.reason, error


def test_the_slots_come_from_the_memory_budget():
    from services.identity.passwords import slots_for
    assert slots_for(256, 65536) == 4 and slots_for(512, 65536) == 8 and slots_for(8, 65536) == 1


def test_one_hash_must_fit_the_budget():
    from services.identity.config import IdentityConfig
    with pytest.raises(ValueError, match="IDENTITY_HASHING_MEMORY_MIB"):
        IdentityConfig(environment="test", hashing_memory_mib=32, argon2_memory_kib=65536)


def test_simultaneous_sign_ins_over_grpc_overflow_to_resource_exhausted(busy_identity):
    clients = testing.clients_as("gateway", {"identity": busy_identity})
    try:
        with ThreadPoolExecutor(LOGINS) as pool:
            outcomes = list(pool.map(lambda i: _login(clients, demo.PASSWORD if i % 2 else "Wrong-2026x"),
                                     range(LOGINS)))
        reasons = [reason for reason, _ in outcomes]
        assert "INTERNAL" not in reasons and "UNKNOWN" not in reasons
        busy = [error for reason, error in outcomes if reason == "HASHING_BUSY"]
        assert busy, reasons
        assert all(isinstance(e, TooManyAttempts) and e.retry_after == 3 for e in busy)
        assert set(reasons) <= {"OK", "HASHING_BUSY", "UNAUTHENTICATED", "TOO_MANY_ATTEMPTS"}, reasons
        # Identity still answers, and a busy answer cost nobody a failed attempt.
        assert clients.call("identity", "GetJwks", pb.GetJwksRequest()).jwks_json
        assert _login(clients, demo.PASSWORD)[0] == "OK"
    finally:
        clients.close()


def test_the_gateway_answers_503_with_retry_after_and_hashes_stay_within_the_budget(watched, tmp_path):
    dead = {s: "127.0.0.1:1" for s in ("enrollment", "exams", "finance", "requests", "tracking")}
    with testing.service_runtime(SERVICE, testing.TestUsers(), var_dir=tmp_path, **TINY) as runtime:
        runtime.access = resolve(SERVICE.access_verifier)(runtime)
        SERVICE.seed_function()(runtime)
        with testing.grpc_server(SERVICE, runtime) as address:
            config = GatewayConfig(environment="test", auth_rate_limit="100000/minute",
                                   sign_in_failures_per_address="100000/hour", default_rate_limit="100000/minute")
            clients = testing.clients_as("gateway", {"identity": address, **dead})
            app = create_app(config, Gateway(config, clients, runtime.access))

            def api(i):
                return app.test_client().post("/api/v1/auth/login", json={
                    "username": "22P-123456", "password": demo.PASSWORD if i % 2 else "Wrong-2026x"})

            def portal(i):
                client = app.test_client()
                csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get("/login").text).group(1)
                return client.post("/login", data={"username": "22P-123456", "password": demo.PASSWORD,
                                                   "csrf_token": csrf})

            with ThreadPoolExecutor(LOGINS) as pool:
                answers = list(pool.map(api, range(LOGINS))) + list(pool.map(portal, range(LOGINS // 2)))
            statuses = [a.status_code for a in answers]
            assert all(s < 500 or s == 503 for s in statuses), statuses
            busy = [a for a in answers if a.status_code == 503]
            assert busy, statuses
            # At least identity's hint (flask-limiter raises it to its own window's reset, if later).
            assert all(int(a.headers["Retry-After"]) >= 3 for a in busy)
            json_busy = [a for a in busy if a.is_json]
            assert json_busy and all(a.get_json()["code"] == "HASHING_BUSY" for a in json_busy)
            assert all(a.headers["Content-Type"] == "application/problem+json" for a in json_busy)
            page_busy = [a for a in busy if not a.is_json]
            assert page_busy and all(b"try again in a few seconds" in a.data for a in page_busy)
            assert all(a.status_code != 200 or a.get_json()["access_token"] for a in answers if a.is_json)
            clients.close()
    tiny = [p for p in watched if p.slots == 1]
    # One 8 MiB hash at a time in each: the budget held under 60 simultaneous sign-ins.
    assert tiny and all(p._hasher.most <= 1 for p in tiny) and any(p._hasher.most == 1 for p in tiny)
