"""Small holes closed: deep JSON is a 400, 401 bodies say nothing a forger could use, auth
answers are never stored, production sends HSTS and refuses what only development may use."""
import pytest

from campus import testing
from campus.config import BrokerConfig
from campus.grpc_client import ServiceClients
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.context import Gateway
from gateway.openapi import MAX_JSON_DEPTH, nesting_depth
from services.identity.config import IdentityConfig

PRODUCTION = {"environment": "production", "session_secret": "p" * 40, **testing.PRODUCTION_KEYS.settings("gateway")}


def app_for(config):
    clients = ServiceClients(testing.service_tokens("gateway"),
                             addresses={"identity": "127.0.0.1:1"})
    return create_app(config, Gateway(config, clients, testing.TestUsers().verifier)).test_client()


@pytest.fixture(scope="module")
def client():
    return app_for(GatewayConfig(environment="test"))


def test_a_deeply_nested_body_is_a_400_naming_the_body_not_a_500(client):
    body = "[" * 5000 + "]" * 5000
    answer = client.post("/api/v1/auth/login", data=body, content_type="application/json")
    assert answer.status_code == 400 and answer.json["errors"][0]["field"] == "body"
    assert nesting_depth(b'{"a": "[[[[[[", "b": [{"c": 1}]}') == 3 < MAX_JSON_DEPTH


def test_a_forged_token_gets_a_generic_401(client):
    answer = client.get("/api/v1/me/dashboard", headers={"Authorization": "Bearer not.a.token"})
    assert answer.status_code == 401
    assert answer.json["detail"] == "invalid access token"


def test_auth_answers_are_never_stored(client):
    answer = client.post("/api/v1/auth/login", json={"username": "", "password": ""})
    assert answer.status_code == 400 and answer.headers["Cache-Control"] == "no-store"


def test_production_sends_hsts_and_development_does_not(client):
    assert "Strict-Transport-Security" not in client.get("/healthz").headers
    hsts = app_for(GatewayConfig(**PRODUCTION)).get("/healthz").headers["Strict-Transport-Security"]
    assert hsts.startswith("max-age=31536000")


def test_production_refuses_the_guest_broker_user():
    with pytest.raises(ValueError, match="AMQP_URL"):
        BrokerConfig(environment="production", amqp_url="amqp://guest:guest@127.0.0.1:5672/%2F")


def test_production_mails_links_over_https_only(tmp_path):
    key = tmp_path / "key.pem"
    from campus.auth import AccessTokenSigner
    key.write_bytes(AccessTokenSigner.generate_pem())
    settings = {"environment": "production", "signing_key_file": key, **testing.PRODUCTION_KEYS.settings("identity"),
                "amqp_url": "amqps://identity:x@rabbitmq:5671/%2F"}
    with pytest.raises(ValueError, match="https"):
        IdentityConfig(portal_base_url="http://portal.example.edu", **settings)
    assert IdentityConfig(portal_base_url="https://portal.example.edu", **settings)
    assert IdentityConfig(portal_base_url="http://localhost:8080", **settings)  # compose on one host


def test_signed_in_traffic_is_limited_per_account_not_per_carrier_address():
    users = testing.TestUsers()
    config = GatewayConfig(environment="test", default_rate_limit="3/minute", tile_timeout_seconds=0.2,
                           session_check_fail_open=True)
    dead = {s: "127.0.0.1:1" for s in ("identity", "enrollment", "exams", "finance", "requests", "tracking")}
    clients = ServiceClients(testing.service_tokens("gateway"), addresses=dead)
    client = create_app(config, Gateway(config, clients, users.verifier)).test_client()
    one, other = (users.student(r).token for r in ("22P-123456", "23A-654321"))

    def tile(token):  # every student behind the same carrier address
        return client.get("/api/v1/me/profile", headers={"Authorization": f"Bearer {token}"}).status_code

    assert [tile(one) for _ in range(3)] == [200] * 3
    assert tile(one) == 429          # her own budget is spent...
    assert tile(other) == 200        # ...not the carrier's


class RefusingIdentity(ServiceClients):
    """Identity answering every sign-in with a wrong password, except for one good one."""

    def call(self, service, method, request, **kwargs):
        from campus.errors import Unauthenticated
        if method == "Login" and request.password != "Right-pass1":
            raise Unauthenticated("wrong username or password")
        return super().call(service, method, request, **kwargs)


def test_one_address_spraying_many_accounts_runs_out_of_failures():
    config = GatewayConfig(environment="test", sign_in_failures_per_address="3/hour")
    clients = RefusingIdentity(testing.service_tokens("gateway"),
                               addresses={"identity": "127.0.0.1:1"})
    client = create_app(config, Gateway(config, clients, testing.TestUsers().verifier)).test_client()
    accounts = [f"22P-{n:06d}" for n in range(1, 6)]
    answers = [client.post("/api/v1/auth/login", json={"username": a, "password": "Pakistan@123"}).status_code
               for a in accounts]
    assert answers == [401, 401, 401, 429, 429]   # each account tried once: the address is what counts
    other = client.post("/api/v1/auth/login", json={"username": "22P-000009", "password": "Pakistan@123"},
                        environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert other.status_code == 401               # another address has its own budget


def test_one_password_sprayed_from_an_address_runs_out_before_typos_do():
    config = GatewayConfig(environment="test", sign_in_failures_per_password="3/hour")
    clients = RefusingIdentity(testing.service_tokens("gateway"), addresses={"identity": "127.0.0.1:1"})
    client = create_app(config, Gateway(config, clients, testing.TestUsers().verifier)).test_client()

    def sign_in(account, password):
        return client.post("/api/v1/auth/login", json={"username": account, "password": password}).status_code

    sprayed = [sign_in(f"22P-{n:06d}", "Pakistan@123") for n in range(1, 6)]
    assert sprayed == [401, 401, 401, 429, 429]
    # The same address, other passwords (students mistyping their own): their own budgets.
    assert [sign_in("22P-000007", f"typo-{n}") for n in range(3)] == [401, 401, 401]
    # Throttled answers name no password and the limiter's keys hold none.
    keys = _limiter_keys(client.application)
    assert any(key.startswith("LIMITER/sign-in-password:") for key in keys), keys
    assert all("Pakistan" not in key for key in keys)


def _limiter_keys(app) -> list[str]:
    from gateway.limits import limiter
    storage = limiter._storage  # the in-memory store of this test app
    return [str(key) for key in getattr(storage, "storage", {})]


def test_the_access_log_leaves_query_strings_out():
    # A complaint's look-up carries an email or a mobile in its query, an FAQ search what
    # someone asked: the access log names the path only.
    from gateway import gunicorn_conf
    assert "%(r)s" not in gunicorn_conf.access_log_format and "%(q)s" not in gunicorn_conf.access_log_format
    assert '"%(m)s %(U)s %(H)s"' in gunicorn_conf.access_log_format
