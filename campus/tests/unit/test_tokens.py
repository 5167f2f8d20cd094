"""Access and service tokens: what is accepted, what is refused, and that caching a
verified token never outlives the token."""
import time

import jwt
import pytest

from campus import auth
from campus.errors import Unauthenticated

SECRET = "s" * 40


@pytest.fixture
def signer():
    return auth.AccessTokenSigner(auth.AccessTokenSigner.generate_pem())


def test_a_signed_token_gives_its_caller(signer):
    verifier = auth.AccessTokenVerifier(signer.jwks_json)
    token = signer.sign(subject="22P-123456", kind=auth.STUDENT, ttl_seconds=60, session_id="abc")
    caller = verifier.caller(token, via="gateway")
    assert (caller.kind, caller.subject, caller.session_id) == ("student", "22P-123456", "abc")
    assert caller.service == "gateway"
    assert verifier.caller(token, via="requests").service == "requests"  # cached claims, fresh caller


def test_a_staff_token_carries_her_centre_and_only_staff_get_one(signer):
    verifier = auth.AccessTokenVerifier(signer.jwks_json)
    staff = signer.sign(subject="officer", kind=auth.STAFF, department="dept_x", centre="ISB", ttl_seconds=60)
    assert jwt.decode(staff, options={"verify_signature": False})["centre"] == "ISB"
    assert (verifier.caller(staff).department, verifier.caller(staff).centre) == ("dept_x", "ISB")
    assert verifier.caller(signer.sign(subject="officer", kind=auth.STAFF, ttl_seconds=60)).centre == ""
    student = signer.sign(subject="22P-123456", kind=auth.STUDENT, centre="ISB", ttl_seconds=60)
    assert verifier.caller(student).centre == ""


def test_another_algorithm_or_key_is_refused(signer):
    verifier = auth.AccessTokenVerifier(signer.jwks_json)
    forged = jwt.encode({"sub": "22P-123456", "kind": "student", "iat": 0, "exp": 2**31,
                         "iss": auth.access_issuer(), "aud": auth.ACCESS_AUDIENCE}, "k" * 32, algorithm="HS256",
                        headers={"kid": signer.kid})
    with pytest.raises(Unauthenticated):
        verifier.caller(forged)
    stranger = auth.AccessTokenSigner(auth.AccessTokenSigner.generate_pem())
    with pytest.raises(Unauthenticated):
        verifier.caller(stranger.sign(subject="x", kind=auth.STUDENT, ttl_seconds=60))


def test_an_expired_token_is_refused_even_after_it_was_cached(signer):
    verifier = auth.AccessTokenVerifier(signer.jwks_json, leeway=0)
    token = signer.sign(subject="22P-123456", kind=auth.STUDENT, ttl_seconds=1)
    verifier.caller(token)
    time.sleep(1.1)
    with pytest.raises(Unauthenticated) as expired:
        verifier.caller(token)
    assert expired.value.reason == "TOKEN_EXPIRED"


def test_service_tokens(monkeypatch):
    mine = auth.ServiceTokens("requests", SECRET)
    assert auth.ServiceTokens("finance", SECRET).verify(mine.token()) == "requests"
    with pytest.raises(Unauthenticated):
        auth.ServiceTokens("finance", "t" * 40).verify(mine.token())


def test_authorize():
    student = auth.Caller(kind=auth.STUDENT, subject="22P-123456", service="gateway")
    auth.authorize(student, owner="22P-123456")
    with pytest.raises(auth.PermissionDenied):
        auth.authorize(student, owner="23A-654321")
    staff = auth.Caller(kind=auth.STAFF, subject="exams.officer", department="examinations", service="gateway")
    auth.authorize(staff, departments={"examinations"})
    with pytest.raises(auth.PermissionDenied):
        auth.authorize(staff, departments={"treasury"})
    relayed = auth.Caller(kind=auth.STUDENT, subject="22P-123456", service="requests")
    auth.authorize(relayed, services={"requests"}, owner="someone-else")
