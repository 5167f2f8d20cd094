"""Opaque tokens, session validity, mail retries, argon2 and signing keys."""
import datetime as dt
import stat

import pytest

from campus import testing
from campus.auth import AccessTokenSigner, AccessTokenVerifier
from services.identity import domain, keys
from services.identity.config import IdentityConfig, previous_jwks
from services.identity.passwords import Passwords

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(days=1)


def test_tokens_are_random_and_stored_as_sha256():
    token = domain.new_token()
    assert len(token) >= 43 and token != domain.new_token()
    digest = domain.token_digest(token)
    assert len(digest) == 64 and token not in digest and digest == domain.token_digest(token)


@pytest.mark.parametrize("revoked, expires, status, active", [
    (None, LATER, domain.ACTIVE, True),
    (NOW, LATER, domain.ACTIVE, False),
    (None, NOW, domain.ACTIVE, False),
    (None, LATER, domain.LOCKED, False),
])
def test_session_active(revoked, expires, status, active):
    assert domain.session_active(revoked, expires, status, NOW) is active


def test_mail_retries_back_off_to_an_hour():
    assert [domain.mail_retry_delay(n) for n in (1, 2, 3, 8, 50)] == [30, 60, 120, 3600, 3600]
    assert domain.may_send_reset_mail(2, 3) and not domain.may_send_reset_mail(3, 3)


def test_argon2_verifies_and_asks_for_rehash_when_parameters_change():
    weak = Passwords(time_cost=1, memory_kib=8192, parallelism=1)
    stronger = Passwords(time_cost=2, memory_kib=8192, parallelism=1)
    hashed = weak.hash("Demo@2026")
    assert hashed.startswith("$argon2id$")
    assert weak.verify(hashed, "Demo@2026") and not weak.verify(hashed, "demo@2026")
    assert not weak.verify(None, "anything") and not weak.verify("not a hash", "x")
    assert stronger.needs_rehash(hashed) and not weak.needs_rehash(hashed)


def test_signing_key_is_generated_private_and_reused(tmp_path):
    config = IdentityConfig(var_dir=tmp_path, environment="test")
    first = keys.load(config)
    path = tmp_path / "keys" / "identity-signing.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert keys.load(config).signer.kid == first.signer.kid
    token = first.signer.sign(subject="22P-123456", kind="student", ttl_seconds=60, session_id="s1")
    assert AccessTokenVerifier(first.jwks_json).caller(token).session_id == "s1"


def test_production_without_a_signing_key_does_not_start(tmp_path):
    with pytest.raises(ValueError, match="IDENTITY_SIGNING_KEY_FILE"):
        IdentityConfig(var_dir=tmp_path, environment="production", **testing.PRODUCTION_KEYS.settings("identity"),
                       amqp_url="amqps://identity:secret@rabbitmq:5671/%2F")


def test_previous_keys_are_published_and_private_keys_refused():
    old = AccessTokenSigner(AccessTokenSigner.generate_pem())
    assert previous_jwks(old.jwks_json())[0]["kid"] == old.kid
    with pytest.raises(ValueError, match="private"):
        previous_jwks('{"kty": "OKP", "kid": "k", "d": "secret"}')


def test_an_unknown_account_costs_one_real_verification_too():
    passwords = Passwords(time_cost=1, memory_kib=8192, parallelism=1)
    calls, real = [], passwords._hasher

    class Counting:
        def verify(self, hashed, secret):
            calls.append(hashed)
            return real.verify(hashed, secret)
    passwords._hasher = Counting()
    assert not passwords.verify(None, "Demo@2026")
    assert len(calls) == 1 and calls[0].startswith("$argon2id$")
