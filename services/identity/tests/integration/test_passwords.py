"""Passwords through identity's real gRPC server on PostgreSQL: change, forgotten
password by mail, and the first login by activation code or legacy password."""
import datetime as dt
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from campus import clock
from campus.errors import FailedPrecondition, InvalidArgument, Unauthenticated
from cms.identity.v1 import identity_pb2 as pb
from services.identity import service
from services.identity.models import accounts, mail_outbox, reset_tokens
from services.identity.tests.integration.support import CNIC, NEW_PASSWORD, unique_ip

CLIENT = pb.ClientInfo(ip="203.0.113.20", user_agent="pytest")


def change(idp, tokens, current, new):
    return idp.call("ChangePassword", pb.ChangePasswordRequest(
        current_password=current, new_password=new, client=CLIENT), caller=idp.caller(tokens))


def test_change_password_ends_every_session_but_the_new_one(idp):
    username, first = idp.active_student()
    second = idp.login(username, NEW_PASSWORD)
    fresh = change(idp, second, NEW_PASSWORD, "Another-Pass-9")
    assert not idp.check(first) and not idp.check(second) and idp.check(fresh)
    with pytest.raises(Unauthenticated):
        idp.login(username, NEW_PASSWORD, ip=unique_ip())
    assert idp.login(username, "Another-Pass-9").account.username == username
    changed = [e["data"] for e in idp.outbox("password_changed") if e["data"]["username"] == username]
    assert [c["how"] for c in changed] == ["activation", "change"]
    assert "password_changed" in [e.event for e in idp.audit(username)]


def test_change_password_checks_the_current_and_the_new_one(idp):
    username, tokens = idp.active_student()
    with pytest.raises(InvalidArgument) as wrong:
        change(idp, tokens, "Not-The-Pass-1", "Another-Pass-9")
    assert wrong.value.field == "current_password"
    for weak in ("short1", "nodigitshere", f"x{username}1", NEW_PASSWORD):
        with pytest.raises(InvalidArgument) as refused:
            change(idp, tokens, NEW_PASSWORD, weak)
        assert refused.value.field == "new_password"
    assert idp.check(tokens)


def test_change_password_after_logout_is_refused(idp):
    _, tokens = idp.active_student()
    idp.call("Logout", pb.LogoutRequest(), caller=idp.caller(tokens))
    with pytest.raises(Unauthenticated):
        change(idp, tokens, NEW_PASSWORD, "Another-Pass-9")


def request_reset(idp, username, ip="203.0.113.30"):
    return idp.call("RequestPasswordReset", pb.RequestPasswordResetRequest(
        username=username, client=pb.ClientInfo(ip=ip)))


def reset_link_token(message) -> str:
    """The token of the mailed reset link, which must sit in the fragment: browsers never
    send a fragment to a server, so it cannot end up in an access log."""
    body = message.get_content()
    link = next(line.strip() for line in body.splitlines() if "/reset-password" in line)
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path, parts.query) == ("http", "localhost:8080", "/reset-password", "")
    assert parts.fragment.startswith("token=") and "token" not in link.split("#", 1)[0]
    token = parts.fragment.removeprefix("token=")
    # For a browser without JavaScript, the same token on a line of its own, to paste.
    assert token in [line.strip() for line in body.splitlines()]
    return token


def test_forgotten_password_end_to_end_through_the_mail_file(idp, identity_runtime, caplog):
    username, tokens = idp.active_student()
    recipient = f"{username.lower()}@students.example.pk"
    assert request_reset(idp, username) == pb.RequestPasswordResetResponse()
    with caplog.at_level("INFO"):
        [message] = idp.mails_to(recipient)
    token = reset_link_token(message)
    assert token not in caplog.text and str(identity_runtime.config.mail_dir) in caplog.text
    with identity_runtime.db.sessions() as s:  # only the digest is stored; the sent mail is emptied
        assert s.scalar(sa.select(sa.func.count()).select_from(reset_tokens).where(
            reset_tokens.c.token_hash == token)) == 0
        assert s.scalar(sa.select(sa.func.count()).select_from(mail_outbox).where(
            mail_outbox.c.body.contains(token))) == 0
    with pytest.raises(InvalidArgument) as weak:
        idp.call("ResetPassword", pb.ResetPasswordRequest(token=token, new_password="weak"))
    assert weak.value.field == "new_password"
    idp.call("ResetPassword", pb.ResetPasswordRequest(token=token, new_password="Reset-Done-42", client=CLIENT))
    assert not idp.check(tokens)
    assert idp.login(username, "Reset-Done-42").account.username == username
    with pytest.raises(InvalidArgument) as used:
        idp.call("ResetPassword", pb.ResetPasswordRequest(token=token, new_password="Again-Reset-43"))
    assert used.value.field == "token"
    assert [e["data"]["how"] for e in idp.outbox("password_changed") if e["data"]["username"] == username] == [
        "activation", "reset"]
    events = [e.event for e in idp.audit(username)]
    assert "password_reset_requested" in events and "password_reset_completed" in events


def test_reset_answers_the_same_for_unknown_accounts_and_refuses_bad_tokens(idp):
    assert request_reset(idp, "99X-999999") == pb.RequestPasswordResetResponse()
    for token in ("made-up-token", "x" * 300, ""):
        with pytest.raises(InvalidArgument) as bad:
            idp.call("ResetPassword", pb.ResetPasswordRequest(token=token, new_password="Reset-Done-42"))
        assert bad.value.field == "token"


def test_reset_mails_are_limited_per_hour(idp):
    username, _ = idp.active_student()
    for _ in range(5):
        assert request_reset(idp, username, ip=unique_ip()) == pb.RequestPasswordResetResponse()
    assert len(idp.mails_to(f"{username.lower()}@students.example.pk")) == 3
    details = [e.detail for e in idp.audit(username) if e.event == "password_reset_requested"]
    assert details.count("reset mail queued") == 3 and sum("throttled" in d for d in details) == 2


def test_an_expired_reset_link_is_refused(idp, identity_runtime):
    username, _ = idp.active_student()
    request_reset(idp, username)
    token = reset_link_token(idp.mails_to(f"{username.lower()}@students.example.pk")[-1])
    with identity_runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(reset_tokens).values(expires_at=sa.func.now() - sa.text("interval '1 minute'"))
                            .where(reset_tokens.c.used_at.is_(None)))
        uow.commit()
    with pytest.raises(InvalidArgument) as expired:
        idp.call("ResetPassword", pb.ResetPasswordRequest(token=token, new_password="Reset-Done-42"))
    assert expired.value.field == "token"


def test_activation_code_flow(idp):
    account = idp.create_student("activation")
    assert account.status == "activation_pending"
    [message] = idp.mails_to(account.email)
    code = message.get_content().split("choose your password:")[1].split()[0]
    assert len(code) == 10
    with pytest.raises(FailedPrecondition) as first_login:
        idp.login(account.username, code.lower())
    assert first_login.value.reason == "PASSWORD_CHANGE_REQUIRED"
    with pytest.raises(Unauthenticated):
        idp.call("Activate", pb.ActivateRequest(username=account.username, code="WRONGCODE2",
                                                new_password=NEW_PASSWORD, client=pb.ClientInfo(ip=unique_ip())))
    tokens = idp.call("Activate", pb.ActivateRequest(username=account.username, code=code,
                                                     new_password=NEW_PASSWORD, client=CLIENT))
    assert tokens.account.status == "active" and idp.check(tokens)
    with pytest.raises(Unauthenticated):  # the code works once
        idp.login(account.username, code, ip=unique_ip())
    assert "activation_completed" in [e.event for e in idp.audit(account.username)]


def test_activation_codes_are_kept_as_keyed_digests_and_codes_kept_by_argon2_still_work(idp):
    account = idp.create_student("activation")
    with idp.runtime.db.sessions() as s:
        stored = s.scalar(sa.select(accounts.c.activation_code_hash).where(accounts.c.username == account.username))
    assert stored.startswith("hmac-sha256$") and len(stored) == len("hmac-sha256$") + 64
    earlier = idp.create_student("activation")  # as if issued before codes were digested
    with idp.runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(accounts).where(accounts.c.username == earlier.username).values(
            activation_code_hash=idp.runtime_passwords().hash("OLDCODE234")))
        uow.commit()
    tokens = idp.call("Activate", pb.ActivateRequest(username=earlier.username, code="oldcode234",
                                                     new_password=NEW_PASSWORD, client=CLIENT))
    assert tokens.account.status == "active"


def test_legacy_first_login(idp):
    account = idp.create_student("legacy", full_name="Muhammad Ali")
    assert account.status == "password_change_required"
    legacy = "li" + account.username[-4:]
    with pytest.raises(FailedPrecondition) as first_login:
        idp.login(account.username, legacy)
    assert first_login.value.reason == "PASSWORD_CHANGE_REQUIRED"
    with pytest.raises(InvalidArgument) as weak:
        idp.call("Activate", pb.ActivateRequest(username=account.username, code=legacy, new_password="abc",
                                                cnic=CNIC))
    assert weak.value.field == "new_password"
    tokens = idp.call("Activate", pb.ActivateRequest(username=account.username, code=legacy, cnic=CNIC,
                                                     new_password=NEW_PASSWORD, client=CLIENT))
    assert tokens.refresh_token and idp.caller(tokens).subject == account.username
    with pytest.raises(Unauthenticated):
        idp.call("Activate", pb.ActivateRequest(username=account.username, code=legacy,
                                                new_password="Other-Pass-77", client=pb.ClientInfo(ip=unique_ip())))
    assert not idp.mails_to(account.email)  # the legacy rule is known; nothing is mailed
    # The admission record's facts served their turn: identity keeps them no longer.
    with idp.runtime.db.sessions() as s:
        row = s.execute(sa.select(accounts).where(accounts.c.username == account.username)).one()
    assert (row.admission_cnic_digest, row.admission_dob_digest, row.legacy_failed_attempts) == (None, None, 0)


def expire_first_login(runtime, username):
    with runtime.db.unit_of_work() as uow:
        uow.session.execute(sa.update(accounts).where(accounts.c.username == username).values(
            activation_expires_at=clock.utcnow() - dt.timedelta(minutes=1)))
        uow.commit()


def test_the_legacy_password_expires_after_legacy_password_days(idp, identity_runtime):
    before = clock.utcnow()
    account = idp.create_student("legacy", full_name="Muhammad Ali")
    with identity_runtime.db.sessions() as s:
        deadline = clock.as_utc(s.scalar(sa.select(accounts.c.activation_expires_at)
                                         .where(accounts.c.username == account.username)))
    days = identity_runtime.config.legacy_password_days
    assert days == 30 and before + dt.timedelta(days=days) <= deadline <= clock.utcnow() + dt.timedelta(days=days)

    expire_first_login(identity_runtime, account.username)
    legacy = "li" + account.username[-4:]
    with pytest.raises(Unauthenticated) as login:  # exactly what a wrong password gets
        idp.login(account.username, legacy, ip=unique_ip())
    with pytest.raises(Unauthenticated) as wrong_password:
        idp.login(account.username, "li0000", ip=unique_ip())
    assert login.value.message == wrong_password.value.message == "wrong username or password"
    with pytest.raises(Unauthenticated) as activation:  # exactly what a wrong code gets
        idp.call("Activate", pb.ActivateRequest(username=account.username, code=legacy, new_password=NEW_PASSWORD,
                                                client=pb.ClientInfo(ip=unique_ip())))
    with pytest.raises(Unauthenticated) as wrong_code:
        idp.call("Activate", pb.ActivateRequest(username=account.username, code="li0000", new_password=NEW_PASSWORD,
                                                client=pb.ClientInfo(ip=unique_ip())))
    assert activation.value.message == wrong_code.value.message
    assert activation.value.reason == wrong_code.value.reason == login.value.reason
    events = [(e.event, e.detail) for e in idp.audit(account.username)]
    assert events.count(("legacy_password_expired", "the initial password has expired")) == 2
    assert events.count(("login_failed", "wrong username or password")) == 1
    with identity_runtime.db.sessions() as s:
        assert s.scalar(sa.select(accounts.c.status).where(accounts.c.username == account.username)) == \
            "password_change_required"


def test_an_expired_activation_code_is_refused_like_a_wrong_one(idp, identity_runtime):
    account = idp.create_student("activation")
    code = idp.mails_to(account.email)[0].get_content().split("choose your password:")[1].split()[0]
    expire_first_login(identity_runtime, account.username)
    with pytest.raises(Unauthenticated) as expired:
        idp.call("Activate", pb.ActivateRequest(username=account.username, code=code, new_password=NEW_PASSWORD,
                                                client=pb.ClientInfo(ip=unique_ip())))
    assert expired.value.message == "wrong username or activation code"
    assert "activation_code_expired" in [e.event for e in idp.audit(account.username)]


def test_a_password_reset_still_lets_a_student_with_an_expired_legacy_password_in(idp, identity_runtime):
    account = idp.create_student("legacy")
    expire_first_login(identity_runtime, account.username)
    request_reset(idp, account.username)
    token = reset_link_token(idp.mails_to(account.email)[-1])
    idp.call("ResetPassword", pb.ResetPasswordRequest(token=token, new_password="Reset-Done-42", client=CLIENT))
    assert idp.login(account.username, "Reset-Done-42").account.status == "active"


def test_a_lock_made_while_the_password_changes_wins(idp, identity_runtime):
    """set_password may act on an account read before a concurrent lock committed: it must
    not write status active over the lock."""
    username, tokens = idp.active_student()
    with identity_runtime.db.sessions() as s:
        stale = s.execute(sa.select(accounts).where(accounts.c.username == username)).one()
    idp.call("LockAccount", pb.LockAccountRequest(username=username, reason="stolen laptop"),
             caller=idp.staff("student_services"))
    idn = service.Identity.from_runtime(identity_runtime)
    for how in ("change", "reset"):
        with identity_runtime.db.unit_of_work() as uow:
            assert service.set_password(idn, uow, stale, "Another-Pass-9", how) is False
            uow.commit()
    with identity_runtime.db.sessions() as s:
        assert s.scalar(sa.select(accounts.c.status).where(accounts.c.username == username)) == "locked"
    with pytest.raises(FailedPrecondition):
        idp.login(username, NEW_PASSWORD)


def test_common_passwords_and_the_name_are_refused_on_change_naming_the_field(idp):
    username, tokens = idp.active_student()
    me = idp.caller(tokens)
    for weak, why in (("Pakistan@123", "common"), ("Siddiqui-2027", "name"), ("short1", "10 to 128")):
        with pytest.raises(InvalidArgument) as refused:
            idp.call("ChangePassword", pb.ChangePasswordRequest(
                current_password=NEW_PASSWORD, new_password=weak, client=pb.ClientInfo(ip="203.0.113.10")),
                caller=me)
        assert refused.value.field == "new_password" and why in refused.value.message
