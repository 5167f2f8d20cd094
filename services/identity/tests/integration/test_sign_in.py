"""Signing in through identity's real gRPC server on PostgreSQL: login, refresh
rotation, logout, throttling and banks."""
import json
from concurrent.futures import ThreadPoolExecutor

import jwt
import pytest
import sqlalchemy as sa

from campus.errors import InvalidArgument, PermissionDenied, TooManyAttempts, Unauthenticated
from cms.identity.v1 import identity_pb2 as pb
from services import demo
from services.identity import domain
from services.identity.models import accounts
from services.identity.tests.integration.support import NEW_PASSWORD, unique_ip

STUDENT = demo.STUDENT["registration_number"]


def test_login_returns_a_signed_access_token_and_a_refresh_token(idp):
    tokens = idp.login(STUDENT)
    caller = idp.caller(tokens)
    assert (caller.kind, caller.subject, caller.service) == ("student", STUDENT, "gateway")
    assert caller.session_id and tokens.refresh_token and tokens.token_type == "Bearer"
    assert tokens.expires_in == 900
    assert (tokens.account.username, tokens.account.status) == (STUDENT, "active")
    assert idp.check(tokens)


def test_staff_tokens_carry_the_department(idp):
    tokens = idp.login("Exams.Officer")
    assert (idp.caller(tokens).department, tokens.account.full_name) == ("examinations", "Samina Bashir")


def test_wrong_password_and_unknown_user_get_the_same_answer(idp):
    with pytest.raises(Unauthenticated) as wrong:
        idp.login(STUDENT, "Wrong@2026", ip=unique_ip())
    with pytest.raises(Unauthenticated) as unknown:
        idp.login("99X-999999", demo.PASSWORD, ip=unique_ip())
    assert wrong.value.message == unknown.value.message == "wrong username or password"
    assert wrong.value.reason == unknown.value.reason


def test_refresh_rotates_and_a_reused_token_ends_the_session(idp):
    first = idp.login(STUDENT)
    second = idp.call("Refresh", pb.RefreshRequest(refresh_token=first.refresh_token))
    assert second.refresh_token != first.refresh_token
    assert idp.caller(second).session_id == idp.caller(first).session_id
    third = idp.call("Refresh", pb.RefreshRequest(refresh_token=second.refresh_token))
    with pytest.raises(Unauthenticated):
        idp.call("Refresh", pb.RefreshRequest(refresh_token=first.refresh_token))
    assert not idp.check(third)
    with pytest.raises(Unauthenticated):  # the thief's newest token died with the session
        idp.call("Refresh", pb.RefreshRequest(refresh_token=third.refresh_token))
    assert "refresh_reuse_detected" in [e.event for e in idp.audit(STUDENT)]


def test_unknown_refresh_token_is_unauthenticated(idp):
    with pytest.raises(Unauthenticated):
        idp.call("Refresh", pb.RefreshRequest(refresh_token="not-a-token"))


def test_logout_ends_the_session_and_only_that_one(idp):
    one, other = idp.login(STUDENT), idp.login(STUDENT)
    idp.call("Logout", pb.LogoutRequest(), caller=idp.caller(one))
    assert not idp.check(one) and idp.check(other)
    with pytest.raises(Unauthenticated):
        idp.call("Refresh", pb.RefreshRequest(refresh_token=one.refresh_token))
    assert not idp.call("CheckSession", pb.CheckSessionRequest(session_id="no-such-session")).active


def test_logout_needs_a_signed_in_user(idp):
    with pytest.raises(Unauthenticated):
        idp.call("Logout", pb.LogoutRequest())


def test_five_failures_hold_back_that_ip_but_not_another(idp):
    username, _ = idp.active_student()
    attacker, owner = unique_ip(), unique_ip()
    for _ in range(5):
        with pytest.raises(Unauthenticated):
            idp.login(username, "Guess-1234", ip=attacker)
    with pytest.raises(TooManyAttempts) as held:
        idp.login(username, NEW_PASSWORD, ip=attacker)  # even the right password waits
    assert 25 <= held.value.retry_after <= 30
    assert idp.login(username, NEW_PASSWORD, ip=owner).account.username == username
    assert "login_throttled" in [e.event for e in idp.audit(username)]


def test_a_success_resets_the_count(idp):
    username, _ = idp.active_student()
    ip = unique_ip()
    for _ in range(2):
        for _ in range(4):
            with pytest.raises(Unauthenticated):
                idp.login(username, "Guess-1234", ip=ip)
        idp.login(username, NEW_PASSWORD, ip=ip)


def test_a_storm_from_many_ips_holds_back_those_ips_and_not_a_fresh_one(idp):
    username, _ = idp.active_student()
    storm = [unique_ip() for _ in range(domain.ACCOUNT_LIMIT)]
    for ip in storm:
        with pytest.raises(Unauthenticated):
            idp.login(username, "Guess-1234", ip=ip)
    with pytest.raises(TooManyAttempts):
        idp.login(username, NEW_PASSWORD, ip=storm[0])
    assert idp.login(username, NEW_PASSWORD, ip=unique_ip()).account.username == username


def test_login_rehashes_a_password_hashed_with_older_parameters(idp, identity_runtime):
    username, _ = idp.active_student()
    from argon2 import PasswordHasher
    old = PasswordHasher(time_cost=2, memory_cost=8192, parallelism=1).hash(NEW_PASSWORD)
    with identity_runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(accounts).where(accounts.c.username == username).values(password_hash=old))
        uow.commit()
    idp.login(username, NEW_PASSWORD)
    with identity_runtime.db.sessions() as s:
        new = s.scalar(sa.select(accounts.c.password_hash).where(accounts.c.username == username))
    assert new != old and new.startswith("$argon2id$v=19$m=8192,t=1,p=1$")
    idp.login(username, NEW_PASSWORD)


def test_bank_authentication_gives_a_short_token_without_session(idp):
    tokens = idp.call("AuthenticateBank", pb.AuthenticateBankRequest(
        bank_mnemonic="abl", secret=demo.PASSWORD, client=pb.ClientInfo(ip="192.0.2.1")))
    caller = idp.caller(tokens)
    assert (caller.kind, caller.subject, caller.session_id) == ("bank", "ABL", "")
    assert (tokens.refresh_token, tokens.expires_in, tokens.account.kind) == ("", 300, "bank")
    with pytest.raises(Unauthenticated):
        idp.call("AuthenticateBank", pb.AuthenticateBankRequest(
            bank_mnemonic="ABL", secret="wrong-secret", client=pb.ClientInfo(ip=unique_ip())))
    events = [e.event for e in idp.audit("ABL")]
    assert "bank_authenticated" in events and "bank_authentication_failed" in events


def test_banks_cannot_use_the_student_login(idp):
    with pytest.raises((Unauthenticated, InvalidArgument)):
        idp.login("ABL", demo.PASSWORD, ip=unique_ip())


def test_only_the_gateway_may_sign_people_in(as_enrollment):
    with pytest.raises(PermissionDenied):
        as_enrollment.call("identity", "Login", pb.LoginRequest(username=STUDENT, password=demo.PASSWORD))
    assert as_enrollment.call("identity", "CheckSession", pb.CheckSessionRequest(session_id="x")).active is False


def test_jwks_publishes_the_signing_key(idp):
    tokens = idp.login(STUDENT)
    document = json.loads(idp.call("GetJwks", pb.GetJwksRequest()).jwks_json)
    assert [k["kty"] for k in document["keys"]] == ["OKP"] and "d" not in document["keys"][0]
    assert jwt.get_unverified_header(tokens.access_token)["kid"] == document["keys"][0]["kid"]


def test_the_same_refresh_token_presented_at_once_wins_only_once(idp):
    tokens = idp.login(STUDENT)

    def attempt(_):
        try:
            return idp.call("Refresh", pb.RefreshRequest(refresh_token=tokens.refresh_token))
        except Unauthenticated:
            return None
    with ThreadPoolExecutor(max_workers=8) as pool:
        winners = [r for r in pool.map(attempt, range(8)) if r is not None]
    assert len(winners) == 1
    assert not idp.check(tokens)  # the others count as reuse and end the session
