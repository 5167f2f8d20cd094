"""When identity has no memory free for one more password hash (RESOURCE_EXHAUSTED, reason
HASHING_BUSY), the activation, reset and change-password pages say "busy, try again in a
moment" (503 with Retry-After), in English and Urdu, as the sign-in page does; and the
activation page puts identity's refusals of the legacy initial password's second fact
next to its field. Identity here is a stand-in that answers with the refusal given."""
import re
import time
from types import SimpleNamespace

import pytest

from campus import testing
from campus.errors import InvalidArgument, TooManyAttempts, Unauthenticated
from campus.grpc_client import ServiceClients
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.context import Gateway

DEAD = "127.0.0.1:1"
PASSWORD = "Fresh-Start-2027"
BUSY = {"en": "The portal is very busy right now. Please try again in a few seconds.",
        "ur": "اس وقت پورٹل پر بہت زیادہ رش ہے۔ براہِ کرم چند سیکنڈ بعد دوبارہ کوشش کریں۔"}


class Identity(ServiceClients):
    """Identity refuses every password call with `refusal`; sessions stay active."""

    def __init__(self):
        super().__init__(testing.service_tokens("gateway"),
                         addresses={s: DEAD for s in ("enrollment", "exams", "finance", "requests", "tracking")})
        self.refusal = TooManyAttempts("no memory for one more hash", reason="HASHING_BUSY", retry_after=3)
        self.sent = []

    def call(self, service, method, request, **kwargs):
        if service != "identity":
            return super().call(service, method, request, **kwargs)
        if method == "CheckSession":
            return SimpleNamespace(active=True)
        self.sent.append((method, request))
        raise self.refusal


@pytest.fixture
def portal():
    users = testing.TestUsers()
    config = GatewayConfig(environment="test", session_check_ttl_seconds=0)
    identity = Identity()
    app = create_app(config, Gateway(config, identity, users.verifier))
    return app.test_client(), users, identity


def post_form(client, path, data, lang="en"):
    form = client.get(f"{path}?lang={lang}")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form.get_data(as_text=True)) or \
        re.search(r'name="csrf_token" value="([^"]+)"', form.get_data(as_text=True))
    return client.post(path, data={**data, "csrf_token": token.group(1)})


def error_of(page, field) -> str:
    found = re.search(rf'<p class="error" id="{field}-error">([^<]*)</p>', page.get_data(as_text=True))
    return found.group(1) if found else ""


ACTIVATE = {"username": "22P-123456", "code": "ABCDEFGHJK", "new_password": PASSWORD, "new_password_again": PASSWORD}


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_activation_and_reset_pages_say_busy_with_a_503(portal, lang):
    client, _users, _identity = portal
    for path, data, field in (("/activate", ACTIVATE, "code"),
                              ("/reset-password", {"token": "t" * 40, "new_password": PASSWORD,
                                                   "new_password_again": PASSWORD}, "token")):
        busy = post_form(client, path, data, lang)
        # At least identity's 3 seconds (the rate limiter may name its own window's end, if later).
        assert busy.status_code == 503 and int(busy.headers["Retry-After"]) >= 3, path
        assert busy.headers["Cache-Control"] == "no-store"
        assert error_of(busy, field) == BUSY[lang], path


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_change_password_page_says_busy_with_a_503(portal, lang):
    client, users, _identity = portal
    with client.session_transaction() as session:
        session.update(at=users.student("22P-123456").token, rt="rt-1" * 8, exp=int(time.time()) + 900,
                       seen=int(time.time()))
    busy = post_form(client, "/account/password", {"current_password": "Demo@2026", "new_password": PASSWORD,
                                                   "new_password_again": PASSWORD}, lang)
    assert busy.status_code == 503 and int(busy.headers["Retry-After"]) >= 3
    assert error_of(busy, "current_password") == BUSY[lang]


def test_the_throttle_is_still_a_429(portal):
    client, _users, identity = portal
    identity.refusal = TooManyAttempts("too many failed attempts", retry_after=30)
    held = post_form(client, "/activate", ACTIVATE)
    assert held.status_code == 429 and "30 seconds" in error_of(held, "code")


@pytest.mark.parametrize("refusal, field, words", [
    (InvalidArgument("cnic or date_of_birth is required", field="cnic", reason="LEGACY_FACT_REQUIRED"), "cnic",
     "With the initial password, enter your CNIC or your date of birth"),
    (Unauthenticated("date_of_birth does not match", field="date_of_birth", reason="LEGACY_FACT_WRONG"),
     "date_of_birth", "This does not match your admission record."),
    (Unauthenticated("retired", reason="LEGACY_PASSWORD_RETIRED"), "code", "We have mailed an activation code"),
    (Unauthenticated("wrong username or activation code"), "code", "Wrong registration number or activation code"),
])
def test_the_activation_page_puts_each_legacy_refusal_next_to_its_field(portal, refusal, field, words):
    client, _users, identity = portal
    identity.refusal = refusal
    page = post_form(client, "/activate", {**ACTIVATE, "date_of_birth": "2003-08-14"})
    assert page.status_code in (400, 401) and words in error_of(page, field)
    sent = identity.sent[-1][1]
    assert (sent.cnic, sent.date_of_birth) == ("", "2003-08-14")


def test_a_malformed_fact_is_refused_before_identity_is_asked(portal):
    client, _users, identity = portal
    page = post_form(client, "/activate", {**ACTIVATE, "cnic": "3740-65432104"})
    assert page.status_code == 400 and error_of(page, "cnic") == "A CNIC is 13 digits, like 37405-6543210-4."
    assert not identity.sent
