"""Tokens an attacker would try, at the gateway and at every service: each one refused.

alg none, HS256 signed with the public key, the wrong audience or issuer (signed with the
real key: a token of ours meant for something else), expired, after logout, after a
password change, and a reused refresh token. At the services the forged token travels as
the gateway would forward it, under a genuine service credential: the service must check
the user's token itself, not trust the gateway's word."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives import serialization

from campus import auth
from campus.errors import Unauthenticated
from tests.security.callers import api_sign_in
from tests.security.conftest import OWNER
from tests.security.probes import student_probes
from tests.stack import NEW_PASSWORD, activated_student, bearer
from tests.stack import service_clients as clients_as

pytestmark = pytest.mark.security
PROFILE = "/api/v1/me/profile"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _claims(**overrides) -> dict:
    now = int(time.time())
    return {"iss": auth.access_issuer(), "aud": auth.ACCESS_AUDIENCE, "sub": OWNER, "kind": "student",
            "iat": now, "exp": now + 600, **overrides}


def _signing_key(stack):
    pem = (Path(stack.env["CAMPUS_VAR_DIR"]) / "keys" / "identity-signing.pem").read_bytes()
    return serialization.load_pem_private_key(pem, password=None)


def _kid(key) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def _signed(stack, claims: dict) -> str:
    key = _signing_key(stack)
    return jwt.encode(claims, key, algorithm="EdDSA", headers={"kid": _kid(key), "typ": "at+jwt"})


def _alg_none(stack) -> str:
    header = {"alg": "none", "typ": "at+jwt", "kid": _kid(_signing_key(stack))}
    return f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(_claims()).encode())}."


def _hs256_with_public_key(stack) -> str:
    """The classic confusion: HMAC keyed with the verifier's own public key."""
    key = _signing_key(stack)
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    header = {"alg": "HS256", "typ": "at+jwt", "kid": _kid(key)}
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(_claims()).encode())}"
    return f"{signing_input}.{_b64(hmac.new(public, signing_input.encode(), hashlib.sha256).digest())}"


FORGERIES = {
    "alg none": _alg_none,
    "HS256 signed with the public key": _hs256_with_public_key,
    "wrong audience": lambda stack: _signed(stack, _claims(aud="another-system")),
    "wrong issuer": lambda stack: _signed(stack, _claims(iss="cms-somebody-else")),
    "expired": lambda stack: _signed(stack, _claims(iat=int(time.time()) - 3600, exp=int(time.time()) - 600)),
    "a staff claim by a student's hand": lambda stack: jwt.encode(
        _claims(kind="staff", dept="examinations"), "guess", algorithm="HS256"),
}


def test_a_genuine_token_signed_here_is_accepted(stack, http):
    """The forgeries below differ from this one in one thing each: what they change is what is refused."""
    genuine = _signed(stack, _claims())
    assert http.get(PROFILE, headers={"Authorization": f"Bearer {genuine}"}).status_code == 200


@pytest.mark.parametrize("forgery", FORGERIES)
def test_forged_tokens_are_refused_at_the_gateway(forgery, stack, http):
    token = FORGERIES[forgery](stack)
    response = http.get(PROFILE, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401, response.text
    assert response.json()["detail"] in ("invalid access token", "access token expired"), response.json()


@pytest.mark.parametrize("forgery", FORGERIES)
def test_forged_tokens_are_refused_at_every_service(forgery, stack):
    token = FORGERIES[forgery](stack)
    clients = clients_as(stack, "gateway")
    forged = auth.Caller(kind="student", subject=OWNER, service="gateway", token=token)
    refused = []
    for probe in student_probes():
        try:
            clients.call(probe.service, probe.method, probe.request(OWNER), caller=forged)
            refused.append(f"{probe.service}.{probe.method}: accepted")
        except Unauthenticated:
            pass
        except Exception as error:  # noqa: BLE001 - anything but Unauthenticated is wrong
            refused.append(f"{probe.service}.{probe.method}: {type(error).__name__} {error}")
    assert not refused, refused


def _refused_everywhere(stack, http, token: str, *, within: float = 1.0) -> list[str]:
    """Where the token still works `within` seconds after its session ended: the gateway
    (asked as many times as it has workers, and more) and each service."""
    deadline = time.monotonic() + within
    clients = clients_as(stack, "gateway")
    caller = auth.Caller(kind="student", subject="", service="gateway", token=token)
    while True:
        still = [f"gateway ({status})" for status in
                 {http.get(PROFILE, headers={"Authorization": f"Bearer {token}"}).status_code for _ in range(8)}
                 if status != 401]
        for probe in student_probes():
            owner = jwt.decode(token, options={"verify_signature": False})["sub"]
            try:
                clients.call(probe.service, probe.method, probe.request(owner), caller=caller)
                still.append(f"{probe.service}.{probe.method}")
            except Unauthenticated:
                pass
            except Exception as error:  # noqa: BLE001 - a not-found means the token was honoured
                still.append(f"{probe.service}.{probe.method} ({type(error).__name__})")
        if not still or time.monotonic() > deadline:
            return still
        time.sleep(0.05)


def test_after_logout_the_old_token_is_refused_everywhere_within_a_second(stack, http):
    tokens = api_sign_in(http, OWNER)
    assert http.get(PROFILE, headers=bearer(tokens)).status_code == 200
    assert http.post("/api/v1/auth/logout", headers=bearer(tokens)).status_code == 204
    assert _refused_everywhere(stack, http, tokens["access_token"]) == []


def test_after_a_password_change_the_old_token_is_refused_everywhere(stack, http):
    admissions = bearer(api_sign_in(http, "admissions.officer"))
    regno, _, _, tokens = activated_student(http, stack, admissions)
    other = api_sign_in(http, regno, NEW_PASSWORD)
    changed = http.post("/api/v1/auth/password/change", headers=bearer(tokens), json={
        "current_password": NEW_PASSWORD, "new_password": "Quetta-Valley-2027"})
    assert changed.status_code == 200, changed.text
    assert _refused_everywhere(stack, http, other["access_token"]) == []


def test_a_reused_refresh_token_is_refused_and_ends_the_session(stack, http):
    tokens = api_sign_in(http, OWNER)
    first = http.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert first.status_code == 200
    reused = http.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert reused.status_code == 401
    # The thief's reuse ends the session: the rotated token is no good either.
    assert _refused_everywhere(stack, http, first.json()["access_token"]) == []
