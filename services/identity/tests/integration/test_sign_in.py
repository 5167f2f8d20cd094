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
from services.identity.models import accounts, known_clients, login_throttle
from services.identity.tests.integration.support import NEW_PASSWORD, unique_ip, unique_ipv6_net

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


def storm(idp, username, count=domain.ACCOUNT_LIMIT + 1) -> list:
    """One wrong guess from each of `count` fresh IPs; what each got back."""
    answers = []
    for _ in range(count):
        try:
            idp.login(username, "Guess-1234", ip=unique_ip())
        except (Unauthenticated, TooManyAttempts) as refused:
            answers.append(refused)
    return answers


def test_rotating_ips_gets_a_guesser_nowhere_but_the_owner_still_gets_in(idp):
    username, _ = idp.active_student()
    home = unique_ip()
    idp.login(username, NEW_PASSWORD, ip=home)  # where the owner usually signs in
    answers = storm(idp, username)  # 51 fresh IPs: 50 guesses, then the limit
    assert [type(a) for a in answers] == [Unauthenticated] * domain.ACCOUNT_LIMIT + [TooManyAttempts]
    for ip in (unique_ip(), "2001:db8:ffff:1::1"):  # a 52nd fresh IP, even with the right password
        with pytest.raises(TooManyAttempts) as held:
            idp.login(username, NEW_PASSWORD, ip=ip)
        assert 0 < held.value.retry_after <= 15 * 60
    assert idp.login(username, NEW_PASSWORD, ip=home).account.username == username
    with pytest.raises(Unauthenticated):  # the owner's place counts only its own failures
        idp.login(username, "Typo-Pass-1", ip=home)
    assert idp.login(username, NEW_PASSWORD, ip=home).account.username == username
    assert "login_throttled" in [e.event for e in idp.audit(username)]


def test_the_place_of_the_first_login_is_known_too(idp):
    username, _ = idp.active_student()  # activated from 203.0.113.10
    storm(idp, username)
    assert idp.login(username, NEW_PASSWORD, ip="203.0.113.10").account.username == username


def test_a_place_not_seen_for_ninety_days_is_held_back_like_a_stranger(idp, identity_runtime):
    username, _ = idp.active_student()
    old_home = unique_ip()
    idp.login(username, NEW_PASSWORD, ip=old_home)
    with identity_runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(known_clients).where(known_clients.c.username == username).values(
            last_success_at=sa.func.now() - sa.text("interval '91 days'")))
        uow.commit()
    storm(idp, username)
    with pytest.raises(TooManyAttempts):
        idp.login(username, NEW_PASSWORD, ip=old_home)


def test_two_ipv6_addresses_in_one_64_share_one_failure_counter(idp, identity_runtime):
    username, _ = idp.active_student()
    net = unique_ipv6_net()  # like 2001:db8:12:1, one subscriber's /64
    for n in range(domain.FREE_FAILURES):
        with pytest.raises(Unauthenticated):
            idp.login(username, "Guess-1234", ip=f"{net}::{'ab'[n % 2]}")  # ::a, ::b, ::a...
    with pytest.raises(TooManyAttempts) as held:  # yet another address of that /64
        idp.login(username, NEW_PASSWORD, ip=f"{net}:1234:5678:9abc:def0")
    assert 25 <= held.value.retry_after <= 30
    with identity_runtime.db.sessions() as s:
        rows = s.execute(sa.select(login_throttle.c.ip, login_throttle.c.failures)
                         .where(login_throttle.c.username == username)).all()
    assert [tuple(r) for r in rows] == [(f"{net}::/64", domain.FREE_FAILURES)]
    # The next /64 is another subscriber, and the full addresses stay in the audit log.
    neighbour = net.rsplit(":", 1)[0] + ":2"
    assert idp.login(username, NEW_PASSWORD, ip=f"{neighbour}::a").account.username == username
    assert {f"{net}::a", f"{net}::b"} <= {e.ip for e in idp.audit(username) if e.event == "login_failed"}


def test_unlocking_gives_every_place_a_fresh_start(idp):
    username, _ = idp.active_student()
    storm(idp, username)
    with pytest.raises(TooManyAttempts):
        idp.login(username, NEW_PASSWORD, ip=unique_ip())
    staff = idp.staff("student_services")
    idp.call("LockAccount", pb.LockAccountRequest(username=username, reason="password guessing"), caller=staff)
    idp.call("UnlockAccount", pb.UnlockAccountRequest(username=username), caller=staff)
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
