"""The portal's page session follows the identity session: it ends when left idle, when
identity says the session is over, and renews its access token with the refresh token.
Identity here is a recording stand-in; every other service is a dead port (tiles unavailable)."""
import time
from types import SimpleNamespace

import pytest

from campus import testing
from campus.grpc_client import ServiceClients
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.context import Gateway

DEAD = "127.0.0.1:1"


class Identity(ServiceClients):
    """Real clients (to dead ports) but for identity's three session calls, recorded."""

    def __init__(self, users, active=True):
        super().__init__(testing.service_tokens("gateway"),
                         addresses={s: DEAD for s in ("enrollment", "exams", "finance", "requests", "tracking")})
        self.users, self.active, self.asked = users, active, []

    def call(self, service, method, request, **kwargs):
        if service != "identity":
            return super().call(service, method, request, **kwargs)
        self.asked.append(method)
        if method == "CheckSession":
            return SimpleNamespace(active=self.active)
        if method == "Refresh":
            fresh = self.users.student("22P-123456")
            return SimpleNamespace(access_token=fresh.token, refresh_token="rt-2" * 8, expires_in=900)
        return SimpleNamespace()


@pytest.fixture
def portal():
    users = testing.TestUsers()
    config = GatewayConfig(environment="test", tile_timeout_seconds=0.3, session_check_ttl_seconds=0,
                           session_idle_minutes=30)
    identity = Identity(users)
    app = create_app(config, Gateway(config, identity, users.verifier))
    return app.test_client(), users, identity


def signed_in(client, users, *, seen_ago=0, expires_in=900):
    with client.session_transaction() as session:
        session.update(at=users.student("22P-123456").token, rt="rt-1" * 8, exp=int(time.time()) + expires_in,
                       seen=int(time.time()) - seen_ago)


def test_a_live_session_shows_the_dashboard_with_its_tiles(portal):
    client, users, identity = portal
    signed_in(client, users)
    page = client.get("/student")
    assert page.status_code == 200 and b'data-tile="profile"' in page.data
    assert page.headers["Cache-Control"] == "no-store" and "CheckSession" in identity.asked


def test_an_idle_session_ends_here_and_at_identity(portal):
    client, users, identity = portal
    signed_in(client, users, seen_ago=31 * 60)
    page = client.get("/student")
    assert page.status_code == 302 and page.headers["Location"].startswith("/login")
    assert identity.asked == ["Logout"]
    with client.session_transaction() as session:
        assert "at" not in session


def test_a_session_identity_has_ended_is_over_for_the_page_too(portal):
    client, users, identity = portal
    identity.active = False
    signed_in(client, users)
    assert client.get("/student").status_code == 302


def test_an_access_token_near_its_end_is_renewed_with_the_refresh_token(portal):
    client, users, identity = portal
    signed_in(client, users, expires_in=10)
    assert client.get("/student").status_code == 200
    assert identity.asked[0] == "Refresh"
    with client.session_transaction() as session:
        assert session["rt"] == "rt-2" * 8 and session["exp"] > time.time() + 800


def test_the_session_cookie_is_httponly_and_samesite(portal):
    client, users, _ = portal
    page = client.get("/login")
    cookie = page.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_production_sends_cookies_over_https_only_and_refuses_the_development_secret():
    secrets = testing.PRODUCTION_KEYS.settings("gateway")
    assert GatewayConfig(environment="production", session_secret="p" * 40, **secrets).secure_cookies is True
    with pytest.raises(ValueError, match="GATEWAY_SESSION_SECRET"):
        GatewayConfig(environment="production", **secrets)
